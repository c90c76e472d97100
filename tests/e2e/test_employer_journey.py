"""The contact person's daily journey with an employer, and the adviser who receives the opening
(issue 3): find the employer, log a meeting with a next step, record and publish an opening."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from .conftest import assert_accessible, log_in, open_menu_item

EMPLOYER = "Tiller Lager og Logistikk AS"
SUMMARY = "Møte med driftslederen om lageret: trenger to lagermedarbeidere fra januar."
NEXT_STEP = "Sende forslag til kandidater til Tiller"
OPENING_TITLE = "Lagermedarbeider, nattskift"


@pytest.fixture
def demo_world(live_site):
    call_command("seed_demo")
    return live_site


def _check(page, name: str) -> None:
    """Every page on the way: a screenshot to look at, and zero axe violations."""
    page.screenshot(path=f"var/screenshots/employer-journey-{name}.png", full_page=True)
    assert_accessible(page)


def test_contact_person_logs_a_meeting_and_shares_an_opening_the_adviser_sees(
    page, demo_world, console_errors
):
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, demo_world.url, "markedskontakt@demo.no")

    # Find the employer through the list search.
    open_menu_item(page, "Virksomheter")
    expect(page.get_by_role("heading", name="Virksomheter", level=1)).to_be_visible()
    _check(page, "1-list")
    page.get_by_label("Søk på navn eller organisasjonsnummer").fill("tiller lager")
    page.get_by_role("button", name="Vis virksomheter").click()
    expect(page.get_by_role("status").filter(has_text="virksomhet")).to_contain_text("1 virksomhet")
    page.get_by_role("link", name=EMPLOYER).click()
    expect(page.get_by_role("heading", name=EMPLOYER, level=1)).to_be_visible()
    _check(page, "2-detail")

    # Log a meeting with a next step, confirming there is no sensitive personal data.
    page.get_by_role("link", name="Logg kontakt").first.click()
    expect(page.get_by_role("heading", name="Logg kontakt", level=1)).to_be_visible()
    page.get_by_label("Kanal").select_option(label="Møte")
    page.get_by_label("Rekrutteringsbehov").check()
    page.get_by_label("Sammendrag").fill(SUMMARY)
    page.get_by_label("Neste steg", exact=True).fill(NEXT_STEP)
    due = timezone.localdate() + datetime.timedelta(days=3)
    page.get_by_label("Frist").fill(due.isoformat())
    _check(page, "3-dialogue-form")
    page.get_by_label("Jeg bekrefter at teksten ikke inneholder").check()
    page.get_by_role("button", name="Logg kontakt").click()

    # The entry is in the timeline, and the next step is a task on the home page and the list.
    expect(page.get_by_text(SUMMARY)).to_be_visible()
    _check(page, "4-timeline")
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Min side").click()
    tasks = page.get_by_role("region", name="Mine oppgaver")
    expect(tasks.get_by_text(NEXT_STEP, exact=True)).to_be_visible()
    _check(page, "5-home-with-task")
    tasks.get_by_role("link", name="Gå til Mine oppgaver").click()
    expect(page.get_by_role("heading", name="Mine oppgaver", level=1)).to_be_visible()
    task = page.get_by_role("row").filter(has_text=NEXT_STEP)
    expect(task).to_contain_text(EMPLOYER)
    _check(page, "6-tasks")

    # Record an opening, picking the occupation by typing in the STYRK-08 picker.
    task.get_by_role("link", name=EMPLOYER).click()
    page.get_by_role("navigation", name="Brødsmulesti").get_by_role("link", name=EMPLOYER).click()
    page.get_by_role("link", name="Registrer stilling").click()
    expect(page.get_by_role("heading", name="Registrer stilling", level=1)).to_be_visible()
    page.get_by_label("Stillingstittel").fill(OPENING_TITLE)
    page.get_by_label("Søk i yrkeslisten").fill("lagermedarbeid")
    expect(page.get_by_role("status").filter(has_text="passer søket")).to_contain_text("1 yrke")
    occupation = page.get_by_label("Yrke (STYRK-08)")
    occupation.select_option(label="4321 Lagermedarbeidere og material-forvaltere")
    page.get_by_label("Krav som må oppfylles").fill("Kan jobbe natt. Norsk muntlig.")
    _check(page, "7-opening-form")
    page.get_by_role("button", name="Lagre som utkast").click()

    # Publish it: advisers and providers in the region are told.
    expect(page.get_by_role("heading", name=OPENING_TITLE, level=1)).to_be_visible()
    page.get_by_role("button", name="Publiser og del").click()
    expect(page.get_by_role("status").filter(has_text="publisert")).to_contain_text("delt med")
    _check(page, "8-opening-published")

    # The tips list is the other half of the contact person's week.
    open_menu_item(page, "Tips")
    expect(page.get_by_role("heading", name="Tips om virksomheter", level=1)).to_be_visible()
    _check(page, "9-tips")
    assert console_errors == [], console_errors

    # The adviser in the same region finds it under "Delte stillinger".
    page.context.clear_cookies()
    log_in(page, demo_world.url, "veileder@demo.no")
    open_menu_item(page, "Delte stillinger")
    expect(page.get_by_role("heading", name="Delte stillinger", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=OPENING_TITLE, exact=True)).to_be_visible()
    _check(page, "10-shared-openings")
    page.get_by_role("link", name=OPENING_TITLE, exact=True).click()
    expect(page.get_by_text("Kan jobbe natt. Norsk muntlig.")).to_be_visible()
    _check(page, "11-adviser-opening")
    assert console_errors == [], console_errors
