"""Message threads between an employer and its fixed contact person: who may take part,
sending (with notifications in the app and by e-mail), reading and unread counts."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from employers.models import Employer, JobOpening
from employers.services.openings import need_recipient
from notifications.services import notification_create

from .models import Message, MessageThread, ThreadRead


def may_take_part(user: User, employer: Employer) -> bool:
    """The employer's own users, its fixed contact person, and administrators."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.role == Role.EMPLOYER_USER:
        return user.acting_employer_id == employer.pk
    return user.role == Role.ADMIN or employer.fixed_contact_id == user.pk


def thread_for(employer: Employer, opening: JobOpening | None = None) -> MessageThread:
    thread, _created = MessageThread.objects.get_or_create(employer=employer, opening=opening)
    return thread


def _link_for(recipient: User, thread: MessageThread) -> str:
    if recipient.role == Role.EMPLOYER_USER:
        if thread.opening_id:
            return reverse("portal:opening_messages", args=[thread.opening_id])
        return reverse("portal:messages")
    if thread.opening_id:
        return reverse("employers:opening_detail", args=[thread.opening_id]) + "#meldinger"
    return reverse("employers:detail", args=[thread.employer_id]) + "#meldinger"


@transaction.atomic
def message_send(
    *, employer: Employer, author: User, body: str, opening: JobOpening | None = None
) -> Message:
    if not may_take_part(author, employer):
        raise PermissionDenied
    if opening is not None and opening.employer_id != employer.pk:
        raise PermissionDenied
    thread = thread_for(employer, opening)
    message = Message.objects.create(thread=thread, author=author, body=body.strip())
    thread_mark_read(thread=thread, user=author)
    if author.role == Role.EMPLOYER_USER:
        contact = need_recipient(employer)
        recipients = [contact] if contact is not None else []
    else:
        recipients = list(User.objects.employer_users_of(employer.pk))
    about = opening.title if opening is not None else employer.name
    for recipient in recipients:
        notification_create(
            recipient=recipient,
            title=_("Ny melding fra %(author)s: %(about)s") % {"author": author, "about": about},
            body=message.body[:200],
            link=_link_for(recipient, thread),
        )
    return message


def thread_mark_read(*, thread: MessageThread, user: User) -> None:
    ThreadRead.objects.update_or_create(
        thread=thread, user=user, defaults={"read_at": timezone.now()}
    )


def thread_messages(thread: MessageThread):
    return thread.messages.select_related("author").order_by("created_at", "id")


def unread_count(user: User, employer_id: int) -> int:
    """Messages in the employer's threads, written by others, since the user last read them."""
    last_read = ThreadRead.objects.filter(thread=OuterRef("thread"), user=user).values("read_at")
    return (
        Message.objects.filter(thread__employer_id=employer_id)
        .exclude(author=user)
        .annotate(read_at=Subquery(last_read[:1]))
        .filter(Q(read_at__isnull=True) | Q(created_at__gt=F("read_at")))
        .count()
    )
