"""Two answers to the same shortlist entry at the same moment, from the step both saw: the
reported fault (5 of 10 runs both were told "ok" and the first answer was overwritten) needs
two requests really racing, each on its own database connection, so these run in threads."""

import threading

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.urls import reverse

from candidates.models import Step
from core.activity import history_for
from tests.conftest import CsrfClient

pytestmark = pytest.mark.usefixtures("reference_data")

RUNS = 10


def _answer_at_once(entry, user, answers: list[dict]) -> list[list[str]]:
    """Post each answer from its own client and thread, released together; the messages each
    request left for its next page."""
    url = reverse("candidates:entry_move", kwargs={"entry_id": entry.pk})
    clients = []
    for _answer in answers:
        client = CsrfClient()
        client.force_login(user)
        clients.append(client)
    start = threading.Barrier(len(answers))
    told: list[list[str]] = [[] for _ in answers]

    def answer(number):
        try:
            start.wait()
            response = clients[number].post(url, answers[number])
            assert response.status_code == 302
            told[number] = [str(m) for m in get_messages(response.wsgi_request)]
        finally:
            connection.close()

    threads = [threading.Thread(target=answer, args=[n]) for n in range(len(answers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return told


def test_two_answers_at_once_from_presented_never_both_go_through(entry_at, contact):
    for _run in range(RUNS):
        entry = entry_at(Step.PRESENTED)
        told = _answer_at_once(
            entry,
            contact,
            [
                {"step": Step.INTERVIEW_WANTED, "fra": Step.PRESENTED},
                {"step": Step.NOT_RELEVANT, "fra": Step.PRESENTED, "reason": "Passer ikke"},
            ],
        )
        moved = [messages for messages in told if any("er flyttet til" in m for m in messages)]
        refused = [m for m in told if any("Noen andre har nettopp flyttet" in t for t in m)]
        assert (len(moved), len(refused)) == (1, 1), told
        entry.refresh_from_db()
        assert entry.step in (Step.INTERVIEW_WANTED, Step.NOT_RELEVANT)
        assert history_for(entry).count() == 1
