"""Benchmark scenarios for the candidate register (see the `bench` command). The caseload is
that of a scale adviser; how big it is depends on the candidates `seed_scale` generates."""

from django.urls import reverse

SCENARIOS = [
    (
        "candidates: caseload list (adviser)",
        "adviser.0.0@skala.no",
        lambda: reverse("candidates:list"),
    ),
    (
        "candidates: caseload by availability",
        "adviser.0.0@skala.no",
        lambda: reverse("candidates:list") + "?sorter=tilgjengelig",
    ),
    (
        "candidates: counts (project leader Oslo)",
        "prosjektleder.03@skala.no",
        lambda: reverse("candidates:counts"),
    ),
]
