"""A broad search runs in a real Celery worker over real Redis: the run reports its progress
while the worker is busy, and ends stored with its ranked, explained results."""

import psycopg
import pytest
from django.db import transaction

from accounts.models import Role
from candidates.matching.criteria import Area, Criteria
from candidates.models import SearchRun
from candidates.services.search import search_run_start
from employers.models import Occupation
from tests.factories import user_with_role
from tests.workers import wait_for, worker_database_url

from ..employers.factories import JobOpeningFactory
from .factories import CandidateFactory

pytestmark = [
    pytest.mark.worker,
    pytest.mark.usefixtures("reference_data", "celery_worker_process"),
]


def _progress_of(run: SearchRun) -> tuple[str, int]:
    run.refresh_from_db()
    return run.status, run.progress


def test_worker_runs_the_search_with_progress_and_stores_the_run():
    welding = Occupation.objects.get(code="7212")
    opening = JobOpeningFactory(occupation=welding, title="Sveiser", requirements_must="")
    wants, has_done = CandidateFactory(), CandidateFactory()
    wants.occupations_wanted.add(welding)
    has_done.occupations_done.add(welding)
    wants.occupations_done.add(welding)
    CandidateFactory(competencies="Kokk")
    contact = user_with_role(Role.CONTACT_PERSON)

    # Hold the results table so the worker stops just before it stores the results, and the
    # progress it has reported so far can be seen.
    with psycopg.connect(worker_database_url()) as blocker:
        blocker.execute("LOCK TABLE candidates_searchresult IN EXCLUSIVE MODE")
        with transaction.atomic():
            run = search_run_start(
                opening=opening,
                actor=contact,
                criteria=Criteria(area=Area.NATIONAL, opening_text=False),
            )
            assert _progress_of(run) == ("queued", 0)
        assert wait_for(lambda: _progress_of(run) == ("running", 70)), _progress_of(run)
        blocker.rollback()

    assert wait_for(lambda: _progress_of(run) == ("done", 100)), _progress_of(run)
    run.refresh_from_db()
    assert (run.matched_count, run.result_count, run.message) == (2, 2, "")
    assert run.started_at <= run.finished_at
    results = list(run.results.order_by("rank"))
    assert [(r.candidate, r.rank, r.score) for r in results] == [(wants, 1, 100), (has_done, 2, 50)]
    assert results[1].explanation["occupation"] == {
        "code": "7212",
        "name": "Sveisere",
        "wanted": False,
        "done": True,
        "minor": True,
    }
