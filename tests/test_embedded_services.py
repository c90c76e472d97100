"""`make run` on a machine without PostgreSQL or Redis: the wrapper starts both itself."""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings

PROBE = """
import os, psycopg, redis
with psycopg.connect(os.environ["DATABASE_URL"].replace("postgresql://", "postgres://")) as conn:
    print(conn.execute("select current_database()").fetchone()[0])
    print(conn.execute("show shared_buffers").fetchone()[0])
client = redis.Redis.from_url(os.environ["REDIS_URL"])
client.set("probe", "ok")
print(client.get("probe").decode())
"""


def test_wrapper_starts_embedded_postgres_and_redis_and_stops_them(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "vi_inkluderer.embedded",
            "--var",
            str(tmp_path),
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
    assert (tmp_path / "postgres" / "PG_VERSION").exists()
    assert (tmp_path / "redis" / "appendonlydir").exists() or list(
        (tmp_path / "redis").glob("*.aof")
    )
    assert not (tmp_path / "postgres" / "postmaster.pid").exists(), "PostgreSQL still runs"


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
