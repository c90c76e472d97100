"""Reference data: the 21 top-level sections (A–U) of SN2007 with bokmål names, from
Statistics Norway (shared/data/sn2007_sections.csv)."""

import csv
from pathlib import Path

from django.db import migrations

SECTIONS_CSV = Path(__file__).resolve().parent.parent / "data" / "sn2007_sections.csv"


def load(apps, schema_editor):
    Industry = apps.get_model("employers", "Industry")
    with SECTIONS_CSV.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            Industry.objects.update_or_create(code=row["code"], defaults={"name": row["name"]})


class Migration(migrations.Migration):
    dependencies = [("employers", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
