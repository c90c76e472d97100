"""An adviser's caseload in Chromium: register a candidate with occupations, find them in the
list, mark them unavailable; a project leader sees the counts. axe on every page."""

import datetime

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from accounts.models import County, Role
from devdata.synthetic import synthetic_fnr

from ..factories import NavOfficeFactory, user_with_role
from .conftest import assert_accessible, log_in, open_menu_item

PASSWORD = "et-langt-testpassord"  # UserFactory's


def _shot(page, name: str) -> None:
    page.screenshot(path=f"var/screenshots/candidate-register-{name}.png", full_page=True)


@pytest.fixture
def adviser(live_site):
    return user_with_role(
        Role.ADVISER, email="veileder@example.no", first_name="Vera", office=NavOfficeFactory()
    )


def test_an_adviser_registers_a_candidate_and_marks_them_unavailable(
    page, live_site, adviser, console_errors
):
    log_in(page, live_site.url, adviser.email, PASSWORD)
    open_menu_item(page, "Mine kandidater")
    expect(page.get_by_role("heading", name="Mine kandidater", level=1)).to_be_visible()
    expect(page.get_by_text("Du har ingen kandidater i porteføljen ennå")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Registrer kandidat").click()
    page.get_by_label("Fornavn").fill("Sara")
    page.get_by_label("Etternavn").fill("Sveiser")
    page.get_by_label("Fødselsnummer eller D-nummer").fill("12345678901")
    page.get_by_label("Kvinne").check()
    page.get_by_label("Kommune").fill("Oslo")
    page.get_by_label("Situasjonsbestemt innsats").check()
    page.get_by_label("Hull i CV-en").check()
    page.get_by_label("Fødeland (gruppe)").select_option("norway")
    page.get_by_label("Norsk").check()
    page.locator("#id_occupations_wanted-search").fill("sveis")
    expect(page.locator("#id_occupations_wanted-status")).to_contain_text("yrke")
    page.locator("#id_occupations_wanted").select_option("7212")
    page.locator("#id_occupations_wanted-search").fill("truck")
    expect(page.locator("#id_occupations_wanted option[value='8344']")).to_be_attached()
    page.locator("#id_occupations_wanted").select_option("8344")
    expect(page.get_by_role("checkbox", name="7212 Sveisere")).to_be_checked()
    expect(page.get_by_role("checkbox", name="8344 Truckførere")).to_be_checked()
    page.locator("#id_occupations_done").select_option("7212")
    assert_accessible(page)
    page.get_by_role("button", name="Registrer kandidaten").click()

    # A wrong number comes back with a Norwegian message and everything else kept.
    expect(page.locator("#div_id_fnr").get_by_text("kontrollsifrene stemmer ikke")).to_be_visible()
    summary = page.get_by_role("alert").filter(has_text="Skjemaet har feil")
    expect(summary.get_by_role("link", name="Fødselsnummer eller D-nummer")).to_be_visible()
    expect(page.get_by_label("Fornavn")).to_have_value("Sara")
    expect(page.get_by_role("checkbox", name="8344 Truckførere")).to_be_checked()
    _shot(page, "form-error")
    assert_accessible(page)
    fnr = synthetic_fnr(datetime.date(1990, 5, 17), 3, "female")
    page.get_by_label("Fødselsnummer eller D-nummer").fill(fnr)
    page.get_by_role("button", name="Registrer kandidaten").click()

    expect(page.get_by_role("heading", name="Sara Sveiser", level=1)).to_be_visible()
    expect(page.get_by_text("Sara Sveiser er registrert.")).to_be_visible()
    main = page.get_by_role("main")
    expect(main.get_by_text("7212 Sveisere").first).to_be_visible()
    expect(main.get_by_text("8344 Truckførere")).to_be_visible()
    expect(main.get_by_text(f"{fnr[:6]} *****")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Marker som utilgjengelig").click()
    too_late = timezone.localdate() + datetime.timedelta(days=40)
    page.get_by_label("Utilgjengelig til og med").fill(too_late.isoformat())
    page.get_by_role("button", name="Marker som utilgjengelig").click()
    expect(
        page.locator("#div_id_until").get_by_text(
            "En kandidat kan være utilgjengelig i høyst én måned"
        )
    ).to_be_visible()
    assert_accessible(page)
    until = timezone.localdate() + datetime.timedelta(days=10)
    page.get_by_label("Utilgjengelig til og med").fill(until.isoformat())
    page.get_by_label("Grunn (valgfritt)").fill("Kurs")
    page.get_by_role("button", name="Marker som utilgjengelig").click()
    expect(page.get_by_text("Midlertidig utilgjengelig til og med")).to_be_visible()
    expect(page.get_by_text("Grunn: Kurs")).to_be_visible()
    _shot(page, "detail")
    assert_accessible(page)

    open_menu_item(page, "Mine kandidater")
    row = page.get_by_role("row", name="Sveiser, Sara")
    expect(row).to_contain_text(f"Utilgjengelig t.o.m. {date_format(until)}")
    expect(row).to_contain_text("Sveisere")
    expect(page.get_by_role("main")).not_to_contain_text(fnr[:6])
    _shot(page, "list")
    assert_accessible(page)

    page.get_by_role("link", name="Min side").first.click()
    caseload = page.get_by_role("region", name="Min portefølje")
    expect(caseload).to_contain_text("Aktive kandidater1")
    expect(caseload).to_contain_text("Midlertidig utilgjengelig1")
    _shot(page, "home")
    assert_accessible(page)
    assert console_errors == [], console_errors


def test_a_project_leader_sees_counts_not_people(page, live_site, adviser, console_errors):
    from tests.candidates.factories import CandidateFactory

    CandidateFactory(owner=adviser, first_name="Synlig", last_name="Navn")
    leader = user_with_role(Role.PROJECT_LEADER, county=County.objects.get(name="Oslo"))
    log_in(page, live_site.url, leader.email, PASSWORD)
    expect(page.get_by_role("heading", name="Kandidater i tall")).to_be_visible()
    assert_accessible(page)
    open_menu_item(page, "Kandidater i tall")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kandidater i tall – Oslo")
    expect(page.get_by_role("main")).not_to_contain_text("Synlig")
    _shot(page, "counts")
    assert_accessible(page)
    assert console_errors == [], console_errors
