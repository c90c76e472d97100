from celery import shared_task
from django.utils import timezone

from .services.dialogue import task_send_due_reminders


@shared_task(bind=True, max_retries=3, default_retry_delay=5 * 60)
def send_due_task_reminders(self) -> int:
    """Beat, every morning. Safe to run twice or in parallel: each task is reminded once."""
    try:
        return task_send_due_reminders(today=timezone.localdate())
    except OSError as exc:  # SMTP unreachable: the unsent tasks are picked up on retry
        raise self.retry(exc=exc) from exc
