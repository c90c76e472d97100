"""Editing a contact: only its author or an administrator, and every change is kept."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from employers.models import DialogueEntry, DialogueEntryRevision
from employers.services.dialogue import dialogue_update

from ..factories import user_with_role
from .factories import DialogueEntryFactory, EmployerPersonFactory

pytestmark = pytest.mark.django_db


def _edit_data(entry: DialogueEntry, **overrides) -> dict:
    data = {
        "occurred_at": timezone.localtime(entry.occurred_at).strftime("%Y-%m-%dT%H:%M"),
        "channel": entry.channel,
        "topics": entry.topics,
        "summary": entry.summary,
        "others_present": entry.others_present,
        "no_sensitive_data_confirmed": "on",
    }
    data.update(overrides)
    return data


def _update(entry: DialogueEntry, actor, **changes) -> DialogueEntry:
    fields = {
        "occurred_at": entry.occurred_at,
        "channel": entry.channel,
        "topics": entry.topics,
        "summary": entry.summary,
        "others_present": entry.others_present,
        "participants": list(entry.participants.all()),
        "no_sensitive_data_confirmed": True,
    }
    return dialogue_update(entry=entry, actor=actor, **{**fields, **changes})


@pytest.fixture
def entry(employer, colleague):
    occurred_at = (timezone.now() - datetime.timedelta(days=2)).replace(second=0, microsecond=0)
    return DialogueEntryFactory(
        employer=employer,
        author=colleague,
        occurred_at=occurred_at,
        summary="Første versjon: behov for sjåfører.",
    )


def test_author_edits_an_entry_and_the_previous_version_is_kept(login, entry, colleague):
    client = login(colleague)
    url = reverse("employers:dialogue_edit", args=[entry.pk])
    form_page = client.get(url)
    assert "Første versjon: behov for sjåfører." in form_page.content.decode()

    response = client.post(url, _edit_data(entry, summary="Andre versjon: behov for tre sjåfører."))

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.summary == "Andre versjon: behov for tre sjåfører."
    revision = entry.revisions.get()
    assert revision.changed_by == colleague
    assert revision.changed_fields == ["summary"]
    assert revision.previous["summary"] == "Første versjon: behov for sjåfører."


def test_history_page_shows_who_changed_what_and_the_previous_text(login, entry, colleague):
    _update(entry, colleague, summary="Ny tekst", channel=DialogueEntry.Channel.VIDEO)
    html = login(colleague).get(reverse("employers:dialogue_history", args=[entry.pk]))
    html = html.content.decode()
    assert f"Endret av {colleague}" in html
    assert "Endret: Kanal, Sammendrag." in html
    assert "Første versjon: behov for sjåfører." in html
    assert "Ny tekst" in html


def test_history_of_an_unchanged_entry_has_an_empty_state(login, entry, national_reader):
    response = login(national_reader).get(reverse("employers:dialogue_history", args=[entry.pk]))
    assert "Kontakten er ikke endret siden den ble logget." in response.content.decode()


def test_every_change_keeps_its_own_revision(entry, colleague):
    _update(entry, colleague, summary="To")
    _update(entry, colleague, summary="Tre")
    previous = list(entry.revisions.order_by("id").values_list("previous__summary", flat=True))
    assert previous == ["Første versjon: behov for sjåfører.", "To"]


def test_saving_without_changes_writes_no_revision(entry, colleague):
    _update(entry, colleague)
    assert not entry.revisions.exists()


def test_changing_participants_is_recorded_by_name(entry, colleague):
    person = EmployerPersonFactory(employer=entry.employer, name="Per Verksmester")
    _update(entry, colleague, participants=[person])
    _update(entry, colleague, participants=[])
    first, second = entry.revisions.order_by("id")
    assert first.changed_fields == ["participants"]
    assert second.previous["participants"] == ["Per Verksmester"]


def test_edit_must_confirm_no_sensitive_data_again(login, entry, colleague):
    data = _edit_data(entry, summary="Endret")
    del data["no_sensitive_data_confirmed"]
    response = login(colleague).post(reverse("employers:dialogue_edit", args=[entry.pk]), data)
    assert response.status_code == 200
    assert not DialogueEntryRevision.objects.exists()


def test_admin_may_edit_anyones_entry(login, entry):
    admin = user_with_role(Role.ADMIN)
    url = reverse("employers:dialogue_edit", args=[entry.pk])
    response = login(admin).post(url, _edit_data(entry, summary="Rettet av administrator"))
    assert response.status_code == 302
    assert entry.revisions.get().changed_by == admin


def test_another_contact_person_gets_403_and_changes_nothing(login, entry, fixed_contact):
    client = login(fixed_contact)
    url = reverse("employers:dialogue_edit", args=[entry.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, _edit_data(entry, summary="Kapret")).status_code == 403
    entry.refresh_from_db()
    assert entry.summary == "Første versjon: behov for sjåfører."


def test_provider_staff_cannot_edit_a_nav_entry(login, entry, provider_staff):
    client = login(provider_staff)
    url = reverse("employers:dialogue_edit", args=[entry.pk])
    assert client.post(url, _edit_data(entry, summary="Fra leverandør")).status_code == 403
    with pytest.raises(PermissionDenied):
        _update(entry, provider_staff, summary="Fra leverandør")
    assert not entry.revisions.exists()


def test_provider_staff_edit_their_own_entry(login, employer, provider_staff):
    own = DialogueEntryFactory(
        employer=employer, author=provider_staff, author_provider=provider_staff.provider
    )
    url = reverse("employers:dialogue_edit", args=[own.pk])
    response = login(provider_staff).post(url, _edit_data(own, summary="Oppdatert av oss"))
    assert response.status_code == 302


def test_timeline_offers_edit_only_on_your_own_entries(login, employer, entry, provider_staff):
    DialogueEntryFactory(
        employer=employer, author=provider_staff, author_provider=provider_staff.provider
    )
    own = entry.employer.dialogue_entries.exclude(pk=entry.pk).get()
    html = login(provider_staff).get(reverse("employers:dialogue_list", args=[employer.pk]))
    html = html.content.decode()
    assert reverse("employers:dialogue_edit", args=[own.pk]) in html
    assert reverse("employers:dialogue_edit", args=[entry.pk]) not in html
