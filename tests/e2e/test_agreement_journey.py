"""A contact person in Trøndelag signs an agreement with an employer, downloads the PDF, sees
the generated meeting plan, records a held meeting with minutes and turns a recruitment need
from it into a job opening; every page passes axe."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import County, Role
from agreements.models import Agreement
from employers.models import JobOpening, Occupation

from ..employers.factories import EmployerFactory
from ..factories import user_with_role
from .conftest import assert_accessible, log_in, open_menu_item

SHOTS = Path("var/screenshots")
PASSWORD = "et-langt-testpassord"


@pytest.fixture
def trondelag_contact(live_site):
    county = County.objects.get(name="Trøndelag")
    contact = user_with_role(
        Role.CONTACT_PERSON,
        county=county,
        email="kari.markedskontakt@nav.example.no",
        first_name="Kari",
        last_name="Kontakt",
    )
    employer = EmployerFactory(name="Nidaros Bryggeri AS", county=county, municipality="Trondheim")
    return contact, employer


def _check(page, name: str, console_errors):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"agreement-{name}.png"), full_page=True)
    assert_accessible(page)
    assert console_errors == [], console_errors


def test_contact_person_signs_plans_meets_and_makes_an_opening(
    page, live_site, trondelag_contact, console_errors
):
    contact, employer = trondelag_contact
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, live_site.url, contact.email, PASSWORD)

    page.goto(f"{live_site.url}/virksomheter/{employer.pk}/")
    page.get_by_role("link", name="Opprett avtale").click()
    expect(page.get_by_role("heading", name="Opprett Vi inkluderer!-avtale")).to_be_visible()
    _check(page, "create", console_errors)
    page.get_by_label("Signerer for virksomheten").fill("Ingrid Ølberg, daglig leder")
    page.get_by_label("Ansvarlig hos virksomheten").fill("Åsmund Bråten, HR-sjef")
    page.locator("#id_union_involvement").select_option("participates")
    page.get_by_label("Oppfølgingsmøter per år").select_option("4")
    page.get_by_role("button", name="Opprett avtale").click()

    expect(page.get_by_text("Avtalen er opprettet")).to_be_visible()
    page.get_by_role("button", name="Registrer som signert").click()
    expect(page.get_by_text("Avtalen har nå status «Signert».")).to_be_visible()
    page.get_by_role("button", name="Gjør avtalen aktiv").click()
    expect(page.get_by_text("Avtalen har nå status «Aktiv».")).to_be_visible()
    plan = page.get_by_role("region", name="Møteplan, kan rulles sideveis")
    expect(plan.get_by_role("row")).to_have_count(5)  # header + four meetings
    _check(page, "detail", console_errors)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Last ned avtalen som PDF").click()
    pdf = Path(download_info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")

    page.get_by_role("link", name="Vis avtalen for utskrift").click()
    expect(page.get_by_role("heading", name="2. Virksomhetens forpliktelser")).to_be_visible()
    _check(page, "document", console_errors)
    page.go_back()

    plan.get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Oppfølgingsmøte", exact=False).first).to_be_visible()
    _check(page, "meeting", console_errors)
    page.get_by_role("link", name="Registrer som holdt").click()
    page.get_by_label("Deltakere fra NAV").fill("Kari Kontakt")
    page.get_by_label("Deltakere fra virksomheten").fill("Åsmund Bråten")
    page.get_by_label("Tillitsvalgt til stede").check()
    page.get_by_role("textbox", name=re.compile(r"^Referat")).fill(
        "Samarbeidet fungerer godt. Behov for to lagerarbeidere."
    )
    page.get_by_label("Vurdering av samarbeidet").select_option("good")
    _check(page, "record", console_errors)
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_text("Møtet er registrert som holdt.")).to_be_visible()

    occupation = Occupation.objects.unit_groups().get(code="4321")
    page.get_by_label("Stillingstittel").fill("Lagermedarbeider")
    page.locator("#id_occupation").select_option(str(occupation.pk))
    page.get_by_label("Antall stillinger").fill("2")
    page.get_by_label("Hva som trengs").fill("Truckførerbevis, tunge løft.")
    page.get_by_role("button", name="Legg til behov").click()
    expect(page.get_by_text("Rekrutteringsbehovet er registrert.")).to_be_visible()
    _check(page, "meeting-held", console_errors)

    page.get_by_role("button", name="Gjør om til stilling").click()
    expect(page.get_by_role("heading", name="Endre stilling")).to_be_visible()
    opening = JobOpening.objects.get(employer=employer)
    assert opening.title == "Lagermedarbeider" and opening.positions == 2
    _check(page, "opening", console_errors)

    open_menu_item(page, "Mine oppfølginger")
    expect(page.get_by_role("heading", name="Mine oppfølginger", level=1)).to_be_visible()
    _check(page, "my-follow-ups", console_errors)

    page.goto(f"{live_site.url}/avtaler/")
    expect(page.get_by_role("link", name="Nidaros Bryggeri AS")).to_be_visible()
    _check(page, "list", console_errors)


def test_project_leader_sees_lapsed_agreements_and_employer_user_their_own(
    page, live_site, console_errors
):
    call_command("seed_demo", verbosity=0)
    log_in(page, live_site.url, "prosjektleder@demo.no")
    open_menu_item(page, "Oppfølging i fylket")
    expect(page.get_by_role("heading", name="Oppfølging av avtalene")).to_be_visible()
    page.get_by_role("link", name="Alle aktive avtaler").click()
    expect(page.get_by_role("table").get_by_role("row")).not_to_have_count(1)
    _check(page, "county", console_errors)

    agreement = Agreement.objects.filter(county__name="Trøndelag", status="active").first()
    employer_user = user_with_role(Role.EMPLOYER_USER, employer=agreement.employer)
    page.context.clear_cookies()
    log_in(page, live_site.url, employer_user.email, PASSWORD)
    open_menu_item(page, "Avtaler")
    page.get_by_role("link", name=agreement.employer.name).click()
    expect(page.get_by_role("heading", name="Avtaledokument")).to_be_visible()
    expect(page.get_by_role("heading", name="Møteplan")).to_have_count(0)
    _check(page, "employer-user", console_errors)
