from celery import shared_task
from django.utils import timezone

from core.tasks import RETRY_ON_TRANSIENT_ERRORS

from .services.meetings import meeting_send_invitation_email
from .services.plans import plans_extend_all
from .services.reminders import reminders_send


@shared_task(**RETRY_ON_TRANSIENT_ERRORS)
def send_agreement_reminders() -> int:
    """Beat, every morning. Safe to run twice or in parallel (see services.reminders)."""
    return reminders_send(now=timezone.now())


@shared_task(**RETRY_ON_TRANSIENT_ERRORS)
def extend_meeting_plans() -> int:
    """Beat, every night: keep each active agreement's meeting plan twelve months ahead."""
    return plans_extend_all(today=timezone.localdate())


@shared_task(bind=True, **RETRY_ON_TRANSIENT_ERRORS)
def send_meeting_invitation(self, meeting_id: int) -> bool:
    """invited_sequence prevents doubles when a retry follows a failure."""
    return meeting_send_invitation_email(meeting_id=meeting_id)
