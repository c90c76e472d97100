"""Issue 13's remaining items as a new user meets them in Chromium: overdue meetings flagged,
the home page's follow-up window, the proposal picker's details, asking the owner for
consent. Each page is checked with axe, at 390 px, and saved as a screenshot."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from candidates.models import ShortlistEntry, Step
from employers.models import JobOpening

from .conftest import PHONE, assert_accessible, log_in

SHOTS = "var/screenshots"


@pytest.fixture
def demo_world(live_site):
    call_command("seed_demo")
    return live_site


def _shoot(page, name):
    page.screenshot(path=f"{SHOTS}/{name}-desktop.png", full_page=True)
    viewport = page.viewport_size
    page.set_viewport_size(PHONE)
    page.screenshot(path=f"{SHOTS}/{name}-phone.png", full_page=True)
    page.set_viewport_size(viewport)


def test_overdue_follow_up_is_flagged_on_every_list(page, demo_world, console_errors):
    log_in(page, demo_world.url, "markedskontakt@demo.no")
    expect(page.get_by_role("heading", name="Møter de neste 30 dagene")).to_be_visible()
    _shoot(page, "issue13-home-contact")
    assert_accessible(page)
    page.goto(demo_world.url + reverse("agreements:list"))
    first_row = page.locator("tbody tr").first
    expect(first_row.locator(".status-meeting-overdue")).to_have_text("Forfalt")
    _shoot(page, "issue13-agreements")
    assert_accessible(page)
    first_row.get_by_role("link").first.click()
    expect(page.locator(".status-meeting-overdue").first).to_be_visible()
    _shoot(page, "issue13-agreement")
    assert_accessible(page)
    page.goto(demo_world.url + reverse("agreements:my_follow_ups"))
    assert_accessible(page)
    page.context.clear_cookies()
    log_in(page, demo_world.url, "prosjektleder@demo.no")
    page.goto(demo_world.url + reverse("agreements:county"))
    expect(page.get_by_role("status")).not_to_have_text("0 avtaler")
    expect(page.locator("tbody tr").first.locator(".status-meeting-overdue")).to_be_visible()
    _shoot(page, "issue13-county")
    assert_accessible(page)
    assert console_errors == []


def test_the_adviser_proposes_with_details_and_sees_fits(page, demo_world, console_errors):
    log_in(page, demo_world.url, "veileder@demo.no")
    expect(page.get_by_text("Neste:").first).to_be_visible()
    _shoot(page, "issue13-home-adviser")
    page.goto(demo_world.url + reverse("employers:shared_openings"))
    _shoot(page, "issue13-shared")
    assert_accessible(page)
    opening = JobOpening.objects.filter(status="open").order_by("pk").first()
    page.goto(demo_world.url + reverse("candidates:propose", args=[opening.pk]))
    expect(page.get_by_text("Yrker:").first).to_be_visible()
    expect(page.get_by_text("tilgjengelig fra").first).to_be_visible()
    _shoot(page, "issue13-propose")
    assert_accessible(page)
    assert console_errors == []


def test_the_contact_person_asks_the_owner_for_consent(page, demo_world, console_errors):
    entry = (
        ShortlistEntry.objects.filter(
            step__in=[Step.PROPOSED, Step.ASSESSING],
            archived_at__isnull=True,
            shortlist__opening__recorded_by__email="markedskontakt@demo.no",
        )
        .exclude(consents__status="pending")
        .order_by("pk")
        .first()
    )
    if entry is None:
        pytest.skip("the demo has no entry waiting for consent on the contact person's lists")
    log_in(page, demo_world.url, "markedskontakt@demo.no")
    page.goto(demo_world.url + reverse("candidates:entry_detail", args=[entry.pk]))
    owner = entry.candidate.owner
    expect(page.locator(f'a[href="mailto:{owner.email}"]')).to_be_visible()
    page.get_by_role("button", name="Be eier innhente samtykke").click()
    expect(page.get_by_text("har fått beskjed om å innhente samtykke")).to_be_visible()
    _shoot(page, "issue13-consent-ask")
    assert_accessible(page)
    assert console_errors == []
