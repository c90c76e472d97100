"""Helpers for tests that run a real Celery worker (fixtures `start_worker`,
`celery_worker_process` and `mail_dir` in tests/conftest.py) and read the e-mails it writes."""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection

# Django's file e-mail backend ends every message with this line.
MESSAGE_END = "-" * 79


def worker_database_url(**query: str) -> str:
    """DATABASE_URL pointing at the test database pytest-django created, with `query` added to
    the URL's own parameters (the embedded PostgreSQL's URL already carries `host=`)."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    merged = urlencode({**dict(parse_qsl(parts.query)), **query}, quote_via=quote)
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"], query=merged))


def start_celery_worker(name: str, mail_dir: Path, **database_query: str) -> subprocess.Popen:
    """A worker process on the test database and Redis, writing e-mails as files to mail_dir;
    `database_query` adds connection parameters to its DATABASE_URL."""
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(**database_query),
        "EMAIL_FILE_PATH": str(mail_dir),
        "DEBUG": "true",
    }
    env.pop("EMAIL_URL", None)
    command = [sys.executable, "-m", "celery", "-A", "vi_inkluderer", "worker", "--pool=solo"]
    command += ["--loglevel=warning", "--without-mingle", "--without-gossip", "-n", f"{name}@%h"]
    return subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)


def wait_for(condition, timeout=60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def mail_messages(mail_dir: Path) -> list[str]:
    """Every e-mail written completely so far. The file backend names its files by the second,
    so one file may hold several messages; a message still being written has no end line yet."""
    if not mail_dir.exists():
        return []
    messages = []
    for path in sorted(mail_dir.iterdir()):
        *finished, _unfinished_or_empty = path.read_text().split(MESSAGE_END)
        messages += [message for message in finished if message.strip()]
    return messages


def settled_mail(mail_dir: Path, expected: int) -> list[str]:
    """The e-mails once `expected` have arrived and anything sent twice would have too."""
    arrived = wait_for(lambda: len(mail_messages(mail_dir)) >= expected, timeout=120)
    assert arrived, "the reminders did not arrive"
    time.sleep(2)  # anything sent twice would arrive now
    return mail_messages(mail_dir)


# The ways a beat task could send a reminder twice: one worker running it twice in a row, and
# two workers running it six times at once, with this many reminders due.
RUNS_THAT_COULD_SEND_TWICE = pytest.mark.parametrize(
    ("workers", "runs", "due"),
    [(1, 2, 3), (2, 6, 20)],
    ids=["beat-task-run-twice", "two-workers-at-once"],
)


def run_beat_task(task, start_worker, *, workers: int, runs: int) -> None:
    """Start `workers` workers and queue the beat task `runs` times, as beat would."""
    for number in range(1, workers + 1):
        start_worker(f"w{number}")
    for _ in range(runs):
        task.delay()


def assert_each_mailed_once(mail_dir: Path, addresses: list[str]) -> None:
    """One e-mail per address and no more, once anything sent twice would have arrived."""
    mails = settled_mail(mail_dir, len(addresses))
    assert len(mails) == len(addresses)
    for address in addresses:
        assert sum(address in mail for mail in mails) == 1
