"""An administrator imports the pilot's files through the upload page, opens the dashboard,
switches county, period and sector and downloads a CSV; a project leader on a phone."""

import csv
import io
from pathlib import Path

from playwright.sync_api import expect

from accounts.models import Role
from tests.factories import county, user_with_role

from .conftest import assert_accessible, log_in

PILOT = Path(__file__).parent.parent / "dashboards" / "pilot" / "valid"
PASSWORD = "dashbord-test-passord"


def _user(role, **fields):
    user = user_with_role(role, **fields)
    user.set_password(PASSWORD)
    user.save()
    return user


def _no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width


def test_import_open_filter_and_download(page, live_site, console_errors):
    _user(Role.CONTACT_PERSON, email="kontakt.oslo@pilot.no", county=county("Oslo"))
    _user(Role.CONTACT_PERSON, email="kontakt.trondelag@pilot.no", county=county("Trøndelag"))
    admin = _user(Role.ADMIN)
    log_in(page, live_site.url, admin.email, PASSWORD)

    page.goto(f"{live_site.url}/dashbord/importer-piloten/")
    for name in ("employers", "agreements", "candidates", "hires"):
        page.get_by_label(f"{name}.csv").set_input_files(str(PILOT / f"{name}.csv"))
    page.get_by_role("button", name="Sjekk og importer").click()
    expect(page.get_by_role("status")).to_contain_text("Importen er gjennomført")
    assert_accessible(page)

    page.get_by_role("link", name="Åpne dashbordet").click()
    expect(page.get_by_role("heading", name="Signerte avtaler per kvartal")).to_be_visible()
    page.get_by_label("Fylke", exact=True).select_option(label="Trøndelag")
    page.get_by_label("Periode", exact=True).select_option("pilot")
    page.get_by_label("Sektor", exact=True).select_option("public")
    page.get_by_role("button", name="Vis").click()
    quarter = page.get_by_role("table", name="Tallene bak «Signerte avtaler per kvartal»")
    expect(quarter).to_contain_text("2021Q1")
    page.screenshot(path="var/screenshots/dashboard-desktop.png", full_page=True)
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned «Signerte avtaler per kvartal» som CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert list(csv.reader(io.StringIO(text), delimiter=";")) == [
        ["Kvartal", "Avtaler"],
        ["2021Q1", "1"],
    ]
    assert console_errors == [], console_errors


def test_project_leader_dashboard_on_a_phone(page, live_site, console_errors):
    leader = _user(Role.PROJECT_LEADER, county=county("Oslo"))
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_site.url, leader.email, PASSWORD)
    page.goto(f"{live_site.url}/dashbord/")
    expect(page.get_by_role("heading", name="Dashbord for Vi inkluderer!")).to_be_visible()
    page.screenshot(path="var/screenshots/dashboard-phone.png", full_page=True)
    _no_sideways_scroll(page)
    assert_accessible(page)
    assert console_errors == [], console_errors


def test_kept_national_figures_say_when_they_were_computed(page, live_site, settings):
    settings.DASHBOARD_KEEP_SLOWER_THAN_MS = 0  # keep every scope, as the national one is
    reader = _user(Role.NATIONAL_READER)
    log_in(page, live_site.url, reader.email, PASSWORD)
    page.goto(f"{live_site.url}/dashbord/?sector=public")
    notice = page.get_by_role("status").filter(has_text="Tallene ble beregnet kl.")
    expect(notice).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Beregn på nytt nå").click()
    expect(notice).to_be_visible()
    assert page.url.endswith("?sector=public&ny=1")
    expect(page.get_by_label("Sektor", exact=True)).to_have_value("public")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="var/screenshots/dashboard-kept-phone.png", full_page=False)
    _no_sideways_scroll(page)
    assert_accessible(page)
