"""A believable pilot world for the three pilot counties. Safe to run again: each app's demo
module creates what is missing and leaves what exists. Every demo account has the same
password (accounts.demo.DEMO_PASSWORD)."""

from importlib import import_module
from importlib.util import find_spec

from django.core.management.base import BaseCommand
from django.db import transaction

# Run in this order; each module has `seed() -> str` (a short summary of what it created).
SEEDERS = [
    "accounts.demo",
    "employers.demo",
    # Openings before dialogue: accepted leads move employers into dialogue, which then get a
    # contact history in the same run.
    "employers.demo_openings",
    "employers.demo_dialogue",
    "candidates.demo",
    # Shortlists after the candidates they are made of.
    "candidates.demo_pipeline",
    # Agreements last: they take employers from the register and set their status.
    "agreements.demo",
    # The employer portal's users and their answers, on top of everything above.
    "portal.demo",
    # Competence paths take openings, candidates and agreements from the demos above.
    "competence_paths.demo",
]


class Command(BaseCommand):
    help = "Create (or complete) demo data for the pilot counties Oslo, Vestland and Trøndelag."

    @transaction.atomic
    def handle(self, *args, **options):
        for module_name in SEEDERS:
            if find_spec(module_name) is None:
                self.stdout.write(f"{module_name}: not in this build, skipped")
                continue
            summary = import_module(module_name).seed()
            self.stdout.write(f"{module_name}: {summary}")
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
