"""The e-mail of a notification goes out from a real Celery worker, over real Redis, after the
transaction commits, and only once."""

import time

import pytest
from django.db import transaction

from accounts.models import Role
from notifications.models import Notification
from notifications.services import notification_create
from notifications.tasks import send_notification_email
from tests.factories import user_with_role
from tests.workers import mail_messages, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]


def test_worker_sends_the_email_after_commit_and_never_twice(celery_worker_process, mail_dir):
    recipient = user_with_role(Role.CONTACT_PERSON, email="kari@example.no")
    other = user_with_role(Role.ADVISER, email="ola@example.no")

    with transaction.atomic():
        first = notification_create(recipient=recipient, title="Ny stilling delt med deg")
        # Nothing is queued before the transaction commits.
        assert not mail_messages(mail_dir)

    assert wait_for(lambda: len(mail_messages(mail_dir)) == 1), "the worker sent no e-mail"
    assert "Ny stilling delt med deg" in mail_messages(mail_dir)[0]
    assert "kari@example.no" in mail_messages(mail_dir)[0]

    # Run the task again for the same notification, then one for another notification. The
    # solo worker handles them in order, so once the second e-mail is there the duplicate
    # has been processed too.
    send_notification_email.delay(first.pk)
    notification_create(recipient=other, title="Oppfølgingsmøte i morgen")
    assert wait_for(lambda: len(mail_messages(mail_dir)) == 2)
    time.sleep(1)
    mails = mail_messages(mail_dir)
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
    assert wait_for(lambda: len(mail_messages(mail_dir)) == 1)
    time.sleep(1)
    assert "Skal sendes" in mail_messages(mail_dir)[0]
    assert len(mail_messages(mail_dir)) == 1
    assert not Notification.objects.filter(title="Skal ikke sendes").exists()
