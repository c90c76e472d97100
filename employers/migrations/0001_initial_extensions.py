from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm makes name search (ILIKE '%...%') use an index."""

    initial = True
    dependencies = []
    operations = [TrigramExtension()]
