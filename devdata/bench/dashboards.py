"""Benchmark scenarios for the dashboards (see the `bench` command): a county's and the
national dashboard over the pilot period on the national-scale data. Figures that took longer
than DASHBOARD_KEEP_SLOWER_THAN_MS are kept for a few minutes (dashboards.kept), so each page is
timed twice: as a visit sees it, and computed afresh on every request ("Beregn på nytt nå")."""

from django.urls import reverse

COUNTY = ("prosjektleder.03@skala.no", "?preset=pilot")
NATIONAL = ("nasjonal@skala.no", "?")


def _url(query: str, fresh: bool):
    return lambda: reverse("dashboards:county") + query + ("&ny=1" if fresh else "")


SCENARIOS = [
    (f"dashboards: {name}{suffix}", email, _url(query, fresh))
    for name, (email, query) in (
        ("county (project leader Oslo, pilot period)", COUNTY),
        ("national, all counties, all time", NATIONAL),
    )
    for suffix, fresh in (("", False), (", computed afresh", True))
]
