from celery import shared_task
from django.utils import timezone

from core.tasks import RETRY_ON_TRANSIENT_ERRORS

from .services.dialogue import task_send_due_reminders


@shared_task(bind=True, **RETRY_ON_TRANSIENT_ERRORS)
def send_due_task_reminders(self) -> int:
    """Beat, every morning. Safe to run twice or in parallel: each task is reminded once, and
    the unsent ones are picked up on retry."""
    return task_send_due_reminders(today=timezone.localdate())
