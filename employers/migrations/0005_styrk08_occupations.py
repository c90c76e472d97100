"""Reference data: the Norwegian occupation classification STYRK-08, every code at levels 1–4
with its bokmål name (10 major groups, 43 sub-major, 122 minor, 407 unit groups).

Source: Statistics Norway (SSB), Klass classification 7 (STYRK-08), retrieved 2025-10-15;
copied unchanged to employers/data/styrk08.csv (`code,level,name`, codes keep leading zeros).
"""

from django.db import migrations

from employers.reference import load_occupations


def load(apps, schema_editor):
    load_occupations(apps.get_model("employers", "Occupation"))


class Migration(migrations.Migration):
    dependencies = [("employers", "0004_leads_and_openings")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
