"""Issue 5 end to end on the demo data, in Chromium with a real Celery worker: the contact
person searches from an opening and shortlists three candidates; a provider proposes a fourth
from their caseload; the contact person sees the proposal on the home page and assesses it;
the provider asks for consent by link; the candidate answers from the e-mail without logging
in; the contact person presents the candidate; the employer sees that one candidate, without
the identity number or the adaptation text the candidate did not share."""

import re
import time

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import Role, User
from candidates.models import Candidate, ShortlistEntry, Step, openings_managed_by
from employers.models import JobOpening
from portal.services import terms_accept
from tests.workers import mail_messages

from ..factories import user_with_role
from .conftest import assert_accessible, log_in, open_menu_item, shortlist_first_results

pytestmark = pytest.mark.usefixtures("celery_worker_process")

SHOTS = "var/screenshots"
CONTACT = "markedskontakt@demo.no"
PROVIDER = "leverandor@demo.no"
NOT_SHARED = "Trenger faste pauser og en fast kontaktperson."
CONSENT_PATH = re.compile(r"/kandidater/samtykke/svar/[^/\s]+/")


def _check(page, console_errors, name):
    page.screenshot(path=f"{SHOTS}/journey-{name}.png", full_page=True)
    assert_accessible(page)
    assert console_errors == [], console_errors


def _as(page, url, email, password=None):
    page.context.clear_cookies()
    if password:
        log_in(page, url, email, password)
    else:
        log_in(page, url, email)
    expect(page.get_by_role("heading", name=re.compile("^Hei"))).to_be_visible()


def _move(page, step):
    page.get_by_label("Nytt steg").select_option(label=step)
    page.get_by_role("button", name="Flytt", exact=True).click()
    expect(page.locator("#entry-step")).to_have_text(step)


def _consent_link(mail_dir, email):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for text in mail_messages(mail_dir):
            if email in text and CONSENT_PATH.search(text):
                return CONSENT_PATH.search(text).group(0)
        time.sleep(0.2)
    raise AssertionError(f"no consent link was e-mailed to {email}")


@pytest.fixture
def demo_site(live_site):
    call_command("seed_demo")
    return live_site


def test_from_a_search_to_the_employer_seeing_the_consenting_candidate(
    page,
    demo_site,
    console_errors,
    mail_dir,
):
    url = demo_site.url
    # An opening of the demo contact person's county that nobody has worked on yet.
    opening = (
        openings_managed_by(User.objects.get(email=CONTACT))
        .filter(title="Renholder", status=JobOpening.Status.OPEN, shortlist__isnull=True)
        .exclude(published_at=None)
        .first()
    )
    proposed = (
        Candidate.objects.filter(owner__email=PROVIDER, is_active=True)
        .exclude(email="")
        .exclude(shortlist_entries__shortlist__opening=opening)
        .order_by("pk")
        .first()
    )

    # The contact person searches from the opening and shortlists three candidates.
    _as(page, url, CONTACT)
    _check(page, console_errors, "01-contact-home")
    page.goto(f"{url}/virksomheter/stillinger/{opening.pk}/")
    _check(page, console_errors, "02-opening")
    page.get_by_role("link", name="Søk etter kandidater").click()
    page.get_by_role("radio", name=re.compile(r"^I fylket")).check()
    _check(page, console_errors, "03-search-start")
    page.get_by_role("button", name="Søk", exact=True).click()
    expect(page.get_by_text(re.compile(r"\d+ kandidater? passet"))).to_be_visible(timeout=60_000)
    _check(page, console_errors, "04-search-results")
    shortlist_first_results(page, 3)
    searched = list(
        ShortlistEntry.objects.filter(
            shortlist__opening=opening, source=ShortlistEntry.Source.SEARCH
        ).select_related("candidate")
    )
    assert len(searched) >= 3

    # A provider proposes a fourth candidate from their caseload.
    _as(page, url, PROVIDER)
    page.goto(f"{url}/virksomheter/stillinger/{opening.pk}/")
    page.get_by_role("link", name="Foreslå kandidat").click()
    page.locator(f'input[name="candidate"][value="{proposed.pk}"]').check()
    page.get_by_label("Hvorfor passer kandidaten?").fill(
        "Har truckførerbevis og to års praksis fra vareplukk."
    )
    _check(page, console_errors, "05-propose")
    page.get_by_role("button", name="Foreslå kandidaten").click()
    expect(page.locator("#entry-step")).to_have_text("Foreslått")
    entry_url = page.url

    # The contact person finds the proposal on the home page and on the overview, and assesses.
    _as(page, url, CONTACT)
    proposals = page.get_by_role("region", name=re.compile("Nye forslag til dine stillinger"))
    expect(proposals.get_by_role("link", name=f"Forslag til {opening.title}").first).to_be_visible()
    _check(page, console_errors, "06-contact-home-proposal")
    open_menu_item(page, "Mine kandidatlister")
    row = (
        page.get_by_role("row")
        .filter(has=page.get_by_role("link", name=opening.title))
        .filter(has_text=opening.employer.name)
    )
    expect(row.first).to_be_visible()
    _check(page, console_errors, "07-overview")
    row.first.get_by_role("link", name=opening.title).click()
    expect(page.get_by_role("heading", name="Kandidatliste", exact=True)).to_be_visible()
    expect(page.locator('.navbar [aria-current="page"]')).to_have_text("Mine kandidatlister")
    _check(page, console_errors, "08-shortlist-board")
    page.goto(entry_url)
    expect(page.get_by_text("to års praksis fra vareplukk")).to_be_visible()
    _move(page, "Vurderes")
    _check(page, console_errors, "09-entry-assessing")

    # The provider asks for consent by link, with an adaptation text the candidate may share.
    _as(page, url, PROVIDER)
    page.goto(entry_url)
    page.get_by_role("link", name="Innhent samtykke").click()
    page.get_by_label("Tilretteleggingstekst som kan deles").fill(NOT_SHARED)
    _check(page, console_errors, "10-consent-request")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_text(f"Lenken er sendt til {proposed.email}")).to_be_visible()
    page.goto(f"{url}/")
    in_process = page.get_by_role("region", name="Dine kandidater i prosess")
    expect(in_process.get_by_text("Venter på samtykke, frist").first).to_be_visible()
    _check(page, console_errors, "11-provider-home")

    # The candidate answers from the e-mail, without logging in, and keeps the text private.
    page.context.clear_cookies()
    page.goto(url + _consent_link(mail_dir, proposed.email))
    expect(page.get_by_role("heading", name="Samtykke til deling av CV")).to_be_visible()
    _check(page, console_errors, "12-consent-page")
    page.get_by_role("button", name="Ja, jeg samtykker").click()
    expect(page.get_by_text("Takk! Du har samtykket.")).to_be_visible()
    _check(page, console_errors, "13-consent-given")

    # The contact person presents the consenting candidate.
    _as(page, url, CONTACT)
    page.goto(entry_url)
    expect(page.locator("#entry-step")).to_have_text("Samtykke gitt")
    _move(page, "Presentert for arbeidsgiver")
    _check(page, console_errors, "14-presented")

    # The employer sees the presented candidate, and nothing it should not.
    employer_user = user_with_role(Role.EMPLOYER_USER, employer=opening.employer)
    terms_accept(user=employer_user)
    _as(page, url, employer_user.email, "et-langt-testpassord")
    open_menu_item(page, "Kandidater")
    page.get_by_role("link", name=opening.title).click()
    expect(page.get_by_role("heading", name=proposed.full_name)).to_be_visible()
    _check(page, console_errors, "15-employer")
    content = page.content()
    assert NOT_SHARED not in content
    on_list = Candidate.objects.filter(shortlist_entries__shortlist__opening=opening)
    for candidate in on_list:
        assert candidate.fnr not in content
        assert not candidate.adaptation_needs or candidate.adaptation_needs not in content
    for entry in searched:
        assert entry.candidate.full_name not in content
    entry = ShortlistEntry.objects.get(candidate=proposed, shortlist__opening=opening)
    assert entry.step == Step.PRESENTED
