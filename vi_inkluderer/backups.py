"""Backup and restore of everything that cannot be rebuilt: the PostgreSQL database (pg_dump's
custom format) and the uploaded files under MEDIA_ROOT (signed agreements), in one .tar.gz.

Redis is not backed up: it holds only the task queue, which the transactional outbox
(core.outbox) rebuilds, and nothing else."""

import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import pgserver
from django.conf import settings
from django.db import connections
from psycopg.conninfo import make_conninfo

from .dbroles import grant_configured_app_role

DUMP_NAME = "database.dump"
MEDIA_NAME = "media"
# pg_dump/pg_restore of the PostgreSQL that ships with the embedded server (version 16),
# unless the machine's own are asked for: a dump needs a pg_dump at least as new as the server.
BUNDLED_BIN = Path(pgserver.__file__).parent / "pginstall" / "bin"


class BackupError(Exception):
    """pg_dump or pg_restore failed; the message is theirs."""


def _tool(name: str) -> str:
    bundled = BUNDLED_BIN / name
    return str(bundled) if bundled.exists() else shutil.which(name) or name


def _params() -> dict:
    return connections["default"].get_connection_params()


def _conninfo() -> str:
    """The libpq connection string of Django's default database (host may be a socket dir);
    the password goes by environment, never on a command line others can read."""
    keys = ("dbname", "user", "host", "port", "sslmode")
    return make_conninfo(**{key: _params()[key] for key in keys if _params().get(key)})


def _run(command: list[str]) -> None:
    env = dict(os.environ)
    if password := _params().get("password"):
        env["PGPASSWORD"] = str(password)
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(result.stderr.strip() or f"{command[0]} exited {result.returncode}")


def backup_create(target: Path) -> Path:
    """Write the database and the uploaded files to `target` (.tar.gz)."""
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP_NAME
        _run([_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dump), _conninfo()])
        target.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(target, "w:gz") as archive:
            archive.add(dump, arcname=DUMP_NAME)
            if media_root.exists():
                archive.add(media_root, arcname=MEDIA_NAME)
    return target


def backup_restore(source: Path) -> None:
    """Replace the database's contents and the uploaded files with those of `source`. The
    database is restored in one transaction: on any error nothing is changed."""
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work, tarfile.open(source, "r:gz") as archive:
        archive.extractall(work, filter="data")
        connections.close_all()
        _run(
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--dbname",
                _conninfo(),
                str(Path(work) / DUMP_NAME),
            ]
        )
        # The restored tables are the owner's; the app's role gets its rights on them again.
        grant_configured_app_role()
        restored_media = Path(work) / MEDIA_NAME
        if media_root.exists():
            shutil.rmtree(media_root)
        if restored_media.exists():
            shutil.copytree(restored_media, media_root)
