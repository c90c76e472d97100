import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from devdata.demo.accounts import DEMO_LOGINS

from .conftest import assert_accessible, log_in

# What each role's home page must show: the heading of its own section.
HOME_SECTION = {
    "markedskontakt@demo.no": "Kolleger å koordinere med",
    "veileder@demo.no": "Kolleger å koordinere med",
    "prosjektleder@demo.no": "Nettverket i Trøndelag",
    "nasjonal@demo.no": "Pilotfylkene",
    "leverandor@demo.no": "Jobbverkstedet Trøndelag AS",
    "admin@demo.no": "Aktive brukere per rolle",
    "virksomhet@demo.no": "Kontaktpersonen din i NAV",
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
    _assert_menu_fits_one_line(page, email)


def _assert_menu_fits_one_line(page, email):
    """At 1024 px and wider the main menu is one line and the user menu is inside the page."""
    for width in (1024, 1366):
        page.set_viewport_size({"width": width, "height": 800})
        menu = page.locator("#main-nav")
        tops = menu.locator(":scope > ul > li").evaluate_all(
            "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
        )
        assert len(set(tops)) == 1, f"{email}: the menu wraps at {width} px"
        user_menu = page.locator(".user-menu-toggle").bounding_box()
        assert user_menu["x"] + user_menu["width"] <= width, f"{email}: user menu cut off"
        assert page.evaluate("document.documentElement.scrollWidth") == width
        page.screenshot(path=f"var/screenshots/menu-{email.split('@')[0]}-{width}.png")


def test_the_grouped_menu_opens_with_the_keyboard(page, demo_world):
    log_in(page, demo_world.url, "markedskontakt@demo.no")
    group = page.get_by_role("navigation", name="Hovedmeny").get_by_role(
        "button", name="Kandidater"
    )
    group.focus()
    page.keyboard.press("Enter")
    expect(group).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    expect(page.locator(":focus")).to_have_text("Mine kandidatlister")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Mine kandidatlister", level=1)).to_be_visible()
    expect(group).to_have_class("nav-link dropdown-toggle btn btn-link active")


def test_home_page_works_on_a_phone(page, demo_world):
    page.set_viewport_size({"width": 375, "height": 740})
    log_in(page, demo_world.url, "markedskontakt@demo.no")
    menu = page.get_by_role("button", name="Vis meny")
    expect(menu).to_be_visible()
    menu.click()
    expect(page.get_by_role("link", name="Varsler").first).to_be_visible()
    page.screenshot(path="var/screenshots/home-phone.png", full_page=True)
    assert_accessible(page)
