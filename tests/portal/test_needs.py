import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from employers.models import JobOpening, Occupation

from ..employers.factories import EmployerFactory
from ..factories import user_with_role

pytestmark = pytest.mark.django_db


def _need(**changes):
    occupation = Occupation.objects.filter(level=Occupation.Level.UNIT_GROUP, code="5120").get()
    data = {
        "title": "Kokk til kantina",
        "occupation": occupation.code,
        "positions": "2",
        "start_date": "",
        "description": "Lage lunsj til 200 ansatte.",
        "requirements_must": "Fagbrev eller erfaring fra storkjøkken.",
        "adaptations": "Kan starte i redusert stilling.",
    }
    data.update(changes)
    return data


def test_a_reported_need_becomes_a_draft_for_the_contact_person_who_is_told(client, employer_user):
    client.force_login(employer_user)
    response = client.post(reverse("portal:need_create"), _need())
    assert response.status_code == 302
    opening = JobOpening.objects.get(title="Kokk til kantina")
    contact = employer_user.employer.fixed_contact
    assert opening.status == JobOpening.Status.DRAFT
    assert (opening.recorded_by, opening.reported_by) == (contact, employer_user)
    assert opening.description == "Lage lunsj til 200 ansatte."
    assert opening.positions == 2
    assert contact.notifications.filter(title__contains="Kokk til kantina").exists()
    page = client.get(reverse("portal:needs")).content.decode()
    assert "Kokk til kantina" in page and "Mottatt av NAV" in page


def test_a_need_form_with_errors_keeps_what_was_typed(client, employer_user):
    client.force_login(employer_user)
    response = client.post(
        reverse("portal:need_create"), _need(requirements_must="", positions="0")
    )
    page = response.content.decode()
    assert "Antall stillinger må være minst 1." in page
    assert "Lage lunsj til 200 ansatte." in page
    assert not JobOpening.objects.exists()


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (JobOpening.Status.DRAFT, "Mottatt av NAV"),
        (JobOpening.Status.OPEN, "Publisert"),
        (JobOpening.Status.FILLED, "Besatt"),
        (JobOpening.Status.CANCELLED, "Avlyst"),
    ],
)
def test_the_status_follows_the_opening(client, employer_user, status, label):
    client.force_login(employer_user)
    client.post(reverse("portal:need_create"), _need())
    published = None if status == JobOpening.Status.DRAFT else timezone.now()
    JobOpening.objects.update(status=status, published_at=published)
    page = client.get(reverse("portal:needs")).content.decode()
    shown = {text for text in ("Mottatt av NAV", "Publisert", "Besatt", "Avlyst") if text in page}
    assert shown == {label}


def test_another_employers_openings_are_not_listed(client, employer_user):
    other_user = user_with_role(
        Role.EMPLOYER_USER,
        employer=EmployerFactory(fixed_contact=user_with_role(Role.CONTACT_PERSON)),
    )
    client.force_login(other_user)
    client.post(reverse("portal:need_create"), _need(title="Andres behov"), follow=True)
    client.force_login(employer_user)
    assert "Andres behov" not in client.get(reverse("portal:needs")).content.decode()
