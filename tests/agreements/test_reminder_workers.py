"""Reminders from real Celery workers over real Redis: sent once when the beat task runs
twice, when two workers run it at the same time, and when a run dies before committing."""

import datetime
import time

import pytest
from django.db import transaction
from django.utils import timezone

from agreements.models import Reminder
from agreements.tasks import send_agreement_reminders
from tests.workers import mail_messages, settled_mail

from .factories import MeetingFactory

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]


def _due_meetings(count: int):
    """Meetings five days ahead: each is due its 14-day reminder today."""
    day = timezone.localdate() + datetime.timedelta(days=5)
    return [MeetingFactory(planned_date=day) for _ in range(count)]


def _claim(meeting) -> Reminder:
    """Another run's claim of the meeting's 14-day reminder."""
    return Reminder.objects.create(
        kind=Reminder.Kind.BEFORE_14_DAYS,
        agreement=meeting.agreement,
        meeting=meeting,
        due_on=meeting.planned_date,
        recipient=meeting.agreement.fixed_contact,
    )


def test_beat_task_run_twice_reminds_each_meeting_once(start_worker, mail_dir):
    meetings = _due_meetings(3)
    start_worker("w1")
    send_agreement_reminders.delay()
    send_agreement_reminders.delay()
    mails = settled_mail(mail_dir, 3)
    assert len(mails) == 3
    assert Reminder.objects.count() == 3
    for meeting in meetings:
        assert sum(meeting.agreement.fixed_contact.email in mail for mail in mails) == 1


def test_two_workers_running_at_once_send_each_reminder_once(start_worker, mail_dir):
    meetings = _due_meetings(25)
    start_worker("w1")
    start_worker("w2")
    for _ in range(6):
        send_agreement_reminders.delay()
    mails = settled_mail(mail_dir, 25)
    assert len(mails) == 25
    assert Reminder.objects.count() == 25
    for meeting in meetings:
        assert sum(meeting.agreement.fixed_contact.email in mail for mail in mails) == 1


def test_a_run_that_dies_before_committing_leaves_the_reminder_to_the_next_run(
    start_worker, mail_dir
):
    (meeting,) = _due_meetings(1)
    start_worker("w1")
    # Another run claims the reminder and dies before its transaction commits: the worker's
    # own claim waits on the unique index, and goes ahead once the dead run's claim is gone.
    with pytest.raises(RuntimeError), transaction.atomic():
        _claim(meeting)
        send_agreement_reminders.delay()
        time.sleep(3)
        assert not mail_messages(mail_dir)
        raise RuntimeError("the other run dies")
    mails = settled_mail(mail_dir, 1)
    assert len(mails) == 1
    assert Reminder.objects.get().notification is not None


def test_a_run_that_committed_first_is_not_repeated(start_worker, mail_dir):
    (meeting,) = _due_meetings(1)
    start_worker("w1")
    with transaction.atomic():
        _claim(meeting)
        send_agreement_reminders.delay()
        time.sleep(3)
    marker = _due_meetings(1)[0]
    send_agreement_reminders.delay()
    mails = settled_mail(mail_dir, 1)
    assert len(mails) == 1
    assert marker.agreement.fixed_contact.email in mails[0]
