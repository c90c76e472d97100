"""Queue background work so that it survives a broker outage (see OutboxMessage).

    enqueue(send_notification_email, notification.pk)   # inside the service's transaction

After commit the task is published at once; when that fails, the request still succeeds, the
row stays, the user is told the work will follow (OutboxNoticeMiddleware), and the beat task
`flush_outbox` publishes it when Redis is back."""

import logging
from contextvars import ContextVar
from datetime import timedelta

import kombu.exceptions
import redis.exceptions
from celery import current_app
from django.db import transaction
from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger(__name__)

PUBLISH_ERRORS = (kombu.exceptions.OperationalError, redis.exceptions.RedisError, OSError)
# Rows younger than this may still be published by their own request's on-commit hook.
FLUSH_GRACE = timedelta(seconds=30)
FLUSH_BATCH = 500

# The request's list of unpublished rows, set by OutboxNoticeMiddleware. A list, mutated and not
# re-set, because Django may run the view in a copy of the context (sync/async adapters).
unpublished: ContextVar[list | None] = ContextVar("unpublished", default=None)


def enqueue(task, *args) -> OutboxMessage:
    """Record the task in the current transaction and publish it after commit."""
    message = OutboxMessage.objects.create(task_name=task.name, args=list(args))
    transaction.on_commit(lambda: publish(message))
    return message


def publish(message: OutboxMessage) -> bool:
    """Hand the task to the broker and delete its row; False (row kept) when the broker fails."""
    try:
        current_app.send_task(message.task_name, args=message.args)
    except PUBLISH_ERRORS as error:
        logger.warning("Publishing %s failed, kept in the outbox: %s", message, error)
        if (pending := unpublished.get()) is not None:
            pending.append(message.pk)
        OutboxMessage.objects.filter(pk=message.pk).update(attempts=message.attempts + 1)
        return False
    OutboxMessage.objects.filter(pk=message.pk).delete()
    return True


def flush_outbox(*, now=None) -> int:
    """Publish what is left in the outbox; stops at the first failure. Safe to run in parallel:
    rows are claimed with SKIP LOCKED. Returns how many were published."""
    cutoff = (now or timezone.now()) - FLUSH_GRACE
    published = 0
    with transaction.atomic():
        pending = OutboxMessage.objects.select_for_update(skip_locked=True).filter(
            created_at__lte=cutoff
        )[:FLUSH_BATCH]
        for message in pending:
            if not publish(message):
                break
            published += 1
    return published
