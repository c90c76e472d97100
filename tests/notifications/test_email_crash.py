"""A worker killed after the SMTP server took the e-mail, before the notification was marked
sent, does not lead to a second copy when the task runs again."""

import os
import signal
import socket
import socketserver
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.test import override_settings

from accounts.models import Role
from notifications.models import Notification
from notifications.services import notification_create
from notifications.tasks import send_notification_email
from tests.factories import user_with_role
from tests.workers import wait_for, worker_database_url

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]


class RecordingSmtp(socketserver.StreamRequestHandler):
    """Just enough SMTP to take a message. After a message's final dot it calls the server's
    `on_message` (which may kill the sender) before answering."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 test")
        while line := self.rfile.readline():
            command = line.decode().strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 test")
            elif command == "DATA":
                self.reply("354 go on")
                body = b""
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    body += data
                self.server.messages.append(body)
                self.server.on_message()
                self.reply("250 taken")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


def settings_override(port: int):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=2,
    )


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), RecordingSmtp)
    server.daemon_threads = True
    server.messages = []
    server.on_message = lambda: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def _smtp_worker(name: str, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "DEBUG": "true",
    }
    command = [sys.executable, "-m", "celery", "-A", "vi_inkluderer", "worker", "--pool=solo"]
    command += ["--loglevel=warning", "--without-mingle", "--without-gossip", "-n", f"{name}@%h"]
    return subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)


def test_a_worker_killed_mid_send_does_not_send_the_email_twice(smtp_server):
    port = smtp_server.server_address[1]
    first = _smtp_worker("doomed", port)
    smtp_server.on_message = lambda: os.kill(first.pid, signal.SIGKILL)
    notification = notification_create(
        recipient=user_with_role(Role.CONTACT_PERSON, email="kari@example.no"), title="Nytt tips"
    )
    assert wait_for(lambda: first.poll() is not None, timeout=60), "the worker was not killed"
    assert len(smtp_server.messages) == 1

    smtp_server.on_message = lambda: None
    second = _smtp_worker("survivor", port)
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
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        closed_port = closed.getsockname()[1]
    notification = Notification.objects.create(
        recipient=user_with_role(Role.CONTACT_PERSON), title="Prøv igjen"
    )
    with pytest.raises(OSError), settings_override(closed_port):
        send_notification_email.run(notification.pk)
    notification.refresh_from_db()
    assert notification.email_claimed_at is None and notification.emailed_at is None

    with settings_override(smtp_server.server_address[1]):
        assert send_notification_email.run(notification.pk) is True
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    assert len(smtp_server.messages) == 1
