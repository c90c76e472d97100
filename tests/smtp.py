"""A test SMTP server that can kill the worker sending to it (fixture `smtp_server` in
tests/conftest.py), and a Celery worker that sends real SMTP to it."""

import os
import socket
import socketserver
import subprocess
import sys

from django.conf import settings
from django.test import override_settings

from .workers import worker_database_url


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


def closed_port() -> int:
    """A local port nothing listens on: sending to it is refused at once."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        return closed.getsockname()[1]


def settings_override(port: int):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=2,
    )


def smtp_worker(name: str, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "DEBUG": "true",
    }
    command = [sys.executable, "-m", "celery", "-A", "vi_inkluderer", "worker", "--pool=solo"]
    command += ["--loglevel=warning", "--without-mingle", "--without-gossip", "-n", f"{name}@%h"]
    return subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)
