"""A worker killed after the SMTP server took the e-mail, before the notification was marked
sent, does not lead to a second copy when the task runs again."""

import os
import signal

import pytest

from accounts.models import Role
from notifications.models import Notification
from notifications.services import notification_create
from notifications.tasks import send_notification_email
from tests.factories import user_with_role
from tests.smtp import closed_port, settings_override, smtp_worker
from tests.workers import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]


def test_a_worker_killed_mid_send_does_not_send_the_email_twice(smtp_server):
    port = smtp_server.server_address[1]
    first = smtp_worker("doomed", port)
    smtp_server.on_message = lambda: os.kill(first.pid, signal.SIGKILL)
    notification = notification_create(
        recipient=user_with_role(Role.CONTACT_PERSON, email="kari@example.no"), title="Nytt tips"
    )
    assert wait_for(lambda: first.poll() is not None, timeout=60), "the worker was not killed"
    assert len(smtp_server.messages) == 1

    smtp_server.on_message = lambda: None
    second = smtp_worker("survivor", port)
    try:
        send_notification_email.delay(notification.pk)  # what a redelivery or retry does
        marker = notification_create(
            recipient=user_with_role(Role.ADVISER, email="ola@example.no"), title="Markør"
        )
        # The solo worker takes tasks in order: once the marker is sent, the retry has run.
        assert wait_for(lambda: Notification.objects.get(pk=marker.pk).emailed_at is not None)
    finally:
        second.terminate()
        second.wait(timeout=30)
    assert sum(b"Nytt tips" in message for message in smtp_server.messages) == 1
    notification.refresh_from_db()
    assert notification.email_claimed_at is not None and notification.emailed_at is None


def test_a_refused_send_is_released_and_sent_by_the_retry(smtp_server, transactional_db):
    notification = Notification.objects.create(
        recipient=user_with_role(Role.CONTACT_PERSON), title="Prøv igjen"
    )
    with pytest.raises(OSError), settings_override(closed_port()):
        send_notification_email.run(notification.pk)
    notification.refresh_from_db()
    assert notification.email_claimed_at is None and notification.emailed_at is None

    with settings_override(smtp_server.server_address[1]):
        assert send_notification_email.run(notification.pk) is True
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    assert len(smtp_server.messages) == 1
