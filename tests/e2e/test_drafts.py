"""Input is never lost: a contact summary typed while the session runs out comes back after
logging in again, and a save from a page made stale by a new login elsewhere gets a page that
leads back to the form with the text still there."""

import re
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from accounts.models import County, Role
from employers.models import DialogueEntry

from ..employers.factories import EmployerFactory
from ..factories import user_with_role
from .conftest import assert_accessible, log_in

SHOTS = Path("var/screenshots")
PASSWORD = "et-langt-testpassord"
SUMMARY = ("Lang samtale om rekrutteringsbehov i lageret og på kjøkkenet. " * 50)[:3000]


@pytest.fixture
def contact_and_employer(live_site):
    county = County.objects.get(name="Oslo")
    contact = user_with_role(Role.CONTACT_PERSON, county=county, email="kari@nav.example.no")
    return contact, EmployerFactory(name="Tøyen Kantine AS", county=county)


def _open_dialogue_form(page, base_url, employer):
    page.goto(f"{base_url}/virksomheter/{employer.pk}/kontakthistorikk/ny/")
    expect(page.get_by_label("Sammendrag")).to_be_visible()


def test_text_typed_while_the_session_ran_out_comes_back_after_login(
    page, live_site, contact_and_employer
):
    contact, employer = contact_and_employer
    log_in(page, live_site.url, contact.email, PASSWORD)
    _open_dialogue_form(page, live_site.url, employer)
    page.get_by_label("Sammendrag").fill(SUMMARY)
    Session.objects.all().delete()  # the session expires while they type

    page.get_by_label("Jeg bekrefter at teksten ikke inneholder").check()
    page.get_by_role("button", name="Logg kontakt").click()
    expect(page.get_by_label("Passord")).to_be_visible()
    page.get_by_label("E-post").fill(contact.email)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()

    expect(page.get_by_label("Sammendrag")).to_have_value(SUMMARY)
    expect(page.get_by_role("status").filter(has_text="hentet fram")).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "draft-restored.png"), full_page=True)
    assert_accessible(page)

    page.get_by_label("Kanal").select_option(label="Møte")
    page.get_by_label("Rekrutteringsbehov").check()
    page.get_by_label("Jeg bekrefter at teksten ikke inneholder").check()
    page.get_by_role("button", name="Logg kontakt").click()
    expect(page.locator(".alert-success")).to_be_visible()
    assert DialogueEntry.objects.get().summary == SUMMARY
    # Saved: the draft is gone.
    _open_dialogue_form(page, live_site.url, employer)
    expect(page.get_by_label("Sammendrag")).to_have_value("")


def test_a_save_from_a_stale_page_leads_back_to_the_form_with_the_text(
    page, context, live_site, contact_and_employer
):
    contact, employer = contact_and_employer
    log_in(page, live_site.url, contact.email, PASSWORD)
    _open_dialogue_form(page, live_site.url, employer)
    page.get_by_label("Sammendrag").fill(SUMMARY)
    # Logging out and in again in another tab gives a new session and CSRF secret.
    other = context.new_page()
    other.goto(f"{live_site.url}/konto/logout/")
    other.get_by_role("main").get_by_role("button", name="Logg ut").click()
    log_in(other, live_site.url, contact.email, PASSWORD)
    # Close the tab only once the login has landed: Chromium can acknowledge a close that races
    # a navigation commit without closing, and page.close() then waits for ever (Playwright
    # issues 41900 and 42366); that hung this test in two CI runs.
    expect(other).not_to_have_url(re.compile(r"/konto/login/"))
    other.close()

    page.get_by_role("button", name="Logg kontakt").click()
    expect(page.get_by_role("heading", name="Skjemaet ble ikke sendt")).to_be_visible()
    page.screenshot(path=str(SHOTS / "draft-csrf-page.png"), full_page=True)
    assert_accessible(page)
    page.get_by_role("link", name="Tilbake til skjemaet").click()
    expect(page.get_by_label("Sammendrag")).to_have_value(SUMMARY)
    assert not DialogueEntry.objects.exists()
