from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from accounts.models import User
from core.mail import send_once, send_rendered
from core.outbox import enqueue

from .models import Notification, SentReminder


def notification_create(
    *,
    recipient: User,
    title: str,
    body: str = "",
    link: str = "",
    send_email: bool = True,
    subject: models.Model | None = None,
) -> Notification:
    """Create an in-app notification; the e-mail goes out from a Celery task after commit.
    Title and body go out by e-mail and stay after the reader's access ends, so they name no
    person: pass the object instead as `subject`, which the list names for those who may see
    it (notifications.subjects)."""
    from .tasks import send_notification_email

    notification = Notification.objects.create(
        recipient=recipient,
        title=title,
        body=body,
        link=link,
        send_email=send_email,
        subject_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
        subject_id=subject.pk if subject is not None else None,
    )
    if send_email:
        enqueue(send_notification_email, notification.pk)
    return notification


def remind_once(
    model: type[SentReminder], *, recipient: User, title: str, link: str, **key
) -> bool:
    """Claim the reminder's unique row (`key` and the recipient) and create its notification
    in one transaction. A concurrent run waits on the unique index and then fails to insert,
    so it sends nothing; a run that dies before committing leaves no row, so the next run
    sends it. Returns True if the reminder was sent now."""
    try:
        with transaction.atomic():
            reminder = model.objects.create(recipient=recipient, **key)
            reminder.notification = notification_create(recipient=recipient, title=title, link=link)
            reminder.save(update_fields=["notification"])
    except IntegrityError:
        return False
    return True


def notification_send_email(*, notification_id: int) -> bool:
    """Send the notification's e-mail unless it was sent (or claimed) already; at most once,
    see core.mail. Returns True if sent now."""
    return send_once(
        Notification.objects.filter(send_email=True).select_related("recipient"),
        notification_id,
        send=_send_notification_email,
        sent_field="emailed_at",
        claimed_field="email_claimed_at",
    )


def _send_notification_email(notification: Notification) -> bool:
    from django.conf import settings

    if not notification.recipient.is_active:
        return False
    context = {"notification": notification, "site_url": settings.SITE_URL}
    send_rendered(
        notification.recipient.email,
        context,
        subject="notifications/email/subject.txt",
        text="notifications/email/body.txt",
        html="notifications/email/body.html",
    )
    return True


def notification_mark_read(*, notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def notifications_mark_all_read(*, user: User) -> int:
    return Notification.objects.visible_to(user).unread().update(read_at=timezone.now())
