from celery import shared_task

from core.tasks import RETRY_ON_TRANSIENT_ERRORS

from .services import consent as services


@shared_task(bind=True, **RETRY_ON_TRANSIENT_ERRORS)
def send_consent_link(self, consent_id: int) -> bool:
    """link_sent_at prevents doubles when a retry follows a failure."""
    return services.consent_send_link(consent_id=consent_id)


@shared_task(**RETRY_ON_TRANSIENT_ERRORS)
def expire_consent_requests() -> int:
    """Beat, every 15 minutes. Safe to run twice or in parallel: only pending requests past
    their deadline are touched, each under a row lock."""
    return services.consent_expire_overdue()
