from celery import shared_task

from . import services


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def send_notification_email(self, notification_id: int) -> bool:
    try:
        return services.notification_send_email(notification_id=notification_id)
    except OSError as exc:  # SMTP unreachable: try again later, the row guard prevents doubles
        raise self.retry(exc=exc) from exc
