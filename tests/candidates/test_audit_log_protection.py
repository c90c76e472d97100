"""The audit log cannot be emptied or rewritten (issue 15 item 4): TRUNCATE is refused even
for the tables' owner, and the app's own database role (vi_inkluderer/dbroles.py) may only
read and append, and owns nothing it could switch the guards off on."""

import contextlib
import datetime

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from candidates.models import AuditRecord
from vi_inkluderer.dbroles import grant_after_migrate

from .factories import CandidateFactory

pytestmark = pytest.mark.django_db

TABLE = AuditRecord._meta.db_table


@pytest.fixture
def record():
    return AuditRecord.objects.create(
        candidate=CandidateFactory(), action=AuditRecord.Action.VIEW, purpose="Oppfølging"
    )


@pytest.fixture
def app_role(settings):
    """The app's role as `migrate` makes it when run as the owner with APP_DATABASE_URL set;
    created inside the test's transaction, so it disappears with it (the suite itself connects
    as a superuser)."""
    role = f"vi_test_app_{get_random_string(10).lower()}"
    settings.APP_DATABASE = {"USER": role, "PASSWORD": get_random_string(20)}
    grant_after_migrate(sender=apps.get_app_config("candidates"), using="default")
    return role


def _run(statement: str, params=None, *, role: str | None = None) -> None:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # The fixtures' rows are checked now, so no pending foreign-key check gets in the way.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            if role:
                cursor.execute(f'SET ROLE "{role}"')
            cursor.execute(statement, params)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")


def test_the_owner_cannot_truncate_the_audit_log(record):
    for statement in (f"TRUNCATE {TABLE}", "TRUNCATE candidates_candidate CASCADE"):
        with pytest.raises(DatabaseError, match="append-only"):
            _run(statement)
    assert AuditRecord.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize(
    "statement",
    [
        f"TRUNCATE {TABLE}",
        f"DELETE FROM {TABLE}",
        f"UPDATE {TABLE} SET at = at - interval '1 year'",
        f"ALTER TABLE {TABLE} DISABLE TRIGGER candidates_auditrecord_append_only",
        f"ALTER TABLE {TABLE} DISABLE TRIGGER ALL",
        f"DROP TRIGGER candidates_auditrecord_append_only ON {TABLE}",
        f"DROP TRIGGER candidates_auditrecord_no_truncate ON {TABLE}",
        f"DROP TABLE {TABLE} CASCADE",
    ],
    ids=[
        "truncate",
        "delete",
        "update",
        "disable trigger",
        "disable all triggers",
        "drop trigger",
        "drop truncate trigger",
        "drop table",
    ],
)
def test_the_apps_role_cannot_empty_or_rewrite_the_audit_log(record, app_role, statement):
    with pytest.raises(DatabaseError, match="permission denied|must be owner"):
        _run(statement, role=app_role)
    assert AuditRecord.objects.get(pk=record.pk).at == record.at


def test_the_apps_role_reads_and_appends_to_the_audit_log_and_works_on_the_rest(record, app_role):
    _run(f"SELECT count(*) FROM {TABLE}", role=app_role)
    _run(
        f"INSERT INTO {TABLE} (candidate_id, action, purpose, path, at) "
        "VALUES (%s, 'view', 'Oppfølging', '', now())",
        [record.candidate_id],
        role=app_role,
    )
    assert AuditRecord.objects.filter(candidate_id=record.candidate_id).count() == 2
    _run(
        "UPDATE candidates_candidate SET cv_summary = cv_summary WHERE id = %s",
        [record.candidate_id],
        role=app_role,
    )
    _run("DELETE FROM django_session WHERE expire_date < now()", role=app_role)


def test_the_apps_role_cannot_back_date_what_it_appends(record, app_role):
    insert = (
        f"INSERT INTO {TABLE} (candidate_id, action, purpose, path, at) "
        "VALUES (%s, 'view', %s, '', '2020-01-01T12:00:00+00:00')"
    )
    _run(insert, [record.candidate_id, "Av appen"], role=app_role)
    _run(insert, [record.candidate_id, "Av eieren"])
    by_app = AuditRecord.objects.get(purpose="Av appen")
    assert abs(by_app.at - timezone.now()) < datetime.timedelta(hours=1)
    # The owner (seeding, restores) keeps the time it writes.
    assert AuditRecord.objects.get(purpose="Av eieren").at.year == 2020


def test_the_apps_role_is_no_superuser_and_owns_nothing(app_role):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolcanlogin, rolpassword IS NOT NULL FROM pg_authid WHERE rolname = %s",
            [app_role],
        )
        assert cursor.fetchone() == (True, True)
        cursor.execute(
            "SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = %s",
            [app_role],
        )
        assert cursor.fetchone() == (False, False, False)
        cursor.execute("SELECT count(*) FROM pg_tables WHERE tableowner = %s", [app_role])
        assert cursor.fetchone() == (0,)


def test_without_a_role_of_its_own_the_migration_grants_nothing(settings):
    settings.APP_DATABASE = None
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_roles")
        before = cursor.fetchone()
        grant_after_migrate(sender=apps.get_app_config("candidates"), using="default")
        cursor.execute("SELECT count(*) FROM pg_roles")
        assert cursor.fetchone() == before


@contextlib.contextmanager
def _serving_as(role: str):
    """Everything the test's connection does inside, the app's requests included, runs as
    `role`: how production and `make run` serve (the suite itself connects as the owner, which
    creates the test database and flushes it)."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f'SET ROLE "{role}"')
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")


def test_the_app_serves_candidate_pages_as_its_role_and_they_are_audited(app_role, login, owner):
    candidate = CandidateFactory(owner=owner)
    client = login(owner)
    with _serving_as(app_role):
        for url in (
            reverse("candidates:list"),
            reverse("candidates:detail", args=[candidate.pk]),
            reverse("candidates:export"),
        ):
            assert client.get(url).status_code == 200, url
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user")
            assert cursor.fetchone() == (app_role,)
            with pytest.raises(DatabaseError, match="permission denied"), transaction.atomic():
                cursor.execute(f"TRUNCATE {TABLE}")
    actions = set(AuditRecord.objects.filter(candidate=candidate).values_list("action", flat=True))
    assert {AuditRecord.Action.LIST, AuditRecord.Action.VIEW, AuditRecord.Action.EXPORT} <= actions
