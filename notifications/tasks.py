from celery import shared_task

from core.tasks import RETRY_ON_TRANSIENT_ERRORS

from . import services


@shared_task(bind=True, **RETRY_ON_TRANSIENT_ERRORS)
def send_notification_email(self, notification_id: int) -> bool:
    """The row guard (emailed_at) prevents doubles when a retry follows a failure."""
    return services.notification_send_email(notification_id=notification_id)
