import pytest
from django.core.management import call_command

from accounts.models import County, User
from devdata.demo import accounts as accounts_demo
from devdata.demo import employer_dialogue as demo_dialogue
from employers.models import DialogueEntry, Employer, Task
from tests.employers.factories import EmployerFactory, EmployerPersonFactory

pytestmark = pytest.mark.django_db


def test_without_employers_the_seeder_does_nothing_and_says_so():
    accounts_demo.seed()
    summary = demo_dialogue.seed()
    assert "no employers yet" in summary
    assert not DialogueEntry.objects.exists()


@pytest.mark.slow
def test_seed_demo_gives_the_demo_employers_a_contact_history():
    call_command("seed_demo")
    assert DialogueEntry.objects.count() >= 40
    counts = (DialogueEntry.objects.count(), Task.objects.count())
    call_command("seed_demo")
    assert (DialogueEntry.objects.count(), Task.objects.count()) == counts


@pytest.fixture
def demo_world():
    accounts_demo.seed()
    trondelag = County.objects.get(name="Trøndelag")
    employers = [
        EmployerFactory(county=trondelag, status=Employer.Status.IN_DIALOGUE) for _ in range(8)
    ]
    employers += [EmployerFactory(status=Employer.Status.AGREEMENT) for _ in range(4)]
    for employer in employers[:5]:
        EmployerPersonFactory(employer=employer)
    lead = EmployerFactory(status=Employer.Status.LEAD)
    return employers, lead


def test_seeder_gives_contacted_employers_a_history_and_leaves_leads_alone(demo_world):
    employers, lead = demo_world
    demo_dialogue.seed()

    for employer in employers:
        assert 2 <= employer.dialogue_entries.count() <= 5
    assert not lead.dialogue_entries.exists()
    assert not DialogueEntry.objects.filter(no_sensitive_data_confirmed=False).exists()
    assert DialogueEntry.objects.filter(author_provider__isnull=False).exists()
    assert DialogueEntry.objects.filter(participants__isnull=False).exists()


def test_seeder_gives_the_demo_contact_person_tasks_for_the_home_page(demo_world):
    demo_dialogue.seed()
    demo_contact = User.objects.get(email="markedskontakt@demo.no")
    assert Task.objects.filter(owner=demo_contact, status=Task.Status.OPEN).count() >= 3


def test_seeder_is_idempotent(demo_world):
    demo_dialogue.seed()
    counts = (DialogueEntry.objects.count(), Task.objects.count())
    summary = demo_dialogue.seed()
    assert (DialogueEntry.objects.count(), Task.objects.count()) == counts
    assert summary.startswith("0 contacts")
