"""Reminder timing in Europe/Oslo, including the nights the clocks change, and each reminder
sent once however often the beat task runs."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from accounts.models import Role
from agreements.models import Reminder
from agreements.services.reminders import meeting_reminder_kind, reminders_send
from notifications.models import Notification
from tests.factories import user_with_role

from .factories import AgreementFactory, MeetingFactory, county

pytestmark = pytest.mark.django_db
D = datetime.date
UTC = datetime.UTC
OSLO = ZoneInfo("Europe/Oslo")


def _meeting(planned: datetime.date):
    return MeetingFactory(
        planned_date=planned, agreement__plan_anchor=planned - datetime.timedelta(days=60)
    )


@pytest.mark.parametrize(
    ("planned", "today", "kind"),
    [
        (D(2026, 4, 20), D(2026, 4, 5), None),
        (D(2026, 4, 20), D(2026, 4, 6), "before_14"),
        (D(2026, 4, 20), D(2026, 4, 17), "before_14"),
        (D(2026, 4, 20), D(2026, 4, 18), "before_2"),
        (D(2026, 4, 20), D(2026, 4, 20), "before_2"),
        (D(2026, 4, 20), D(2026, 4, 21), "overdue"),
    ],
)
def test_which_reminder_is_due(planned, today, kind):
    assert meeting_reminder_kind(planned, today) == kind


@pytest.mark.parametrize(
    ("now_utc", "planned", "expected"),
    [
        # Spring forward (Sunday 29 March 2026). 23:30 UTC on the 28th is already the 29th
        # in Oslo (UTC+1): the meeting on 12 April is 14 days away.
        (datetime.datetime(2026, 3, 28, 23, 30, tzinfo=UTC), D(2026, 4, 12), "before_14"),
        # 22:30 UTC on the 28th is still the 28th in Oslo: 15 days away, nothing yet.
        (datetime.datetime(2026, 3, 28, 22, 30, tzinfo=UTC), D(2026, 4, 12), None),
        # The morning run after the change, 07:05 CEST = 05:05 UTC: 2 days before the 31st.
        (datetime.datetime(2026, 3, 29, 5, 5, tzinfo=UTC), D(2026, 3, 31), "before_2"),
        # Fall back (Sunday 25 October 2026). 22:30 UTC on the 24th is 00:30 on the 25th in
        # Oslo (still UTC+2): the meeting on the 24th is overdue.
        (datetime.datetime(2026, 10, 24, 22, 30, tzinfo=UTC), D(2026, 10, 24), "overdue"),
        # 23:30 UTC on the 25th is 00:30 on the 26th (now UTC+1): 2 days before the 28th.
        (datetime.datetime(2026, 10, 25, 23, 30, tzinfo=UTC), D(2026, 10, 28), "before_2"),
        # 22:30 UTC on the 25th is still the 25th in Oslo: 3 days before the 28th.
        (datetime.datetime(2026, 10, 25, 22, 30, tzinfo=UTC), D(2026, 10, 28), "before_14"),
    ],
)
def test_reminder_day_is_counted_in_oslo_time_around_dst_changes(now_utc, planned, expected):
    meeting = _meeting(planned)
    sent = reminders_send(now=now_utc)
    kinds = list(Reminder.objects.filter(meeting=meeting).values_list("kind", flat=True))
    assert kinds == ([expected] if expected else [])
    assert sent == len(kinds)


def test_reminder_goes_to_the_fixed_contact_as_a_notification():
    meeting = _meeting(D(2026, 4, 12))
    reminders_send(now=datetime.datetime(2026, 4, 1, 7, 5, tzinfo=OSLO))
    notification = Notification.objects.get(recipient=meeting.agreement.fixed_contact)
    assert "oppfølgingsmøte" in notification.title
    assert notification.link.endswith(f"/moter/{meeting.pk}/")


def test_running_twice_sends_each_reminder_once():
    _meeting(D(2026, 4, 12))
    now = datetime.datetime(2026, 4, 1, 7, 5, tzinfo=OSLO)
    assert reminders_send(now=now) == 1
    assert reminders_send(now=now) == 0
    assert Notification.objects.count() == 1


def test_each_stage_is_sent_once_as_the_meeting_approaches_and_passes():
    meeting = _meeting(D(2026, 4, 20))
    for day in range(1, 30):
        reminders_send(now=datetime.datetime(2026, 4, day, 7, 5, tzinfo=OSLO))
    kinds = sorted(Reminder.objects.filter(meeting=meeting).values_list("kind", flat=True))
    assert kinds == ["before_14", "before_2", "overdue"]


def test_a_held_meeting_gets_no_reminder():
    meeting = _meeting(D(2026, 4, 12))
    meeting.held_on = D(2026, 4, 1)
    meeting.minutes = "Gjennomgang av behov"
    meeting.save()
    assert reminders_send(now=datetime.datetime(2026, 4, 13, 7, 5, tzinfo=OSLO)) == 0


def test_county_project_leaders_hear_of_agreements_without_a_meeting_for_six_months():
    trondelag = county("Trøndelag")
    leaders = [user_with_role(Role.PROJECT_LEADER, county=trondelag) for _ in range(2)]
    other_county_leader = user_with_role(Role.PROJECT_LEADER, county=county("Oslo"))
    lapsed = AgreementFactory(employer__county=trondelag, active=True, plan_anchor=D(2025, 9, 1))
    AgreementFactory(employer__county=trondelag, active=True, plan_anchor=D(2026, 1, 1))
    now = datetime.datetime(2026, 3, 10, 7, 5, tzinfo=OSLO)
    assert reminders_send(now=now) == 2
    assert reminders_send(now=now) == 0
    reminded = set(
        Reminder.objects.filter(kind=Reminder.Kind.NO_MEETING).values_list("recipient", "agreement")
    )
    assert reminded == {(leader.pk, lapsed.pk) for leader in leaders}
    assert not Notification.objects.filter(recipient=other_county_leader).exists()


def test_a_newly_held_meeting_restarts_the_six_month_clock():
    agreement = AgreementFactory(
        employer__county=county("Trøndelag"), active=True, plan_anchor=D(2025, 1, 1)
    )
    user_with_role(Role.PROJECT_LEADER, county=agreement.county)
    MeetingFactory(
        agreement=agreement, planned_date=D(2026, 1, 5), held_on=D(2026, 1, 5), minutes="Ok"
    )
    assert reminders_send(now=datetime.datetime(2026, 3, 1, 7, 5, tzinfo=OSLO)) == 0
    assert reminders_send(now=datetime.datetime(2026, 7, 6, 7, 5, tzinfo=OSLO)) == 1
