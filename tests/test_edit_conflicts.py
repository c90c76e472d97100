"""Two people editing the same record from the same version: the first save wins, the second
is refused with a clear message and gets its form back with what it typed, so nothing is
silently reverted (core.versioning)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.models import Agreement, FollowUpMeeting
from employers.models import DialogueEntry, EmployerPerson, JobOpening
from tests.agreements.factories import AgreementFactory, MeetingFactory, county
from tests.employers.factories import DialogueEntryFactory, JobOpeningFactory

pytestmark = pytest.mark.usefixtures("reference_data")

REFUSED = "Noen andre har lagret endringer mens du redigerte"


def _form_data(response) -> dict:
    """What the edit page's form would send unchanged, as a browser would."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, datetime.datetime):
            value = (timezone.localtime(value) if timezone.is_aware(value) else value).strftime(
                "%Y-%m-%dT%H:%M"
            )
        if value is None:
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = [getattr(v, "pk", v) for v in value] if isinstance(value, list) else value
    return data


def _agreement():
    agreement = AgreementFactory(employer__county=county("Trøndelag"))
    return agreement, agreement.fixed_contact, reverse("agreements:edit", args=[agreement.pk])


def _meeting():
    meeting = MeetingFactory(agreement__employer__county=county("Trøndelag"))
    user = meeting.agreement.fixed_contact
    return meeting, user, reverse("agreements:meeting_edit", args=[meeting.pk])


def _held_meeting():
    meeting = MeetingFactory(
        agreement__employer__county=county("Trøndelag"),
        planned_date=timezone.localdate() - datetime.timedelta(days=3),
        held_on=timezone.localdate() - datetime.timedelta(days=3),
        minutes="Gikk bra.",
    )
    user = meeting.agreement.fixed_contact
    return meeting, user, reverse("agreements:meeting_record", args=[meeting.pk])


def _opening():
    opening = JobOpeningFactory()
    return opening, opening.recorded_by, reverse("employers:opening_edit", args=[opening.pk])


def _person():
    opening = JobOpeningFactory()
    person = EmployerPerson.objects.create(employer=opening.employer, name="Hanne Hansen")
    return person, opening.recorded_by, reverse("employers:person_edit", args=[person.pk])


def _dialogue_entry():
    opening = JobOpeningFactory()
    entry = DialogueEntryFactory(employer=opening.employer, author=opening.recorded_by)
    return entry, opening.recorded_by, reverse("employers:dialogue_edit", args=[entry.pk])


@pytest.mark.parametrize(
    ("make", "model", "field"),
    [
        (_agreement, Agreement, "local_adaptations"),
        (_meeting, FollowUpMeeting, "agenda"),
        (_held_meeting, FollowUpMeeting, "minutes"),
        (_opening, JobOpening, "requirements_nice"),
        (_person, EmployerPerson, "title"),
        (_dialogue_entry, DialogueEntry, "summary"),
    ],
    ids=["agreement", "meeting plan", "meeting minutes", "opening", "person", "contact history"],
)
def test_the_second_save_from_the_same_version_is_refused_and_keeps_its_input(
    client, make, model, field
):
    row, user, url = make()
    client.force_login(user)
    page = client.get(url)
    assert page.status_code == 200
    # The contact-history form asks to confirm "no sensitive data" on every save.
    started_from = {**_form_data(page), "no_sensitive_data_confirmed": "on"}
    assert started_from.get("version"), "the form carries the version it was opened at"

    first = client.post(url, {**started_from, field: "Første lagring"})
    assert first.status_code == 302, first.context["form"].errors if first.context else first
    second = client.post(url, {**started_from, field: "Andre lagring fra samme versjon"})

    assert second.status_code == 200
    assert REFUSED in second.content.decode()
    assert "Andre lagring fra samme versjon" in second.content.decode()
    assert getattr(model.objects.get(pk=row.pk), field) == "Første lagring"

    # Saving the form as it came back (now on the stored version) goes through.
    again = {**_form_data(second), "no_sensitive_data_confirmed": "on"}
    assert client.post(url, {**again, field: "Andre lagring"}).status_code == 302
    assert getattr(model.objects.get(pk=row.pk), field) == "Andre lagring"
