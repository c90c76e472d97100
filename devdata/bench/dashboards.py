"""Benchmark scenarios for the dashboards (see the `bench` command): a county's and the
national dashboard over the pilot period on the national-scale data."""

from django.urls import reverse

SCENARIOS = [
    (
        "dashboards: county (project leader Oslo, pilot period)",
        "prosjektleder.03@skala.no",
        lambda: reverse("dashboards:county") + "?preset=pilot",
    ),
    (
        "dashboards: national, all counties, all time",
        "nasjonal@skala.no",
        lambda: reverse("dashboards:county"),
    ),
]
