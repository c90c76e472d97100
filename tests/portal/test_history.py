import datetime

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from accounts.models import Role

from ..agreements.factories import AgreementFactory, MeetingFactory, record_hire
from ..factories import user_with_role

pytestmark = pytest.mark.django_db


def test_history_tells_agreements_and_meetings_in_plain_words_newest_first(
    client, django_assert_max_num_queries
):
    agreement = AgreementFactory(active=True)
    MeetingFactory(
        agreement=agreement, held_on=datetime.date(2026, 11, 3), minutes="Gikk gjennom behovet."
    )
    other = AgreementFactory(active=True)
    MeetingFactory(agreement=other, held_on=datetime.date(2026, 10, 1), minutes="Andres møte")
    client.force_login(user_with_role(Role.EMPLOYER_USER, employer=agreement.employer))
    with django_assert_max_num_queries(12):
        page = client.get(reverse("portal:history")).content.decode()
    assert "Vi inkluderer!-avtalen ble signert" in page
    assert date_format(datetime.date(2026, 11, 3), "DATE_FORMAT") in page
    assert date_format(datetime.date(2026, 10, 1), "DATE_FORMAT") not in page
    assert "Gikk gjennom behovet." not in page


@pytest.mark.parametrize("shared", [True, False])
def test_the_history_shows_minutes_only_when_the_contact_person_shared_them(client, shared):
    meeting = MeetingFactory(
        agreement=AgreementFactory(active=True),
        planned_date=datetime.date.today() - datetime.timedelta(days=1),
    )
    client.force_login(meeting.agreement.fixed_contact)
    data = {"held_on": datetime.date.today().isoformat(), "minutes": "Vi ble enige om to plasser."}
    if shared:
        data["minutes_shared"] = "on"
    response = client.post(reverse("agreements:meeting_record", args=[meeting.pk]), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_shared is shared

    client.force_login(user_with_role(Role.EMPLOYER_USER, employer=meeting.agreement.employer))
    page = client.get(reverse("portal:history")).content.decode()
    assert "Oppfølgingsmøte med NAV" in page
    assert ("Vi ble enige om to plasser." in page) is shared


def test_the_history_tells_the_hires_at_the_employer_only_without_names(client):
    hire = record_hire(AgreementFactory(active=True).employer)
    hire.position = "Kokk i kantina"
    hire.save()
    elsewhere = record_hire(AgreementFactory(active=True).employer)
    elsewhere.position = "Sjåfør"
    elsewhere.save()
    client.force_login(user_with_role(Role.EMPLOYER_USER, employer=hire.employer))
    page = client.get(reverse("portal:history")).content.decode()
    assert "En ny medarbeider begynte som Kokk i kantina" in page
    assert date_format(hire.start_date, "DATE_FORMAT") in page
    assert "Sjåfør" not in page
    assert hire.candidate.full_name not in page
