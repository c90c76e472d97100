"""The consent link goes out from a real Celery worker after the request commits, once."""

import time

import pytest

from candidates.tasks_consent import send_consent_link
from tests.workers import mail_messages, wait_for

from .factories import link_sent_to_sara

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]


def test_the_worker_mails_the_consent_link_once(celery_worker_process, mail_dir):
    consent = link_sent_to_sara()

    def links():
        return [mail for mail in mail_messages(mail_dir) if "To: sara@example.no" in mail]

    assert wait_for(lambda: len(links()) == 1)
    assert "/kandidater/samtykke/svar/" in links()[0]
    send_consent_link.delay(consent.pk)
    time.sleep(3)
    assert len(links()) == 1
