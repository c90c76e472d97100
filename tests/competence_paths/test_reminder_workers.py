"""Path reminders from real Celery workers over real Redis: sent once when the beat task runs
twice and when two workers run it at the same time (as tests/agreements/test_reminder_workers)."""

import datetime

import pytest
from django.utils import timezone

from competence_paths.models import CompetencePath, PathReminder
from competence_paths.tasks import send_path_reminders
from tests.workers import RUNS_THAT_COULD_SEND_TWICE, assert_each_mailed_once, run_beat_task

from .factories import make_path

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]


def _due_paths(count: int):
    """Planned paths that started yesterday without participants: each is due one reminder."""
    start = timezone.localdate() - datetime.timedelta(days=1)
    return [make_path(start=start, status=CompetencePath.Status.PLANNED) for _ in range(count)]


@RUNS_THAT_COULD_SEND_TWICE
def test_each_reminder_is_sent_once(start_worker, mail_dir, workers, runs, due):
    paths = _due_paths(due)
    run_beat_task(send_path_reminders, start_worker, workers=workers, runs=runs)
    assert_each_mailed_once(mail_dir, [path.contact.email for path in paths])
    assert PathReminder.objects.count() == due
