"""The documented maximum, 20,000 rows, through a real worker: the upload answers at once, the
dry run and the apply run as tasks, and the employers are created once."""

import time

import pytest
from django.urls import reverse

from employers.models import Employer, EmployerImport
from tests.employers.test_import import UPLOAD
from tests.employers.test_import_background import large_csv
from tests.workers import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.usefixtures("reference_data")]

ROWS = 20_000


def test_twenty_thousand_rows_go_through_the_worker_once(client, project_leader, start_worker):
    client.force_login(project_leader)
    upload = large_csv(ROWS)
    started = time.monotonic()
    response = client.post(UPLOAD, {"file": upload})
    upload_seconds = time.monotonic() - started
    assert response.status_code == 302
    assert upload_seconds < 3, upload_seconds  # parsing and storing only; measured ~0.5 s
    employer_import = EmployerImport.objects.get()

    started = time.monotonic()
    start_worker("import")
    checked = EmployerImport.objects.filter(pk=employer_import.pk, checked_at__isnull=False)
    assert wait_for(checked.exists, timeout=180)
    check_seconds = time.monotonic() - started
    assert checked.get().dry_run["new"] == ROWS and not Employer.objects.exists()

    started = time.monotonic()
    client.post(reverse("employers:import_apply", args=[employer_import.pk]))
    applied = EmployerImport.objects.filter(pk=employer_import.pk, applied_at__isnull=False)
    assert wait_for(applied.exists, timeout=300)
    apply_seconds = time.monotonic() - started
    assert Employer.objects.count() == ROWS
    print(  # noqa: T201 (the figures for docs/employers.md)
        f"\nupload {upload_seconds:.2f} s, dry run task {check_seconds:.2f} s "
        f"(with worker start), apply task {apply_seconds:.2f} s"
    )
