"""Reference data: Norway's 15 counties (2024, Statistics Norway; pilot counties marked) and
the labour-market measures that providers deliver. Source: accounts/data/counties.csv."""

from django.db import migrations

from accounts.reference import load_counties, load_measures


def load(apps, schema_editor):
    load_counties(apps.get_model("accounts", "County"))
    load_measures(apps.get_model("accounts", "Measure"))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
