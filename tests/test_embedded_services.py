"""`make run` on a machine without PostgreSQL or Redis: the wrapper starts both itself."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings


@pytest.fixture
def var_dir():
    """A data directory outside pytest's own temporary root: pgserver, run as root, hands the
    cluster to a system user and opens the path up for it, and any other pytest run of the same
    user closes that root again (mode 0700) while the server starts."""
    path = Path(tempfile.mkdtemp(prefix="vi-embedded-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


PROBE = """
import os, psycopg, redis
with psycopg.connect(os.environ["DATABASE_URL"].replace("postgresql://", "postgres://")) as conn:
    print(conn.execute("select current_database()").fetchone()[0])
    print(conn.execute("show shared_buffers").fetchone()[0])
client = redis.Redis.from_url(os.environ["REDIS_URL"])
client.set("probe", "ok")
print(client.get("probe").decode())
"""


def test_wrapper_starts_embedded_postgres_and_redis_and_stops_them(var_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "vi_inkluderer.embedded",
            "--var",
            str(var_dir),
            "--",
            sys.executable,
            "-c",
            PROBE,
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["vi_inkluderer", "512MB", "ok"]
    assert (var_dir / "postgres" / "PG_VERSION").exists()
    assert (var_dir / "redis" / "appendonlydir").exists() or list((var_dir / "redis").glob("*.aof"))
    assert not (var_dir / "postgres" / "postmaster.pid").exists(), "PostgreSQL still runs"


def test_stopping_the_wrapper_with_sigterm_is_a_clean_exit(tmp_path):
    """`make run` stopped by SIGTERM (a service manager, `kill`) ends without an error."""
    env = {**os.environ, "DATABASE_URL": "postgresql://unused", "REDIS_URL": "redis://unused"}
    command = [sys.executable, "-m", "vi_inkluderer.embedded", "--var", str(tmp_path), "--"]
    command += [sys.executable, "-c", "import time; time.sleep(60)"]
    wrapper = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)
    time.sleep(2)
    wrapper.send_signal(signal.SIGTERM)
    assert wrapper.wait(timeout=30) == 0


def test_make_run_keeps_worker_logs_quiet_so_the_banner_stays_readable():
    """The URL and demo logins printed by `make run` must not scroll away under info logs."""
    procfile = (settings.BASE_DIR / "Procfile.dev").read_text().splitlines()
    celery_lines = [line for line in procfile if "celery" in line]
    assert celery_lines and all("--loglevel=warning" in line for line in celery_lines)


# `make run`'s start-up (devdata/devrun.py) on a fresh embedded database, then what the served
# processes can do with the database URL they are given.
MAKE_RUN_PROBE = """
import os, django, psycopg
os.environ["DJANGO_SETTINGS_MODULE"] = "vi_inkluderer.settings"
django.setup()
from django.conf import settings
from devdata.devrun import prepare_database, serve_as_app_role
owner_url = os.environ["DATABASE_URL"]
prepare_database()
serve_as_app_role(os.environ)
assert "APP_DATABASE_URL" not in os.environ
cache = settings.CACHES["default"]["LOCATION"]


def attempt(conn, statement):
    try:
        with conn.transaction():
            conn.execute(statement)
        return "ok"
    except psycopg.Error as error:
        return type(error).__name__


def connect(url):
    return psycopg.connect(url.replace("postgresql://", "postgres://"), autocommit=True)


with connect(os.environ["DATABASE_URL"]) as app, connect(owner_url) as owner:
    for conn in (owner, app):
        print(conn.execute(
            "SELECT current_user, rolsuper, (SELECT count(*) FROM pg_tables"
            " WHERE tableowner = current_user AND schemaname = 'public') > 0"
            " FROM pg_roles WHERE rolname = current_user"
        ).fetchone())
    for statement in (
        "SELECT count(*) FROM candidates_auditrecord",
        f"SELECT count(*) FROM {cache}",
        "INSERT INTO django_session VALUES ('probe', 'x', now())",
        "TRUNCATE candidates_auditrecord",
        "DELETE FROM candidates_auditrecord",
        "ALTER TABLE candidates_auditrecord DISABLE TRIGGER ALL",
        "DROP TRIGGER candidates_auditrecord_no_truncate ON candidates_auditrecord",
    ):
        print(attempt(app, statement))
"""


@pytest.mark.slow
def test_make_run_migrates_as_the_owner_and_serves_as_a_role_that_owns_nothing(var_dir):
    """Issue 15 item 4 for `make run`: the embedded server's superuser owns the tables and
    migrates; web, worker and beat connect as vi_app, which cannot empty the audit log."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "APP_DATABASE_URL")}
    command = [sys.executable, "-m", "vi_inkluderer.embedded", "--var", str(var_dir)]
    command += ["--app-role", "vi_app", "--", sys.executable, "-c", MAKE_RUN_PROBE]
    result = subprocess.run(
        command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()[-9:]
    assert lines[:2] == ["('postgres', True, True)", "('vi_app', False, False)"]
    assert lines[2:5] == ["ok", "ok", "ok"]
    assert lines[5:] == ["InsufficientPrivilege"] * 4


def test_make_run_manage_backup_and_restore_use_the_apps_role():
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    assert "DEV_SERVICES := $(WITH_SERVICES) --var var --app-role vi_app" in makefile
    for target in ("run", "manage", "backup", "restore"):
        recipe = makefile.split(f"\n{target}: ")[1].split("\n\n")[0]
        assert "$(DEV_SERVICES) --" in recipe, target
