from celery import shared_task

from .services import consent as services


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def send_consent_link(self, consent_id: int) -> bool:
    try:
        return services.consent_send_link(consent_id=consent_id)
    except OSError as exc:  # SMTP unreachable: try again later, link_sent_at prevents doubles
        raise self.retry(exc=exc) from exc


@shared_task
def expire_consent_requests() -> int:
    """Beat, every 15 minutes. Safe to run twice or in parallel: only pending requests past
    their deadline are touched, each under a row lock."""
    return services.consent_expire_overdue()
