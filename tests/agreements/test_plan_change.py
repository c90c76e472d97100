"""Changing the number of meetings a year, or ending an agreement, never deletes a meeting
someone has put something into: the user sees what will change and confirms; meetings with an
agenda, a recruitment need or a sent invitation are cancelled and kept, and those invited get
a calendar cancellation."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from agreements.models import Agreement, FollowUpMeeting
from agreements.services.agreements import agreement_transition
from agreements.services.meetings import meeting_send_invitation_email
from agreements.services.plans import plan_extend
from core.models import OutboxMessage
from tests.employers.factories import EmployerPersonFactory

from .factories import AgreementFactory, RecruitmentNeedFactory, county

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    agreement = AgreementFactory(
        employer__county=county("Trøndelag"),
        active=True,
        follow_ups_per_year=4,
        plan_anchor=timezone.localdate() - datetime.timedelta(days=5),
    )
    plan_extend(agreement=agreement, today=timezone.localdate())
    EmployerPersonFactory(employer=agreement.employer, email="leder@example.no")
    return agreement


def _meetings(agreement):
    return list(agreement.meetings.order_by("planned_date"))


def _edit_data(agreement, **changes) -> dict:
    from agreements.forms import AgreementForm

    form = AgreementForm(instance=agreement, county_id=agreement.county_id)
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    return {**data, **changes}


def test_a_new_meeting_count_is_shown_first_and_changes_nothing_until_confirmed(client, agreement):
    with_agenda, invited, empty, with_need = _meetings(agreement)
    with_agenda.agenda = "Rekruttering til lageret i vår"
    with_agenda.save(update_fields=["agenda"])
    invited.invited_sequence = invited.ics_sequence
    invited.save(update_fields=["invited_sequence"])
    RecruitmentNeedFactory(meeting=with_need)
    client.force_login(agreement.fixed_contact)
    url = reverse("agreements:edit", args=[agreement.pk])

    preview = client.post(url, _edit_data(agreement, follow_ups_per_year=3))

    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Bekreft ny møteplan" in page
    assert "3 møter med agenda, behov eller sendt invitasjon blir avlyst" in page
    assert "1 tomt planlagt møte fjernes" in page
    assert agreement.meetings.count() == 4
    agreement.refresh_from_db()
    assert agreement.follow_ups_per_year == 4

    data = _edit_data(agreement, follow_ups_per_year=3, confirm_plan_change="yes")
    assert client.post(url, data).status_code == 302

    agreement.refresh_from_db()
    assert agreement.follow_ups_per_year == 3
    cancelled = agreement.meetings.filter(cancelled_at__isnull=False)
    assert set(cancelled) == {with_agenda, invited, with_need}
    assert not FollowUpMeeting.objects.filter(pk=empty.pk).exists()
    assert agreement.meetings.planned().count() == 3
    assert FollowUpMeeting.objects.get(pk=with_agenda.pk).agenda == "Rekruttering til lageret i vår"
    # Only the invited meeting is e-mailed again, as a cancellation.
    assert [m.args for m in OutboxMessage.objects.all()] == [[invited.pk]]


def test_those_invited_get_a_calendar_cancellation(client, agreement):
    meeting = _meetings(agreement)[0]
    assert meeting_send_invitation_email(meeting_id=meeting.pk)
    client.force_login(agreement.fixed_contact)
    url = reverse("agreements:edit", args=[agreement.pk])
    client.post(url, _edit_data(agreement, follow_ups_per_year=2, confirm_plan_change="yes"))

    assert meeting_send_invitation_email(meeting_id=meeting.pk)
    cancellation = mail.outbox[-1]
    assert cancellation.subject.startswith("Avlyst:")
    ics = cancellation.attachments[0][1]
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert "METHOD:CANCEL" in ics and "STATUS:CANCELLED" in ics
    assert f"UID:{meeting.ics_uid}" in ics
    assert not meeting_send_invitation_email(meeting_id=meeting.pk)  # never twice


def test_a_cancelled_meeting_cannot_be_edited_and_is_marked(client, agreement):
    meeting = _meetings(agreement)[0]
    meeting.agenda = "Agenda"
    meeting.save(update_fields=["agenda"])
    agreement_transition(
        agreement=agreement,
        actor=agreement.fixed_contact,
        to=Agreement.Status.ENDED,
        on=timezone.localdate(),
        reason=Agreement.EndReason.values[0],
    )
    meeting.refresh_from_db()
    assert meeting.is_cancelled
    client.force_login(agreement.fixed_contact)
    page = client.get(reverse("agreements:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Avlyst" in page
    assert reverse("agreements:meeting_record", args=[meeting.pk]) not in page
