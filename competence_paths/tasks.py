from celery import shared_task
from django.utils import timezone

from .services.nightly import statuses_move_by_date
from .services.reminders import path_reminders_send


@shared_task
def move_path_statuses_by_date() -> int:
    """Beat, every night: statuses that follow dates (see services.nightly); idempotent."""
    return statuses_move_by_date(today=timezone.localdate())


@shared_task
def send_path_reminders() -> int:
    """Beat, every morning, after the night's moves; never sends a reminder twice."""
    return path_reminders_send(today=timezone.localdate())
