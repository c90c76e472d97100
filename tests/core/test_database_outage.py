"""PostgreSQL stopped under a real worker and started again: a notification e-mail and a broad
search that reach the worker while the database is away are retried with backoff and done once
it is back (issue: both were lost in a 17 s outage, as tasks retried only on OSError).

The test stops and starts the server itself, so it runs only on the embedded PostgreSQL that
`python -m vi_inkluderer.embedded` started for this run (EMBEDDED_POSTGRES_DIR), never on a
server others use."""

import os
import time
from pathlib import Path

import pytest
from django.db import connection

from accounts.models import Role
from candidates.matching.criteria import Area, Criteria
from candidates.models import SearchRun
from candidates.tasks import run_candidate_search
from notifications.models import Notification
from notifications.tasks import send_notification_email
from tests.employers.factories import JobOpeningFactory
from tests.factories import user_with_role
from tests.workers import mail_messages, wait_for

DATA_DIR = os.environ.get("EMBEDDED_POSTGRES_DIR")

pytestmark = [
    pytest.mark.worker,
    pytest.mark.usefixtures("reference_data"),
    pytest.mark.skipif(
        not DATA_DIR,
        reason="stops PostgreSQL: only under python -m vi_inkluderer.embedded, on its own server",
    ),
]

OUTAGE_SECONDS = 17


def _postgres_user() -> str | None:
    # pgserver runs PostgreSQL as a user of its own when started by root.
    return "pgserver" if os.geteuid() == 0 else None


def _stop_postgres() -> None:
    from pgserver._commands import pg_ctl

    connection.close()
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=Path(DATA_DIR), user=_postgres_user())


def _start_postgres() -> None:
    import pgserver

    # Started as the embedded runner starts it (same socket); the runner stops it at its end.
    pgserver.get_server(Path(DATA_DIR), cleanup_mode=None)


def test_tasks_that_reach_the_worker_while_postgresql_is_down_are_done_when_it_returns(
    start_worker, mail_dir
):
    with connection.cursor() as cursor:
        cursor.execute("SHOW data_directory")
        assert Path(cursor.fetchone()[0]).resolve() == Path(DATA_DIR).resolve()
    first = Notification.objects.create(
        recipient=user_with_role(Role.ADVISER, email="forst@example.no"), title="Før"
    )
    during = Notification.objects.create(
        recipient=user_with_role(Role.ADVISER, email="underveis@example.no"), title="Underveis"
    )
    opening = JobOpeningFactory(requirements_must="")
    run = SearchRun.objects.create(
        opening=opening,
        created_by=opening.recorded_by,
        criteria=Criteria(area=Area.NATIONAL, opening_text=False).to_json(),
    )
    start_worker("outage")
    send_notification_email.delay(first.pk)
    assert wait_for(lambda: len(mail_messages(mail_dir)) == 1, timeout=120), "worker not up"

    _stop_postgres()
    try:
        send_notification_email.delay(during.pk)
        run_candidate_search.delay(run.pk)
        time.sleep(OUTAGE_SECONDS)  # both reach the worker and fail on the database
    finally:
        _start_postgres()

    def underveis_sent():
        return sum("underveis@example.no" in mail for mail in mail_messages(mail_dir)) == 1

    assert wait_for(underveis_sent, timeout=180)
    assert wait_for(lambda: SearchRun.objects.get(pk=run.pk).status == "done", timeout=180)
    time.sleep(2)
    assert len(mail_messages(mail_dir)) == 2
    during.refresh_from_db()
    assert during.emailed_at is not None
