import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.demo import DEMO_LOGINS

from .conftest import assert_accessible, log_in

# What each role's home page must show: the heading of its own section.
HOME_SECTION = {
    "markedskontakt@demo.no": "Kolleger å koordinere med",
    "veileder@demo.no": "Kolleger å koordinere med",
    "prosjektleder@demo.no": "Nettverket i Trøndelag",
    "nasjonal@demo.no": "Pilotfylkene",
    "leverandor@demo.no": "Jobbverkstedet Trøndelag AS",
    "admin@demo.no": "Aktive brukere per rolle",
    "virksomhet@demo.no": "Din faste kontaktperson",
}


@pytest.fixture
def demo_world(live_site):
    call_command("seed_demo")
    return live_site


def test_login_page_is_accessible(page, live_site, console_errors):
    page.goto(f"{live_site.url}/konto/login/")
    expect(page.get_by_role("heading", name="Logg inn")).to_be_visible()
    assert_accessible(page)
    assert console_errors == []


@pytest.mark.parametrize(("email", "role_label"), DEMO_LOGINS)
def test_each_role_logs_in_and_sees_its_home_page(
    page, demo_world, console_errors, email, role_label
):
    log_in(page, demo_world.url, email)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hei,")
    expect(page.get_by_role("main").get_by_text(str(role_label)).first).to_be_visible()
    expect(page.get_by_role("heading", name=HOME_SECTION[email])).to_be_visible()
    page.screenshot(path=f"var/screenshots/home-{email.split('@')[0]}.png", full_page=True)
    assert_accessible(page)
    assert console_errors == [], console_errors


def test_home_page_works_on_a_phone(page, demo_world):
    page.set_viewport_size({"width": 375, "height": 740})
    log_in(page, demo_world.url, "markedskontakt@demo.no")
    menu = page.get_by_role("button", name="Vis meny")
    expect(menu).to_be_visible()
    menu.click()
    expect(page.get_by_role("link", name="Varsler").first).to_be_visible()
    page.screenshot(path="var/screenshots/home-phone.png", full_page=True)
    assert_accessible(page)
