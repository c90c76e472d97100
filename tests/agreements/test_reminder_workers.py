"""Reminders from real Celery workers over real Redis: sent once when the beat task runs
twice, when two workers run it at the same time, and when a run dies before committing."""

import datetime
import time

import pytest
from django.db import transaction
from django.utils import timezone

from agreements.models import Reminder
from agreements.tasks import send_agreement_reminders
from tests.workers import (
    RUNS_THAT_COULD_SEND_TWICE,
    assert_each_mailed_once,
    mail_messages,
    run_beat_task,
    settled_mail,
)

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


@RUNS_THAT_COULD_SEND_TWICE
def test_each_reminder_is_sent_once(start_worker, mail_dir, workers, runs, due):
    meetings = _due_meetings(due)
    run_beat_task(send_agreement_reminders, start_worker, workers=workers, runs=runs)
    assert_each_mailed_once(mail_dir, [m.agreement.fixed_contact.email for m in meetings])
    assert Reminder.objects.count() == due


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
