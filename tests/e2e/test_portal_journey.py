"""The employer portal in Chromium: the contact person invites an employer user, who sets a
password from the e-mailed link, accepts the terms, reports a recruitment need, reviews two
presented candidates (one "aktuell" with an interview request, one "ikke aktuell" with a
reason), reveals one's contact details and sends messages; the contact person sees it all on
the employer's page (the need, the answers, the messages) and answers on the opening's page.
Every portal page is checked with axe at desktop and phone width, and must not scroll
sideways on the phone."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import Role
from candidates.models import AuditRecord, ConsentRequest, EmployerAssessment, Step
from candidates.services.pipeline import entry_move
from candidates.services.shortlist import shortlist_for

from ..candidates.factories import CandidateFactory, ConsentRequestFactory, ShortlistEntryFactory
from ..employers.factories import EmployerFactory, JobOpeningFactory
from ..factories import user_with_role
from .conftest import assert_accessible, log_in, open_menu_item

PASSWORD = "et-langt-testpassord"
NEW_PASSWORD = "et-helt-nytt-passord"
SHOTS = "var/screenshots"
WIDTHS = {"desktop": 1366, "phone": 390}


@pytest.fixture
def world(live_site, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    contact = user_with_role(
        Role.CONTACT_PERSON, first_name="Kari", last_name="Kontakt", password=PASSWORD
    )
    employer = EmployerFactory(name="Fjordhotellet AS", fixed_contact=contact)
    opening = JobOpeningFactory(
        employer=employer, recorded_by=contact, title="Resepsjonist", status="open"
    )
    entries = []
    for first, last in (("Sara", "Haugen"), ("Jonas", "Berg")):
        candidate = CandidateFactory(
            first_name=first,
            last_name=last,
            email=f"{first.lower()}@example.no",
            phone="98765432",
            adaptation_needs="Skjult helseopplysning",
        )
        entry = ShortlistEntryFactory(
            shortlist=shortlist_for(opening), candidate=candidate, step=Step.CONSENT_GIVEN
        )
        ConsentRequestFactory(
            entry=entry, method=ConsentRequest.Method.MEETING, status=ConsentRequest.Status.GIVEN
        )
        entry_move(entry=entry, to_step=Step.PRESENTED, actor=contact)
        entries.append(entry)
    return {
        "url": live_site.url,
        "contact": contact,
        "employer": employer,
        "opening": opening,
        "entries": entries,
    }


def _check(page, console_errors, name):
    """Screenshots at both widths; axe at both; no sideways scroll on the phone."""
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{SHOTS}/portal-{name}-{label}.png", full_page=True)
        assert_accessible(page)
        if label == "phone":
            assert page.evaluate("document.documentElement.scrollWidth") == width, name
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
    assert console_errors == [], console_errors


def _card(page, name):
    return page.get_by_role("article").filter(has=page.get_by_role("heading", name=name))


def test_an_employer_user_gets_in_and_answers_and_the_contact_sees_it(page, world, console_errors):
    url, contact, employer = world["url"], world["contact"], world["employer"]
    sara, jonas = (entry.candidate for entry in world["entries"])

    # The contact person invites the employer's manager from the employer's page.
    log_in(page, url, contact.email, PASSWORD)
    page.goto(f"{url}/virksomheter/{employer.pk}/")
    page.get_by_role("link", name="Brukere i portalen").click()
    page.get_by_label("E-postadresse").fill("leder@fjordhotellet.no")
    page.get_by_label("Fornavn").fill("Lene")
    page.get_by_label("Etternavn").fill("Leder")
    page.get_by_role("button", name="Send invitasjon").click()
    expect(page.get_by_text("Invitasjonen er sendt til leder@fjordhotellet.no")).to_be_visible()
    _check(page, console_errors, "01-staff-users")

    # The manager sets a password from the e-mailed link and logs in.
    (invitation,) = [m for m in mail.outbox if m.to == ["leder@fjordhotellet.no"]]
    link = re.search(r"https?://\S+", invitation.body).group(0)
    page.context.clear_cookies()
    page.goto(url + "/" + link.split("://", 1)[1].split("/", 1)[1])
    page.locator('input[name="password1"]').fill(NEW_PASSWORD)
    page.locator('input[name="password2"]').fill(NEW_PASSWORD)
    page.get_by_role("button", name="Lagre passord").click()
    log_in(page, url, "leder@fjordhotellet.no", NEW_PASSWORD)
    expect(page.get_by_role("heading", name="Kontaktpersonen din i NAV")).to_be_visible()
    expect(page.get_by_text("2 kandidater venter på svar fra dere.")).to_be_visible()
    _check(page, console_errors, "02-home")

    # Candidates stay closed until the terms are accepted.
    open_menu_item(page, "Kandidater")
    expect(page.get_by_role("heading", name="Godta vilkårene først")).to_be_visible()
    _check(page, console_errors, "03-terms-required")
    page.get_by_role("link", name="Les og godta vilkårene").click()
    _check(page, console_errors, "04-terms")
    page.get_by_label("Jeg har lest vilkårene og følger dem").check()
    page.get_by_role("button", name="Godta og se kandidatene").click()
    expect(page.get_by_role("heading", name="Kandidater til stillingene deres")).to_be_visible()
    _check(page, console_errors, "05-processes")

    # Report a recruitment need.
    open_menu_item(page, "Behov for folk")
    page.get_by_role("link", name="Meld et behov").click()
    page.get_by_label("Hva heter stillingen?").fill("Nattportier")
    page.get_by_label("Søk i yrkeslisten").fill("resepsjon")
    occupation = page.get_by_label("Hvilket yrke er det nærmest?")
    occupation.select_option(label="4224 Hotellresepsjonister")
    page.get_by_label("Hvor mange skal dere ansette?").fill("1")
    page.get_by_label("Hva går jobben ut på?").fill("Ta imot gjester om natten.")
    page.get_by_label(re.compile("Hva må den nye kunne")).fill("Snakke engelsk med gjester.")
    _check(page, console_errors, "06-need-form")
    page.get_by_role("button", name="Send til NAV").click()
    expect(page.get_by_text("Mottatt av NAV")).to_be_visible()
    _check(page, console_errors, "07-needs")

    # Review the two candidates.
    open_menu_item(page, "Kandidater")
    page.get_by_role("link", name="Resepsjonist").click()
    expect(_card(page, sara.full_name)).to_be_visible()
    assert "Skjult helseopplysning" not in page.content() and sara.fnr not in page.content()
    _check(page, console_errors, "08-opening")
    card = _card(page, sara.full_name)
    card.get_by_label("Aktuell", exact=True).check()
    card.get_by_role("button", name="Lagre vurderingen").click()
    expect(page.get_by_text("Vurderingen av Sara er lagret.")).to_be_visible()
    card = _card(page, sara.full_name)
    card.get_by_label("Vi ønsker intervju").check()
    card.get_by_role("button", name="Send til NAV").click()
    expect(page.get_by_text("NAV-kontakten din avtaler intervjuet med Sara.")).to_be_visible()
    card = _card(page, jonas.full_name)
    card.get_by_label("Ikke aktuell", exact=True).check()
    card.get_by_label(re.compile("Hvorfor ikke aktuell")).fill("Vi trenger noen som kan tysk.")
    card.get_by_role("button", name="Lagre vurderingen").click()
    expect(page.get_by_text("Vurderingen av Jonas er lagret.")).to_be_visible()
    _card(page, sara.full_name).get_by_role("button", name="Vis kontaktinformasjon").click()
    expect(_card(page, sara.full_name).get_by_role("link", name="sara@example.no")).to_be_visible()
    _check(page, console_errors, "09-answered")
    assert AuditRecord.objects.filter(
        candidate=sara, action=AuditRecord.Action.CONTACT_REVEAL
    ).exists()
    page.goto(f"{url}/virksomhet/kandidater/{world['entries'][1].pk}/fjern/")
    _check(page, console_errors, "10-remove-confirm")

    # A message to the contact person.
    open_menu_item(page, "Meldinger")
    page.get_by_role("textbox", name="Melding").fill("Kan Sara komme på intervju tirsdag?")
    page.get_by_role("button", name="Send melding").click()
    expect(page.get_by_text("Kan Sara komme på intervju tirsdag?")).to_be_visible()
    _check(page, console_errors, "11-messages")
    page.get_by_role("link", name="Resepsjonist").click()
    expect(page.get_by_role("heading", name="Meldinger om Resepsjonist")).to_be_visible()
    page.get_by_role("textbox", name="Melding").fill("Hvor mange timer i uka er stillingen?")
    page.get_by_role("button", name="Send melding").click()
    expect(page.get_by_text("Hvor mange timer i uka er stillingen?")).to_be_visible()
    _check(page, console_errors, "11b-opening-messages")
    open_menu_item(page, "Historikk")
    _check(page, console_errors, "12-history")

    # The contact person sees all of it.
    page.context.clear_cookies()
    log_in(page, url, contact.email, PASSWORD)
    page.goto(f"{url}/virksomheter/{employer.pk}/")
    expect(page.get_by_text("Kan Sara komme på intervju tirsdag?")).to_be_visible()
    expect(page.get_by_text("Hvor mange timer i uka er stillingen?")).to_be_visible()
    expect(page.get_by_role("link", name="Nattportier")).to_be_visible()
    answers = page.locator("#svar")
    expect(answers).to_contain_text("Aktuell 1 · Ikke aktuell 1 · 1 ønsker intervju")
    _check(page, console_errors, "13-employer-page")
    # The contact person answers the opening's thread on the opening's page.
    page.goto(f"{url}/virksomheter/stillinger/{world['opening'].pk}/")
    thread = page.locator("#meldinger")
    expect(thread.get_by_text("Hvor mange timer i uka er stillingen?")).to_be_visible()
    thread.get_by_role("textbox", name="Melding").fill("Den er på 80 prosent.")
    thread.get_by_role("button", name="Send melding").click()
    expect(page.locator("#meldinger").get_by_text("Den er på 80 prosent.")).to_be_visible()
    _check(page, console_errors, "14-opening-page-thread")
    page.goto(f"{url}/kandidater/kandidatliste/{world['entries'][1].pk}/")
    expect(page.get_by_text("Vi trenger noen som kan tysk.")).to_be_visible()
    page.goto(f"{url}/kandidater/kandidatliste/{world['entries'][0].pk}/")
    expect(page.locator("#entry-step")).to_have_text("Arbeidsgiver ønsker intervju")
    assert EmployerAssessment.objects.get(entry=world["entries"][0]).status == "relevant"


def test_a_portal_administrator_with_sub_units_picks_a_unit_and_manages_users(
    page, live_site, console_errors
):
    url = live_site.url
    contact = user_with_role(
        Role.CONTACT_PERSON, first_name="Kari", last_name="Kontakt", password=PASSWORD
    )
    main = EmployerFactory(name="Fjordhotellene AS", fixed_contact=contact)
    bergen = EmployerFactory(name="Fjordhotellet Bergen", parent=main, fixed_contact=contact)
    EmployerFactory(name="Fjordhotellet Voss", parent=main, fixed_contact=contact)
    JobOpeningFactory(employer=bergen, recorded_by=contact, title="Kokk i Bergen", status="open")
    admin = user_with_role(
        Role.EMPLOYER_USER,
        employer=main,
        first_name="Ada",
        last_name="Admin",
        password=PASSWORD,
        is_employer_admin=True,
    )
    admin.employer_units.add(bergen)
    colleague = user_with_role(
        Role.EMPLOYER_USER, employer=main, first_name="Kim", last_name="Kollega"
    )

    # The contact person sees who has which sub-units.
    log_in(page, url, contact.email, PASSWORD)
    page.goto(f"{url}/virksomhet/virksomheter/{main.pk}/brukere/")
    expect(page.get_by_text("Har 1 underenhet")).to_be_visible()
    page.get_by_text("Har 1 underenhet").click()
    _check(page, console_errors, "20-staff-users-sub-units")

    # The administrator acts for the main unit first, then picks Bergen.
    page.context.clear_cookies()
    log_in(page, url, admin.email, PASSWORD)
    expect(page.get_by_text("Du handler for Fjordhotellene AS")).to_be_visible()
    page.get_by_role("link", name="Bytt virksomhet").click()
    _check(page, console_errors, "21-unit-pick")
    page.get_by_label(re.compile("Fjordhotellet Bergen")).check()
    page.get_by_role("button", name="Handle for denne").click()
    expect(page.get_by_text("Du handler for Fjordhotellet Bergen")).to_be_visible()
    expect(page.get_by_text("Kokk i Bergen")).to_be_visible()
    _check(page, console_errors, "22-home-sub-unit")

    # From the user menu: the employer's users; the colleague is deactivated.
    page.get_by_role("button", name="Ada Admin").click()
    page.get_by_role("link", name="Brukere i portalen").click()
    expect(page.get_by_role("heading", name="Inviter en kollega")).to_be_visible()
    _check(page, console_errors, "23-users")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("listitem").filter(has_text="Kim Kollega").get_by_role(
        "button", name="Deaktiver"
    ).click()
    expect(page.get_by_text("Kim Kollega kan ikke lenger logge inn.")).to_be_visible()
    colleague.refresh_from_db()
    assert not colleague.is_active


def test_an_employer_user_reports_a_hire_from_the_candidates_card(page, world, console_errors):
    """After the interview, the manager reports the hire on Sara's card: forgetting the
    confirmation keeps what was typed on that card; with it, the hire is recorded."""
    from candidates.models import Placement
    from portal.services import terms_accept

    url, employer = world["url"], world["employer"]
    entry = world["entries"][0]
    manager = user_with_role(Role.EMPLOYER_USER, employer=employer, password=PASSWORD)
    terms_accept(user=manager)
    for step in (Step.INTERVIEW_WANTED, Step.INTERVIEW_HELD):
        entry_move(entry=entry, to_step=step, actor=manager)

    log_in(page, url, manager.email, PASSWORD)
    page.goto(f"{url}/virksomhet/stillinger/{world['opening'].pk}/kandidater/")
    card = _card(page, entry.candidate.full_name)
    expect(_card(page, "Jonas Berg").get_by_text("Vi har ansatt kandidaten")).to_have_count(0)
    card.get_by_text("Vi har ansatt kandidaten").click()
    expect(card.get_by_label("Stillingstittel")).to_have_value("Resepsjonist")
    card.get_by_label("Når begynner kandidaten?").fill("2027-02-01")
    card.get_by_label("Ansettelsesform").select_option(label="Fast ansettelse")
    card.get_by_label("Stillingsprosent").fill("80")
    card.get_by_role("button", name="Registrer ansettelsen").click()
    card = _card(page, entry.candidate.full_name)
    expect(card.get_by_text("Kryss av for at lønnet arbeid er avtalt")).to_be_visible()
    expect(card.get_by_label("Stillingsprosent")).to_have_value("80")
    _check(page, console_errors, "15-hire-refused")
    card.get_by_label(re.compile("Vi har avtalt lønnet arbeid")).check()
    card.get_by_role("button", name="Registrer ansettelsen").click()
    expect(page.get_by_text("Ansettelsen av Sara er registrert.")).to_be_visible()
    expect(_card(page, entry.candidate.full_name)).to_contain_text("Kandidaten er ansatt hos dere.")
    _check(page, console_errors, "16-hired")
    placement = Placement.objects.get(entry=entry)
    assert (placement.recorded_by, placement.extent_percent) == (manager, 80)
