"""The contact person asks the candidate's owner to get consent (issue 13, item 13)."""

import pytest
from django.urls import reverse

from candidates.models import ConsentAsk, Step
from candidates.services.consent import consent_record_meeting
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def _detail(entry):
    return reverse("candidates:entry_detail", kwargs={"entry_id": entry.pk})


def _ask(entry):
    return reverse("candidates:consent_ask_owner", kwargs={"entry_id": entry.pk})


def test_the_contact_person_asks_the_owner_once_with_a_notification_and_a_to_do(
    login, entry_at, contact, owner
):
    entry = entry_at(Step.ASSESSING)
    client = login(contact)
    assert "Be eier innhente samtykke" in client.get(_detail(entry)).content.decode()
    response = client.post(_ask(entry), follow=True)
    assert "har fått beskjed om å innhente samtykke" in response.content.decode()
    notification = Notification.objects.get(recipient=owner)
    assert notification.link == _detail(entry)
    assert ConsentAsk.objects.filter(entry=entry, done_at__isnull=True).count() == 1
    # Not twice while open: the button is gone and a second post is refused.
    page = client.get(_detail(entry)).content.decode()
    assert "Be eier innhente samtykke" not in page and "innhente samtykke" in page
    response = client.post(_ask(entry), follow=True)
    assert "Eieren er allerede bedt om å innhente samtykke." in response.content.decode()
    assert Notification.objects.filter(recipient=owner).count() == 1
    assert ConsentAsk.objects.filter(entry=entry).count() == 1
    # The owner's home page carries the to-do, first.
    home = login(owner).get("/").content.decode()
    assert "Kontaktpersonen ber deg innhente samtykke" in home


def test_the_to_do_is_done_when_the_owner_asks_the_candidate(login, entry_at, contact, owner):
    entry = entry_at(Step.ASSESSING)
    login(contact).post(_ask(entry))
    consent_record_meeting(entry=entry, actor=owner)
    assert not ConsentAsk.objects.filter(entry=entry, done_at__isnull=True).exists()
    assert "Kontaktpersonen ber deg innhente" not in login(owner).get("/").content.decode()


def test_only_the_contact_side_may_ask_and_only_while_consent_is_missing(
    login, entry_at, owner, outsider_contact
):
    entry = entry_at(Step.ASSESSING)
    assert login(owner).post(_ask(entry)).status_code == 403
    assert login(outsider_contact).post(_ask(entry)).status_code in (403, 404)
    assert not ConsentAsk.objects.exists()


def test_the_contact_person_sees_how_to_reach_the_owner(login, entry_at, contact, owner):
    owner.phone = "98765432"
    owner.save(update_fields=["phone"])
    page = login(contact).get(_detail(entry_at(Step.ASSESSING))).content.decode()
    assert f'href="mailto:{owner.email}"' in page
    assert 'href="tel:98765432"' in page
