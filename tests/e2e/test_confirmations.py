"""Issue 13, item 16, in Chromium: "Merk som besatt" asks first; saying no leaves the opening
open, saying yes marks it filled."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import User
from candidates.models.shortlist import openings_managed_by
from employers.models import JobOpening

from .conftest import assert_accessible, log_in

CONTACT = "markedskontakt@demo.no"


@pytest.fixture
def demo_world(live_site):
    call_command("seed_demo")
    return live_site


def test_mark_as_filled_asks_first(page, demo_world):
    opening = (
        openings_managed_by(User.objects.get(email=CONTACT))
        .filter(status=JobOpening.Status.OPEN)
        .order_by("pk")
        .first()
    )
    log_in(page, demo_world.url, CONTACT)
    page.goto(demo_world.url + reverse("employers:opening_detail", args=[opening.pk]))
    button = page.get_by_role("button", name="Merk som besatt")
    asked = []

    def answer(dialog, accept):
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    button.click()
    expect(button).to_be_visible()
    opening.refresh_from_db()
    assert opening.status == JobOpening.Status.OPEN
    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    button.click()
    expect(page.get_by_text("Stillingen er merket som besatt.")).to_be_visible()
    opening.refresh_from_db()
    assert opening.status == JobOpening.Status.FILLED
    assert [message.startswith("Merke stillingen som besatt?") for message in asked] == [True, True]
    page.screenshot(path="var/screenshots/issue13-opening-filled.png", full_page=True)
    assert_accessible(page)
