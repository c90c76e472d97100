"""Reference data: the Norwegian occupation classification STYRK-08, every code at levels 1–4
with its bokmål name (10 major groups, 43 sub-major, 122 minor, 407 unit groups).

Source: Statistics Norway (SSB), Klass classification 7 (STYRK-08), retrieved 2025-10-15;
copied unchanged to employers/data/styrk08.csv (`code,level,name`, codes keep leading zeros).
"""

import csv
from pathlib import Path

from django.db import migrations

STYRK_CSV = Path(__file__).resolve().parent.parent / "data" / "styrk08.csv"


def load(apps, schema_editor):
    Occupation = apps.get_model("employers", "Occupation")
    with STYRK_CSV.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            Occupation.objects.update_or_create(
                code=row["code"], defaults={"level": int(row["level"]), "name": row["name"]}
            )


class Migration(migrations.Migration):
    dependencies = [("employers", "0003_leads_and_openings")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
