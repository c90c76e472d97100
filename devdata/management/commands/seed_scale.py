"""Generate a national-scale data set for `make bench` (run it on a separate database)."""

import time
from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import connection, transaction

# Each module has `seed_scale(scale: float) -> str`, creates its rows once (scale 1 is the
# national size; tests use a small fraction), and says what it did. In this order: employers
# need the organisation and its people.
SCALE_SEEDERS = [
    "devdata.scale.accounts",
    "devdata.scale.employers",
    "devdata.scale.candidates",
    "devdata.scale.candidate_pipeline",
    "devdata.scale.agreements",
    "devdata.scale.competence_paths",
]


class Command(BaseCommand):
    help = "Create national-scale benchmark data (idempotent: skips what exists)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0)

    def handle(self, *args, scale: float, **options):
        for module_name in SCALE_SEEDERS:
            started = time.monotonic()
            with transaction.atomic():
                summary = import_module(module_name).seed_scale(scale=scale)
            self.stdout.write(f"{module_name}: {summary} ({time.monotonic() - started:.1f} s)")
        # Fresh statistics, as after any bulk load: without them the planner takes the new
        # tables for empty and scans them instead of using their indexes. VACUUM also marks the
        # loaded pages all-visible, as autovacuum would in a live database, so index-only scans
        # work; it cannot run inside a transaction (as in the tests), where ANALYZE must do.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
