"""A provider proposes a candidate to a shared opening, the contact person assesses it, the
candidate consents through the e-mailed link without logging in, the contact person presents
the candidate, and the employer sees the candidate, but never the identity number."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.models import Role, User
from candidates.models import ConsentRequest, ShortlistEntry, Step
from candidates.services.consent import consent_token
from portal.services import terms_accept

from ..candidates.factories import CandidateFactory
from ..employers.factories import JobOpeningFactory
from ..factories import user_with_role
from .conftest import assert_accessible, log_in, open_menu_item

PASSWORD = "et-langt-testpassord"
SHOTS = "var/screenshots"


@pytest.fixture
def world(live_site):
    opening = JobOpeningFactory(title="Lagermedarbeider natt")
    provider = user_with_role(Role.PROVIDER_STAFF)
    candidate = CandidateFactory(
        owner=provider,
        first_name="Sara",
        last_name="Haugen",
        email="sara@example.no",
        adaptation_needs="Skjult helseopplysning",
    )
    employer_user = user_with_role(Role.EMPLOYER_USER, employer=opening.employer)
    return {
        "url": live_site.url,
        "opening": opening,
        "contact": opening.recorded_by,
        "provider": provider,
        "candidate": candidate,
        "employer_user": employer_user,
    }


def _as(page, world, user):
    page.context.clear_cookies()
    log_in(page, world["url"], user.email, PASSWORD)


def _check(page, console_errors, name):
    page.screenshot(path=f"{SHOTS}/pipeline-{name}.png", full_page=True)
    assert_accessible(page)
    assert console_errors == [], console_errors


def _move(page, step):
    page.get_by_label("Nytt steg").select_option(label=step)
    page.get_by_role("button", name="Flytt", exact=True).click()
    expect(page.locator("#entry-step")).to_have_text(step)


def test_from_proposal_to_the_employer_seeing_the_candidate(page, world, console_errors):
    opening, candidate = world["opening"], world["candidate"]

    _as(page, world, world["provider"])
    page.goto(f"{world['url']}/virksomheter/stillinger/?sorter=frist")
    page.get_by_role("link", name=f"Foreslå kandidat til {opening.title}").click()
    expect(page.get_by_role("heading", name="Foreslå kandidat")).to_be_visible()
    page.get_by_role("radio", name=re.compile(rf"^{re.escape(candidate.full_name)}")).check()
    page.get_by_label("Hvorfor passer kandidaten?").fill("Har truckførerbevis og vil jobbe natt.")
    _check(page, console_errors, "1-propose")
    page.get_by_role("button", name="Foreslå kandidaten").click()
    expect(page.locator("#entry-step")).to_have_text("Foreslått")
    entry_url = page.url

    _as(page, world, world["contact"])
    page.goto(f"{world['url']}/kandidater/stillinger/{opening.pk}/kandidatliste/")
    expect(page.get_by_role("heading", name="Foreslått 1")).to_be_visible()
    _check(page, console_errors, "2-board")
    page.get_by_role("link", name=candidate.full_name).click()
    # Adaptation needs are for the owner only (issue 15): the contact person never sees them.
    expect(page.get_by_text("Skjult helseopplysning")).to_have_count(0)
    _check(page, console_errors, "3-entry-contact")
    _move(page, "Vurderes")

    _as(page, world, world["provider"])
    page.goto(entry_url)
    page.get_by_role("link", name="Innhent samtykke").click()
    page.get_by_label("Tilretteleggingstekst som kan deles").fill("Trenger rolige pauser.")
    _check(page, console_errors, "4-consent-request")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_text("Lenken er sendt til sara@example.no")).to_be_visible()
    expect(page.locator("#entry-step")).to_have_text("Samtykke etterspurt")

    page.context.clear_cookies()
    token = consent_token(ConsentRequest.objects.get())
    page.goto(f"{world['url']}/kandidater/samtykke/svar/{token}/")
    expect(page.get_by_role("heading", name="Samtykke til deling av CV")).to_be_visible()
    expect(page.get_by_text(opening.employer.name).first).to_be_visible()
    _check(page, console_errors, "5-consent-page")
    page.get_by_label("Ja, del også tilretteleggingsteksten").check()
    page.get_by_role("button", name="Ja, jeg samtykker").click()
    expect(page.get_by_text("Takk! Du har samtykket.")).to_be_visible()
    _check(page, console_errors, "6-consent-given")

    _as(page, world, world["contact"])
    page.goto(entry_url)
    _move(page, "Presentert for arbeidsgiver")
    page.get_by_role("link", name="Historikk").first.click()
    expect(page.get_by_role("cell", name="Kandidaten samtykket via lenken.")).to_be_visible()
    _check(page, console_errors, "7-history")

    terms_accept(user=world["employer_user"])
    _as(page, world, world["employer_user"])
    open_menu_item(page, "Kandidater")
    page.get_by_role("link", name=world["opening"].title).click()
    expect(page.get_by_role("heading", name=candidate.full_name)).to_be_visible()
    expect(page.get_by_text("Trenger rolige pauser.")).to_be_visible()
    content = page.content()
    assert candidate.fnr not in content
    assert not re.search(r"Skjult helseopplysning|sara@example\.no", content)
    _check(page, console_errors, "8-employer")


def test_demo_shortlist_pages_are_accessible(page, live_site, console_errors):
    call_command("seed_demo")
    held = ShortlistEntry.objects.filter(step=Step.INTERVIEW_HELD).select_related(
        "shortlist__opening"
    )[0]
    opening = held.shortlist.opening
    log_in(page, live_site.url, "markedskontakt@demo.no")
    page.goto(f"{live_site.url}/kandidater/stillinger/{opening.pk}/kandidatliste/?vis=tabell")
    expect(page.get_by_role("table")).to_be_visible()
    _check(page, console_errors, "demo-table")
    page.goto(f"{live_site.url}/kandidater/stillinger/{opening.pk}/kandidatliste/")
    _check(page, console_errors, "demo-board")
    page.goto(f"{live_site.url}/kandidater/kandidatliste/{held.pk}/ansatt/")
    expect(
        page.get_by_label("Lønnet arbeid er bekreftet med skriftlig arbeidsavtale")
    ).to_be_visible()
    _check(page, console_errors, "demo-hire")
    page.goto(f"{live_site.url}/virksomheter/{opening.employer.pk}/")
    expect(page.get_by_role("heading", name=re.compile("ansettelser? gjennom"))).to_be_visible()
    _check(page, console_errors, "demo-employer")

    page.context.clear_cookies()
    employer_login = User.objects.filter(
        role=Role.EMPLOYER_USER, employer=opening.employer
    ).values_list("email", flat=True)[0]
    log_in(page, live_site.url, employer_login)
    open_menu_item(page, "Kandidater")
    if page.get_by_role("heading", name="Godta vilkårene først").is_visible():
        page.get_by_role("link", name="Les og godta vilkårene").click()
        page.get_by_label("Jeg har lest vilkårene og følger dem").check()
        page.get_by_role("button", name="Godta og se kandidatene").click()
    expect(page.get_by_role("heading", name="Kandidater til stillingene deres")).to_be_visible()
    _check(page, console_errors, "demo-employer-user")
