"""Benchmark scenarios for the employer pages (see the `bench` command and
devdata.scale.employers)."""

from accounts.models import County
from devdata.demo.accounts import demo_orgnr
from devdata.scale.employers import BIG_EMPLOYER_USER, ORGNR_BASE
from employers.models import Employer

ADVISER = "adviser.0.0@skala.no"


def _big_employer() -> int:
    return Employer.objects.get(orgnr=demo_orgnr(ORGNR_BASE)).pk


def _county_with_status() -> str:
    county = County.objects.get(name="Vestland")
    return f"/virksomheter/?fylke={county.pk}&status=in_dialogue"


SCENARIOS = [
    ("employers: list, all counties", BIG_EMPLOYER_USER, lambda: "/virksomheter/?fylke="),
    (
        "employers: list, search text",
        BIG_EMPLOYER_USER,
        lambda: "/virksomheter/?fylke=&sok=nord+hotell",
    ),
    ("employers: list, county + status", BIG_EMPLOYER_USER, _county_with_status),
    (
        "employers: list, sorted by status",
        BIG_EMPLOYER_USER,
        lambda: "/virksomheter/?fylke=&sorter=status",
    ),
    (
        "employers: detail, long history",
        BIG_EMPLOYER_USER,
        lambda: f"/virksomheter/{_big_employer()}/",
    ),
    (
        "employers: contact history",
        BIG_EMPLOYER_USER,
        lambda: f"/virksomheter/{_big_employer()}/kontakthistorikk/",
    ),
    (
        "employers: contact history, topic",
        BIG_EMPLOYER_USER,
        lambda: f"/virksomheter/{_big_employer()}/kontakthistorikk/?tema=agreement",
    ),
    ("employers: my tasks", BIG_EMPLOYER_USER, lambda: "/virksomheter/oppgaver/"),
    ("employers: shared openings (adviser)", ADVISER, lambda: "/virksomheter/stillinger/"),
    ("employers: tips", "prosjektleder.42@skala.no", lambda: "/virksomheter/tips/"),
]
