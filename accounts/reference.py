"""Reference data loaders, shared by the data migrations (historical models) and the tests
(whose transactional flushes remove migration-loaded rows). Each is idempotent."""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

MEASURES = [
    ("aft", "Arbeidsforberedende trening (AFT)"),
    ("vta", "Varig tilrettelagt arbeid (VTA)"),
    ("oppfolging", "Oppfølging"),
    ("avklaring", "Avklaring"),
    ("arr", "Arbeidsrettet rehabilitering"),
    ("ips", "Individuell jobbstøtte (IPS)"),
    ("amo", "Arbeidsmarkedsopplæring (AMO)"),
    ("jobbklubb", "Jobbklubb"),
    ("mentor", "Mentor"),
]


def load_counties(county_model) -> None:
    """Norway's 15 counties from 2024 (Statistics Norway), pilot counties marked."""
    with (DATA_DIR / "counties.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            county_model.objects.update_or_create(
                number=row["number"],
                defaults={"name": row["name"], "is_pilot": row["pilot"] == "yes"},
            )


def load_measures(measure_model) -> None:
    for code, name in MEASURES:
        measure_model.objects.update_or_create(code=code, defaults={"name": name})
