"""A contact person searches for candidates for an opening in Chromium: sees the search
progress, then the explained results, and adds three candidates to the shortlist."""

import re

import psycopg
import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from candidates.models import ShortlistEntry
from employers.models import JobOpening
from tests.workers import worker_database_url

from .conftest import assert_accessible, log_in, shortlist_first_results

pytestmark = pytest.mark.usefixtures("celery_worker_process")


@pytest.fixture
def demo_world(live_site):
    call_command("seed_demo")
    return live_site


def test_contact_person_searches_and_shortlists_three_candidates(page, demo_world, console_errors):
    opening = JobOpening.objects.filter(
        title="Helsefagarbeider", status=JobOpening.Status.OPEN, shortlist__isnull=True
    ).first()
    # The contact person who recorded it: only the opening's contact side may search (issue 15).
    log_in(page, demo_world.url, opening.recorded_by.email)
    page.goto(f"{demo_world.url}/virksomheter/stillinger/{opening.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Søk etter kandidater").click()

    expect(page.get_by_role("heading", name="Søk etter kandidater")).to_be_visible()
    page.screenshot(path="var/screenshots/search-start.png", full_page=True)
    expect(page.get_by_label("Match på stillingens yrke")).to_be_checked()
    page.get_by_role("radio", name=re.compile(r"^I fylket")).check()
    page.screenshot(path="var/screenshots/search-start.png", full_page=True)
    assert_accessible(page)

    # Hold the results table: the worker stops before storing results, and the page shows
    # its progress until the table is released.
    with psycopg.connect(worker_database_url()) as blocker:
        blocker.execute("LOCK TABLE candidates_searchresult IN EXCLUSIVE MODE")
        page.get_by_role("button", name="Søk", exact=True).click()
        expect(page.get_by_text("Søker gjennom kandidatene … 70 %")).to_be_visible(timeout=30_000)
        page.screenshot(path="var/screenshots/search-progress.png", full_page=True)
        assert_accessible(page)
        blocker.rollback()

    expect(page.get_by_text(re.compile(r"\d+ kandidater? passet"))).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Ønsker å jobbe som Helsefagarbeidere").first).to_be_visible()
    page.screenshot(path="var/screenshots/search-results.png")
    assert_accessible(page)

    shortlist_first_results(page, 3)
    page.screenshot(path="var/screenshots/search-shortlisted.png")
    assert_accessible(page)
    assert ShortlistEntry.objects.filter(shortlist__opening=opening).count() == 3
    assert console_errors == [], console_errors
