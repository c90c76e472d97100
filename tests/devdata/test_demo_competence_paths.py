import pytest
from django.core.management import call_command

from competence_paths.models import CompetencePath, Participant
from devdata.demo.competence_paths import STORD_TITLE

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_paths_cover_every_status_and_the_stord_story():
    call_command("seed_demo", verbosity=0)
    count = CompetencePath.objects.count()
    call_command("seed_demo", verbosity=0)
    assert CompetencePath.objects.count() == count > 0
    assert set(CompetencePath.objects.values_list("status", flat=True)) == set(
        CompetencePath.Status
    )
    assert set(Participant.objects.values_list("status", flat=True)) == set(Participant.Status)
    stord = CompetencePath.objects.get(title=STORD_TITLE)
    picked = stord.opening.shortlist.entries.filter(added_by=stord.contact, source="search")
    assert picked.count() >= 20
    assert stord.participants.count() == 4
    assert stord.participants.filter(outcome="hired", placement__isnull=False).count() == 1
    assert stord.participants.filter(progress__state="completed").count() == 3
    assert stord.union_reps.exists() or not stord.employer.people.filter(kind="union_rep")
