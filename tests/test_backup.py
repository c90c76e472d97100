"""`manage.py backup` and `restore` round trip: every table's row count and every uploaded
file come back as they were."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from employers.models import Employer
from tests.agreements.factories import AgreementFactory, MeetingFactory
from tests.employers.factories import EmployerFactory

pytestmark = pytest.mark.usefixtures("reference_data")


def _row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def _media_files() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def test_backup_and_restore_give_back_every_row_and_every_uploaded_file(tmp_path):
    EmployerFactory.create_batch(3)
    MeetingFactory(agreement=AgreementFactory())
    signed = Path(settings.MEDIA_ROOT) / "agreements" / "2026" / "signert.pdf"
    signed.parent.mkdir(parents=True)
    signed.write_bytes(b"%PDF-1.7 signert avtale")
    before_rows, before_files = _row_counts(), _media_files()
    assert before_rows["employers_employer"] >= 4

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive)
    Employer.objects.filter(agreements__isnull=True).delete()
    signed.unlink()
    (Path(settings.MEDIA_ROOT) / "stray.txt").write_text("not in the backup")

    call_command("restore", str(archive), yes=True)

    assert _row_counts() == before_rows
    assert _media_files() == before_files


def test_restore_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "none.tar.gz"), yes=True)
