"""Reference data: the 21 top-level sections (A–U) of SN2007 with bokmål names, from
Statistics Norway (employers/data/sn2007_sections.csv)."""

from django.db import migrations

from employers.reference import load_industries


def load(apps, schema_editor):
    load_industries(apps.get_model("employers", "Industry"))


class Migration(migrations.Migration):
    dependencies = [("employers", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
