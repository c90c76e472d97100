"""End-to-end tests: a real Chromium (Debian's /usr/bin/chromium when present, otherwise the one
`playwright install chromium` downloads) against Django's live server, checked with axe-core."""

import os
import re
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from devdata.demo.accounts import DEMO_PASSWORD

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
# database access from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SYSTEM_CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {
        **browser_type_launch_args,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }
    if os.path.exists(SYSTEM_CHROMIUM):
        args["executable_path"] = SYSTEM_CHROMIUM
    return args


@pytest.fixture
def live_site(reference_data, live_server):
    """The live server, with reference data (counties, industries) restored between tests."""
    return live_server


@pytest.fixture
def console_errors(page):
    """Browser console errors, such as Content-Security-Policy violations."""
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


PHONE = {"width": 390, "height": 844}


def assert_accessible(page):
    """Zero axe violations, and no sideways scroll on a phone (issue 13, item 10)."""
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    assert_fits_phone(page)


def assert_fits_phone(page):
    """At 390 px the page is exactly as wide as the viewport; the viewport is restored."""
    viewport = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width == PHONE["width"], f"{page.url} is {width} px wide at {PHONE['width']} px"
    finally:
        page.set_viewport_size(viewport)


def _phone_replay(context, snapshots, shots):
    """Lay each captured page out again on a 390 px page of its own: the same HTML from the
    same address, with the site's static files and nothing else (no htmx calls, no media), so
    the replay changes nothing on the server. Returns the pages that scroll sideways."""
    phone = context.new_page()
    phone.set_viewport_size(PHONE)
    wide = []
    current = {}

    def serve(route):
        request = route.request
        if request.resource_type == "document" and request.url == current["url"]:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=current["html"])
        elif "/static/" in request.url:
            route.continue_()
        else:
            route.abort()

    phone.route("**/*", serve)
    try:
        for number, (url, html) in enumerate(snapshots):
            current.update(url=url, html=html)
            phone.goto(url, wait_until="load")
            width = phone.evaluate("document.documentElement.scrollWidth")
            if width != PHONE["width"]:
                shot = f"{shots}/too-wide-{number}.png"
                phone.screenshot(path=shot, full_page=True)
                wide.append(f"{url} is {width} px wide at {PHONE['width']} px (see {shot})")
    finally:
        phone.close()
    return wide


@pytest.fixture(autouse=True)
def every_page_fits_a_phone(request):
    """Issue 13: no page a journey visits scrolls sideways at 390 px. Every HTML page the
    browser receives (after a link, a redirect or a form post, in any tab of the test's
    context) is kept as sent, and laid out again at 390 px when the test ends."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    snapshots = []
    seen = set()

    def keep(response):
        if response.request.resource_type != "document" or response.frame.parent_frame:
            return
        if response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
            return
        html = response.text()
        # The same page twice differs only by its CSRF tokens and nonces.
        key = (response.url, re.sub(r'(value|nonce|content)="[A-Za-z0-9+/=_-]{20,}"', "", html))
        if key not in seen:
            seen.add(key)
            snapshots.append((response.url, html))

    page.context.on("response", keep)
    yield
    page.context.remove_listener("response", keep)
    assert snapshots, "the journey received no page"
    shots = "var/screenshots/" + re.sub(r"\W+", "-", request.node.name).strip("-")
    wide = _phone_replay(page.context, snapshots, shots)
    assert wide == [], "\n".join(wide)


def open_menu_item(page, label):
    """Follow a main-menu item, opening its group's dropdown first when it sits in one."""
    menu = page.get_by_role("navigation", name="Hovedmeny")
    link = menu.get_by_role("link", name=label, exact=True)
    if not link.is_visible():
        menu.locator(".dropdown").filter(has=page.get_by_text(label, exact=True)).get_by_role(
            "button"
        ).click()
    link.click()


def log_in(page, base_url, email, password=DEMO_PASSWORD):
    page.goto(f"{base_url}/konto/login/")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()


def shortlist_first_results(page, count: int) -> None:
    """On a search's results, add the first `count` candidates to the shortlist one by one."""
    for _ in range(count):
        page.get_by_role("button", name=re.compile("til på kandidatlisten")).first.click()
        expect(
            page.get_by_text(re.compile(r"Kandidat \d+ er lagt til på kandidatlisten"))
        ).to_be_visible()
    expect(page.get_by_text("På kandidatlisten", exact=True)).to_have_count(count)
