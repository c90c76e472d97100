"""Benchmark scenarios for the competence-path pages (see the `bench` command)."""

from competence_paths.models import Participant
from devdata.scale.competence_paths import BENCH_CONTACT, TITLE


def _bench_path() -> str:
    participant = Participant.objects.filter(path__title=f"{TITLE} 1").order_by("pk").first()
    return f"/kompetanselop/{participant.path_id}/"


def _bench_participant() -> str:
    participant = Participant.objects.filter(path__title=f"{TITLE} 1").order_by("pk").first()
    return f"/kompetanselop/deltaker/{participant.pk}/"


SCENARIOS = [
    ("paths: list (own county)", BENCH_CONTACT, lambda: "/kompetanselop/"),
    ("paths: path with 40 participants", BENCH_CONTACT, _bench_path),
    ("paths: participant history", BENCH_CONTACT, _bench_participant),
]
