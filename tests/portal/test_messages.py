import re

import pytest
from django.urls import reverse

from accounts.models import Role
from portal.models import Message

from ..employers.factories import EmployerFactory, JobOpeningFactory
from ..factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def parties(db):
    contact = user_with_role(Role.CONTACT_PERSON)
    employer = EmployerFactory(fixed_contact=contact)
    return employer, contact, user_with_role(Role.EMPLOYER_USER, employer=employer)


def test_the_employer_writes_and_the_contact_person_is_told_and_sees_it_on_the_employer_page(
    client, parties
):
    employer, contact, employer_user = parties
    client.force_login(employer_user)
    page = client.get(reverse("portal:messages")).content.decode()
    assert "Ikke skriv navn eller andre opplysninger om kandidater her" in page
    client.post(reverse("portal:messages"), {"body": "Kan vi flytte møtet?"})
    assert Message.objects.get().author == employer_user
    notification = contact.notifications.get()
    assert notification.send_email and "Kan vi flytte møtet?" in notification.body
    client.force_login(contact)
    page = client.get(reverse("employers:detail", args=[employer.pk])).content.decode()
    assert "Meldinger med virksomheten" in page and "Kan vi flytte møtet?" in page


def test_the_contact_person_answers_and_the_employer_sees_an_unread_message(client, parties):
    employer, contact, employer_user = parties
    client.force_login(contact)
    client.post(reverse("portal:staff_message", args=[employer.pk]), {"body": "Ja, torsdag."})
    assert employer_user.notifications.filter(title__contains="Ny melding").exists()
    client.force_login(employer_user)
    assert "1 ny melding fra NAV" in client.get(reverse("home")).content.decode()
    assert "Ja, torsdag." in client.get(reverse("portal:messages")).content.decode()
    assert "ny melding fra NAV" not in client.get(reverse("home")).content.decode()


def test_a_thread_per_opening(client, parties):
    employer, contact, employer_user = parties
    opening = JobOpeningFactory(employer=employer, title="Kokk")
    client.force_login(employer_user)
    client.post(reverse("portal:opening_messages", args=[opening.pk]), {"body": "Når starter vi?"})
    assert Message.objects.get().thread.opening == opening
    client.force_login(contact)
    page = client.get(reverse("employers:detail", args=[employer.pk])).content.decode()
    assert "Om stillingen Kokk" in page and "Når starter vi?" in page


def test_other_contact_persons_cannot_write_to_the_employer(client, parties):
    employer, _contact, _employer_user = parties
    client.force_login(user_with_role(Role.CONTACT_PERSON))
    response = client.post(reverse("portal:staff_message", args=[employer.pk]), {"body": "Hei"})
    assert response.status_code == 404
    assert not Message.objects.exists()


def test_an_empty_message_is_refused_with_a_norwegian_error(client, parties):
    _employer, _contact, employer_user = parties
    client.force_login(employer_user)
    response = client.post(reverse("portal:messages"), {"body": ""})
    assert "Skriv en melding." in response.content.decode()


def test_every_message_form_carries_a_csrf_token(client, parties):
    employer, contact, employer_user = parties
    for user, url in (
        (employer_user, reverse("portal:messages")),
        (contact, reverse("employers:detail", args=[employer.pk])),
    ):
        client.force_login(user)
        page = client.get(url).content.decode()
        assert page.count('method="post"') == page.count('name="csrfmiddlewaretoken"')


def test_the_contact_person_reads_and_answers_an_openings_thread_on_the_opening_page(
    client, parties
):
    employer, contact, employer_user = parties
    opening = JobOpeningFactory(employer=employer, title="Kokk", recorded_by=contact)
    client.force_login(employer_user)
    client.post(reverse("portal:opening_messages", args=[opening.pk]), {"body": "Når starter vi?"})
    notification = contact.notifications.get()
    opening_url = reverse("employers:opening_detail", args=[opening.pk])
    assert notification.link == opening_url + "#meldinger"

    client.force_login(contact)
    page = client.get(opening_url).content.decode()
    assert "Meldinger med virksomheten om stillingen" in page and "Når starter vi?" in page
    assert page.count('method="post"') == page.count('name="csrfmiddlewaretoken"')
    response = client.post(
        reverse("portal:staff_message", args=[employer.pk]),
        {"body": "Første mandag i mars.", "stilling": opening.pk, "tilbake": "stilling"},
    )
    assert response["Location"] == opening_url + "#meldinger"
    answer = Message.objects.get(body="Første mandag i mars.")
    assert answer.thread.opening == opening
    link = employer_user.notifications.get(title__contains="Kokk").link
    assert link == reverse("portal:opening_messages", args=[opening.pk])
    client.force_login(employer_user)
    page = client.get(link).content.decode()
    assert "Første mandag i mars." in page


def test_the_contact_person_answers_an_openings_thread_from_the_employer_page(client, parties):
    employer, contact, employer_user = parties
    opening = JobOpeningFactory(employer=employer, title="Kokk", recorded_by=contact)
    client.force_login(employer_user)
    client.post(reverse("portal:opening_messages", args=[opening.pk]), {"body": "Når starter vi?"})
    client.force_login(contact)
    employer_url = reverse("employers:detail", args=[employer.pk])
    page = client.get(employer_url).content.decode()
    assert f'name="stilling" value="{opening.pk}"' in page
    ids = re.findall(r'<textarea[^>]* id="([^"]+)"', page)
    assert len(ids) == len(set(ids)) == 2
    response = client.post(
        reverse("portal:staff_message", args=[employer.pk]),
        {"body": "Første mandag i mars.", "stilling": opening.pk},
    )
    assert response["Location"] == employer_url + "#meldinger"
    assert Message.objects.get(body="Første mandag i mars.").thread.opening == opening


@pytest.mark.parametrize("stilling", ["other", "x1"])
def test_an_answer_cannot_go_to_another_employers_opening(client, parties, stilling):
    employer, contact, _employer_user = parties
    other = JobOpeningFactory(employer=EmployerFactory(fixed_contact=contact))
    client.force_login(contact)
    response = client.post(
        reverse("portal:staff_message", args=[employer.pk]),
        {"body": "Hei", "stilling": other.pk if stilling == "other" else stilling},
    )
    assert response.status_code == 404
    assert not Message.objects.exists()


def test_only_the_fixed_contact_person_sees_the_thread_on_the_opening_page(client, parties):
    employer, contact, employer_user = parties
    opening = JobOpeningFactory(employer=employer, title="Kokk", recorded_by=contact)
    client.force_login(employer_user)
    client.post(reverse("portal:opening_messages", args=[opening.pk]), {"body": "Når starter vi?"})
    client.force_login(user_with_role(Role.PROJECT_LEADER))
    response = client.get(reverse("employers:opening_detail", args=[opening.pk]))
    assert response.status_code == 200
    assert "Kokk" in response.content.decode()
    assert "Når starter vi?" not in response.content.decode()
