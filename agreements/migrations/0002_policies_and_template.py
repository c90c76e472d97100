from django.db import migrations

from agreements.reference import load_policies, load_template


def load(apps, schema_editor):
    load_policies(
        apps.get_model("accounts", "County"), apps.get_model("agreements", "CountySigningPolicy")
    )
    load_template(apps.get_model("agreements", "AgreementTemplate"))


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0001_agreements"),
        ("accounts", "0002_counties_and_measures"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
