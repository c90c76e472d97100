"""Tasks retry on database errors that pass by themselves, and the queue settings fit the
tasks: a worker reconnects for ever, and a killed worker's task comes back well within an hour
but never while it may still be running or waiting for its retry."""

import psycopg
import pytest
from django.conf import settings

from accounts.models import Role
from core.tasks import RETRY_ON_TRANSIENT_ERRORS
from notifications.models import Notification
from notifications.tasks import send_notification_email
from tests.factories import user_with_role
from tests.workers import mail_messages, start_celery_worker, wait_for, worker_database_url
from vi_inkluderer.celery import app as celery_app

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.mark.worker
def test_a_task_that_meets_a_database_error_is_retried_until_it_succeeds(mail_dir):
    recipient = user_with_role(Role.CONTACT_PERSON, email="kari@example.no")
    notification = Notification.objects.create(recipient=recipient, title="Prøv igjen")
    # The worker's lock wait gives up after 1 s with an OperationalError, as a query does
    # while PostgreSQL restarts.
    worker = start_celery_worker("retrying", mail_dir, options="-c lock_timeout=1000")
    try:
        with psycopg.connect(worker_database_url()) as blocker:
            blocker.execute(
                "SELECT 1 FROM notifications_notification WHERE id = %s FOR UPDATE",
                [notification.pk],
            )
            send_notification_email.delay(notification.pk)
            # Held long enough for the first attempt to fail on the lock.
            wait_for(lambda: False, timeout=4)
        assert wait_for(lambda: len(mail_messages(mail_dir)) == 1, timeout=90)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert Notification.objects.get(pk=notification.pk).emailed_at is not None


def test_every_task_retries_on_transient_errors():
    from django.db import InterfaceError, OperationalError

    ours = [
        task
        for name, task in celery_app.tasks.items()
        if name.split(".")[0] in {"core", "accounts", "notifications", "employers", "agreements"}
        or name.startswith("candidates.")
    ]
    assert ours
    for task in ours:
        assert {OSError, OperationalError, InterfaceError} <= set(task.autoretry_for), task.name
        assert task.retry_backoff, task.name


def test_workers_reconnect_to_the_broker_for_ever():
    assert celery_app.conf.broker_connection_max_retries is None


def test_the_visibility_timeout_outlasts_every_task_and_retry_but_not_an_hour():
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert visibility > settings.CELERY_TASK_TIME_LIMIT
    assert visibility > RETRY_ON_TRANSIENT_ERRORS["retry_backoff_max"]
    assert visibility < 3600
