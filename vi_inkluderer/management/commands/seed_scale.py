"""Generate a national-scale data set for `make bench` (run it on a separate database)."""

import time
from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each module has `seed_scale() -> str`, creates its rows once, and says what it did.
SCALE_SEEDERS = ["accounts.scale", "agreements.scale"]


class Command(BaseCommand):
    help = "Create national-scale benchmark data (idempotent: skips what exists)."

    def handle(self, *args, **options):
        for module_name in SCALE_SEEDERS:
            started = time.monotonic()
            with transaction.atomic():
                summary = import_module(module_name).seed_scale()
            self.stdout.write(f"{module_name}: {summary} ({time.monotonic() - started:.1f} s)")
