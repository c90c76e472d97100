"""A believable pilot world for the three pilot counties. Safe to run again: each app's demo
module creates what is missing and leaves what exists. Every demo account has the same
password (devdata.demo.accounts.DEMO_PASSWORD)."""

from importlib import import_module
from importlib.util import find_spec

from django.core.management.base import BaseCommand
from django.db import transaction

# Run in this order; each module has `seed() -> str` (a short summary of what it created).
SEEDERS = [
    "devdata.demo.accounts",
    "devdata.demo.employers",
    # Openings before dialogue: accepted leads move employers into dialogue, which then get a
    # contact history in the same run.
    "devdata.demo.employer_openings",
    "devdata.demo.employer_dialogue",
    "devdata.demo.candidates",
    # Shortlists after the candidates they are made of.
    "devdata.demo.candidate_pipeline",
    # Agreements last: they take employers from the register and set their status.
    "devdata.demo.agreements",
    # The employer portal's users and their answers, on top of everything above.
    "devdata.demo.portal",
    # Competence paths take openings, candidates and agreements from the demos above.
    "devdata.demo.competence_paths",
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
