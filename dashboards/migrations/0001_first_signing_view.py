import django.db.models.deletion
from django.db import migrations, models

VIEW = """
CREATE VIEW dashboards_first_signing AS
SELECT employer_id, MIN(signed_on) AS signed_on
FROM agreements_agreement
WHERE signed_on IS NOT NULL
GROUP BY employer_id
"""


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("employers", "0013_import_in_background"),
        ("agreements", "0008_meeting_minutes_shared"),
    ]

    operations = [
        migrations.RunSQL(VIEW, "DROP VIEW dashboards_first_signing"),
        migrations.CreateModel(
            name="FirstSigning",
            fields=[
                (
                    "employer",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="first_signing",
                        serialize=False,
                        to="employers.employer",
                    ),
                ),
                ("signed_on", models.DateField()),
            ],
            options={"db_table": "dashboards_first_signing", "managed": False},
        ),
    ]
