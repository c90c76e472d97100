"""A project leader imports a large employer file in Chromium: the dry run and the apply run
on a real worker and the page shows their progress, then the result."""

import psycopg
import pytest
from playwright.sync_api import expect

from accounts.models import County, Role
from devdata.demo.accounts import DEMO_PASSWORD, demo_orgnr
from employers.models import Employer
from tests.employers.test_import import HEADER
from tests.factories import user_with_role
from tests.workers import worker_database_url

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.usefixtures("celery_worker_process")

ROWS = 2500


def test_a_large_import_shows_its_progress_and_then_the_result(page, live_site, tmp_path):
    leader = user_with_role(
        Role.PROJECT_LEADER, email="pia@example.no", county=County.objects.get(name="Oslo")
    )
    leader.set_password(DEMO_PASSWORD)
    leader.save()
    lines = [HEADER] + [
        f"{demo_orgnr(1000 + 2 * n)};Virksomhet {n};privat;C;Oslo;;;;;" for n in range(ROWS)
    ]
    file = tmp_path / "virksomheter.csv"
    file.write_text("\n".join(lines))

    log_in(page, live_site.url, leader.email)
    page.goto(f"{live_site.url}/virksomheter/import/")
    # Hold the employer table: the worker's dry run waits, and the page shows its progress.
    with psycopg.connect(worker_database_url()) as blocker:
        blocker.execute("LOCK TABLE employers_employer IN ACCESS EXCLUSIVE MODE")
        page.get_by_label("Fil med virksomheter").set_input_files(file)
        page.get_by_role("button", name="Sjekk filen").click()
        expect(page.get_by_text("Prøvekjører 2500 rader … 0 %")).to_be_visible(timeout=30_000)
        page.screenshot(path="var/screenshots/import-progress.png", full_page=True)
        assert_accessible(page)
        blocker.rollback()

    expect(page.get_by_text("2500 nye virksomheter")).to_be_visible(timeout=60_000)
    assert_accessible(page)
    page.get_by_role("button", name="Gjennomfør importen").click()
    expect(page.get_by_text("Importen er startet")).to_be_visible()
    expect(page.get_by_text("Gjennomført")).to_be_visible(timeout=60_000)
    page.screenshot(path="var/screenshots/import-done.png", full_page=True)
    assert Employer.objects.count() == ROWS
