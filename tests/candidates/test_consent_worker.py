"""The consent link goes out from a real Celery worker after the request commits, once."""

import datetime
import time

import pytest
from django.utils import timezone

from candidates.models import Step
from candidates.services.consent import consent_request_link
from candidates.tasks_consent import send_consent_link
from tests.workers import mail_messages, wait_for

from .factories import CandidateFactory, ShortlistEntryFactory

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]


def test_the_worker_mails_the_consent_link_once(celery_worker_process, mail_dir):
    entry = ShortlistEntryFactory(
        step=Step.ASSESSING, candidate=CandidateFactory(email="sara@example.no")
    )
    consent = consent_request_link(
        entry=entry,
        actor=entry.candidate.owner,
        deadline=timezone.now() + datetime.timedelta(days=3),
    )

    def links():
        return [mail for mail in mail_messages(mail_dir) if "To: sara@example.no" in mail]

    assert wait_for(lambda: len(links()) == 1)
    assert "/kandidater/samtykke/svar/" in links()[0]
    send_consent_link.delay(consent.pk)
    time.sleep(3)
    assert len(links()) == 1
