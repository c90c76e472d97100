"""The e-mail of a notification goes out from a real Celery worker, over real Redis, after the
transaction commits, and only once."""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connection, transaction

from accounts.models import Role
from notifications.models import Notification
from notifications.services import notification_create
from notifications.tasks import send_notification_email
from tests.factories import user_with_role

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]


def _test_database_url() -> str:
    """DATABASE_URL pointing at the test database pytest-django created."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + connection.settings_dict["NAME"]))


@pytest.fixture
def mail_dir(tmp_path) -> Path:
    return tmp_path / "mail"


@pytest.fixture
def celery_worker_process(mail_dir):
    env = {
        **os.environ,
        "DATABASE_URL": _test_database_url(),
        "EMAIL_FILE_PATH": str(mail_dir),
        "DEBUG": "true",
    }
    env.pop("EMAIL_URL", None)
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "vi_inkluderer",
            "worker",
            "--pool=solo",
            "--loglevel=warning",
            "--without-mingle",
            "--without-gossip",
        ],
        cwd=settings.BASE_DIR,
        env=env,
    )
    yield worker
    worker.terminate()
    worker.wait(timeout=30)


def _wait_for(condition, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _mails(mail_dir: Path) -> list[str]:
    if not mail_dir.exists():
        return []
    # The file backend creates the file before it writes the message: count finished files.
    texts = [path.read_text() for path in sorted(mail_dir.iterdir())]
    return [text for text in texts if text.rstrip().endswith("-" * 79)]


def test_worker_sends_the_email_after_commit_and_never_twice(celery_worker_process, mail_dir):
    recipient = user_with_role(Role.CONTACT_PERSON, email="kari@example.no")
    other = user_with_role(Role.ADVISER, email="ola@example.no")

    with transaction.atomic():
        first = notification_create(recipient=recipient, title="Ny stilling delt med deg")
        # Nothing is queued before the transaction commits.
        assert not _mails(mail_dir)

    assert _wait_for(lambda: len(_mails(mail_dir)) == 1), "the worker sent no e-mail"
    assert "Ny stilling delt med deg" in _mails(mail_dir)[0]
    assert "kari@example.no" in _mails(mail_dir)[0]

    # Run the task again for the same notification, then one for another notification. The
    # solo worker handles them in order, so once the second e-mail is there the duplicate
    # has been processed too.
    send_notification_email.delay(first.pk)
    notification_create(recipient=other, title="Oppfølgingsmøte i morgen")
    assert _wait_for(lambda: len(_mails(mail_dir)) == 2)
    time.sleep(1)
    mails = _mails(mail_dir)
    assert len(mails) == 2
    assert sum("Ny stilling delt med deg" in mail for mail in mails) == 1
    first.refresh_from_db()
    assert first.emailed_at is not None


def test_rolled_back_notification_sends_nothing(celery_worker_process, mail_dir):
    recipient = user_with_role(Role.CONTACT_PERSON)
    with pytest.raises(RuntimeError), transaction.atomic():
        notification_create(recipient=recipient, title="Skal ikke sendes")
        raise RuntimeError("the surrounding work failed")
    notification_create(recipient=recipient, title="Skal sendes")
    assert _wait_for(lambda: len(_mails(mail_dir)) == 1)
    time.sleep(1)
    assert "Skal sendes" in _mails(mail_dir)[0]
    assert len(_mails(mail_dir)) == 1
    assert not Notification.objects.filter(title="Skal ikke sendes").exists()
