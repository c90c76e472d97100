"""A worker killed in the middle of a broad search (issue: the run stayed at "running 70 %"
for about an hour, Redis's default visibility timeout): the task is not lost — Redis holds it
unacknowledged and hands it out again after the visibility timeout (15 min) — and the user
need not wait for that: after a minute the page offers "Kjør på nytt", and the new run is done
by another worker."""

import datetime
import json

import psycopg
import pytest
import redis
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from candidates.matching.criteria import Area, Criteria
from candidates.models import SearchRun
from candidates.services.search import search_run_start
from employers.models import Occupation
from tests.workers import wait_for, worker_database_url

from ..employers.factories import JobOpeningFactory
from .factories import CandidateFactory

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]


def _unacknowledged_searches(run_id: int) -> list[bytes]:
    """The delivery tags of the run's tasks a worker took and never acknowledged, as kombu's
    Redis transport keeps them."""
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    found = []
    for tag, raw in client.hgetall("unacked").items():
        headers = json.loads(raw)[0].get("headers", {})
        if headers.get("task") == "candidates.tasks.run_candidate_search" and headers.get(
            "argsrepr"
        ) in (f"({run_id},)", f"[{run_id}]"):
            found.append(tag)
    return found


def _forget(tags: list[bytes]) -> None:
    """Drop the killed worker's tasks, so they are not handed to a later test's worker."""
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    if tags:
        client.hdel("unacked", *tags)
        client.zrem("unacked_index", *tags)


def test_a_search_whose_worker_was_killed_is_kept_and_can_be_run_again(client, start_worker):
    welding = Occupation.objects.get(code="7212")
    opening = JobOpeningFactory(occupation=welding, title="Sveiser", requirements_must="")
    CandidateFactory().occupations_wanted.add(welding)
    contact = opening.recorded_by
    worker = start_worker("killed")

    # The results table held, so the worker stops at 70 % and can be killed there.
    with psycopg.connect(worker_database_url()) as blocker:
        blocker.execute("LOCK TABLE candidates_searchresult IN EXCLUSIVE MODE")
        run = search_run_start(
            opening=opening, actor=contact, criteria=Criteria(area=Area.NATIONAL)
        )
        stopped_at_70 = SearchRun.objects.filter(pk=run.pk, status="running", progress=70)
        assert wait_for(stopped_at_70.exists, timeout=120)
        worker.kill()
        worker.wait(timeout=30)
        blocker.rollback()

    unacknowledged = _unacknowledged_searches(run.pk)
    _forget(unacknowledged)
    assert len(unacknowledged) == 1  # not lost: handed out again after the visibility timeout
    run.refresh_from_db()
    assert (run.status, run.progress) == ("running", 70)

    client.force_login(contact)
    page = reverse("candidates:search_run", args=[run.pk])
    rerun = reverse("candidates:search_rerun", args=[run.pk])
    assert rerun not in client.get(page).text  # a few seconds in: still working, as far as known
    # A minute later (the search itself takes seconds).
    SearchRun.objects.filter(pk=run.pk).update(
        started_at=timezone.now() - datetime.timedelta(seconds=61)
    )
    text = client.get(page).text
    assert "Søket har stått stille i over ett minutt" in text and rerun in text

    response = client.post(rerun)
    new_run = SearchRun.objects.exclude(pk=run.pk).get()
    assert response["Location"] == reverse("candidates:search_run", args=[new_run.pk])
    start_worker("second")
    assert wait_for(lambda: SearchRun.objects.get(pk=new_run.pk).status == "done", timeout=120)
    assert SearchRun.objects.get(pk=new_run.pk).result_count == 1
