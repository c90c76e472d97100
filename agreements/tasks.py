from celery import shared_task
from django.utils import timezone

from .services.meetings import meeting_send_invitation_email
from .services.plans import plans_extend_all
from .services.reminders import reminders_send


@shared_task
def send_agreement_reminders() -> int:
    """Beat, every morning. Safe to run twice or in parallel (see services.reminders)."""
    return reminders_send(now=timezone.now())


@shared_task
def extend_meeting_plans() -> int:
    """Beat, every night: keep each active agreement's meeting plan twelve months ahead."""
    return plans_extend_all(today=timezone.localdate())


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def send_meeting_invitation(self, meeting_id: int) -> bool:
    try:
        return meeting_send_invitation_email(meeting_id=meeting_id)
    except OSError as exc:  # SMTP unreachable: try again later; invited_sequence prevents doubles
        raise self.retry(exc=exc) from exc
