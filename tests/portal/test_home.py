import pytest
from django.urls import reverse

from accounts.models import Role

from ..agreements.factories import AgreementFactory, MeetingFactory
from ..employers.factories import EmployerFactory, JobOpeningFactory
from ..factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def employer_home(db):
    contact = user_with_role(
        Role.CONTACT_PERSON, first_name="Kari", last_name="Fast", phone="41234567"
    )
    employer = EmployerFactory(fixed_contact=contact)
    agreement = AgreementFactory(active=True, employer=employer, fixed_contact=contact)
    return employer, agreement, user_with_role(Role.EMPLOYER_USER, employer=employer)


def test_home_shows_agreement_contact_next_meeting_and_open_openings(client, employer_home):
    employer, agreement, user = employer_home
    opening = JobOpeningFactory(employer=employer, title="Kokk til kantina", status="open")
    JobOpeningFactory(employer=employer, title="Avlyst servitør", status="cancelled")
    other = EmployerFactory()
    JobOpeningFactory(employer=other, title="Andres stilling", status="open")
    meeting = agreement.meetings.planned().order_by("planned_date").first() or MeetingFactory(
        agreement=agreement
    )
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    assert "Kari Fast" in page and "41234567" in page and employer.orgnr in page
    assert reverse("agreements:document_pdf", args=[agreement.pk]) in page
    assert agreement.get_status_display() in page
    assert reverse("portal:meeting_ics", args=[meeting.pk]) in page
    assert opening.title in page
    assert "Avlyst servitør" not in page and "Andres stilling" not in page


def test_the_next_meeting_downloads_as_a_calendar_file(client, employer_home):
    _employer, agreement, user = employer_home
    meeting = MeetingFactory(agreement=agreement)
    client.force_login(user)
    response = client.get(reverse("portal:meeting_ics", args=[meeting.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content


def test_another_employers_meeting_is_a_404(client, employer_home):
    _employer, _agreement, user = employer_home
    stranger_meeting = MeetingFactory(agreement=AgreementFactory(active=True))
    client.force_login(user)
    assert client.get(reverse("portal:meeting_ics", args=[stranger_meeting.pk])).status_code == 404


def test_the_home_page_runs_a_fixed_number_of_queries(
    client, employer_home, django_assert_max_num_queries
):
    employer, _agreement, user = employer_home
    for number in range(5):
        JobOpeningFactory(employer=employer, status="open", title=f"Stilling {number}")
    client.force_login(user)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("home")).status_code == 200
