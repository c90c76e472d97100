"""Path reminders from real Celery workers over real Redis: sent once when the beat task runs
twice and when two workers run it at the same time (as tests/agreements/test_reminder_workers)."""

import datetime

import pytest
from django.utils import timezone

from competence_paths.models import CompetencePath, PathReminder
from competence_paths.tasks import send_path_reminders
from tests.workers import settled_mail

from .factories import make_path

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]


def _due_paths(count: int):
    """Planned paths that started yesterday without participants: each is due one reminder."""
    start = timezone.localdate() - datetime.timedelta(days=1)
    return [make_path(start=start, status=CompetencePath.Status.PLANNED) for _ in range(count)]


def test_beat_task_run_twice_reminds_each_path_once(start_worker, mail_dir):
    paths = _due_paths(3)
    start_worker("w1")
    send_path_reminders.delay()
    send_path_reminders.delay()
    mails = settled_mail(mail_dir, 3)
    assert len(mails) == 3
    assert PathReminder.objects.count() == 3
    for path in paths:
        assert sum(path.contact.email in mail for mail in mails) == 1


def test_two_workers_running_at_once_send_each_reminder_once(start_worker, mail_dir):
    paths = _due_paths(20)
    start_worker("w1")
    start_worker("w2")
    for _ in range(6):
        send_path_reminders.delay()
    mails = settled_mail(mail_dir, 20)
    assert len(mails) == 20
    assert PathReminder.objects.count() == 20
    for path in paths:
        assert sum(path.contact.email in mail for mail in mails) == 1
