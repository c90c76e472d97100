"""What every Celery task of the project shares: which errors are worth another try.

A task retries with exponential backoff on errors that pass by themselves: the SMTP server or
Redis unreachable (OSError) and PostgreSQL restarting or failing over (OperationalError,
InterfaceError). Every task is idempotent, so a retry never does the work twice.

    @shared_task(bind=True, **RETRY_ON_TRANSIENT_ERRORS)
    def send_notification_email(self, notification_id): ...
"""

from celery import shared_task
from django.db import InterfaceError, OperationalError

TRANSIENT_ERRORS = (OSError, OperationalError, InterfaceError)

RETRY_ON_TRANSIENT_ERRORS = {
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": 5,
    "retry_backoff_max": 10 * 60,
    "retry_jitter": True,
    "max_retries": 10,
}


@shared_task(**RETRY_ON_TRANSIENT_ERRORS)
def flush_outbox() -> int:
    """Beat, every minute: publish the tasks a broker outage left in the outbox."""
    from .outbox import flush_outbox as flush

    return flush()
