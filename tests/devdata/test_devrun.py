"""`make run` prints the address and the demo logins after the services' start-up lines
(issue 13, item 17), so they are the last thing on screen."""

import socket
import subprocess
import sys
import threading
import time

import pytest

from devdata import devrun
from devdata.demo.accounts import DEMO_LOGINS, DEMO_PASSWORD


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def services():
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process
    process.kill()
    process.wait()


def test_the_banner_waits_until_the_web_server_answers(monkeypatch, services):
    monkeypatch.setattr(devrun, "STARTUP_LINES_DELAY", 0)
    port = _free_port()
    listening_at = []
    server = socket.socket()

    def listen_later():
        time.sleep(1.5)
        server.bind(("127.0.0.1", port))
        server.listen()
        listening_at.append(time.monotonic())

    threading.Thread(target=listen_later, daemon=True).start()
    try:
        assert devrun.web_answers(port, services, timeout=20)
        assert listening_at and time.monotonic() >= listening_at[0]
    finally:
        server.close()


def test_no_banner_when_the_services_stopped(services):
    services.kill()
    services.wait()
    started = time.monotonic()
    assert not devrun.web_answers(_free_port(), services, timeout=20)
    assert time.monotonic() - started < 5


def test_the_banner_names_the_port_and_every_demo_login():
    text = devrun.banner(8102, DEMO_LOGINS, DEMO_PASSWORD)
    assert "http://127.0.0.1:8102/" in text
    assert DEMO_PASSWORD in text
    assert all(email in text for email, _role in DEMO_LOGINS)


def test_worker_and_beat_print_no_start_up_banner():
    """-q: without it celery prints its start-up banner whatever the log level."""
    procfile = (devrun.BASE_DIR / "Procfile.dev").read_text().splitlines()
    celery_lines = [line.split() for line in procfile if "celery" in line]
    assert len(celery_lines) == 2 and all(line[1:3] == ["celery", "-q"] for line in celery_lines)
