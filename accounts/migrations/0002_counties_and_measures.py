"""Reference data: Norway's 15 counties (2024, Statistics Norway; pilot counties marked) and
the labour-market measures that providers deliver. Source: shared/data/counties.csv."""

import csv
from pathlib import Path

from django.db import migrations

COUNTIES_CSV = Path(__file__).resolve().parent.parent / "data" / "counties.csv"

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


def load(apps, schema_editor):
    County = apps.get_model("accounts", "County")
    Measure = apps.get_model("accounts", "Measure")
    with COUNTIES_CSV.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            County.objects.update_or_create(
                number=row["number"],
                defaults={"name": row["name"], "is_pilot": row["pilot"] == "yes"},
            )
    for code, name in MEASURES:
        Measure.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
