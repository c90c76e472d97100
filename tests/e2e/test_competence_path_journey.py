"""Two journeys. A contact person creates a path from the Stord template for an employer with
an agreement, takes two consenting candidates from the opening's shortlist, marks the first
stage completed for both, records one dropping out with a reason and the other hired; the
timeline shows it and the employer user sees the path with its consenting participants. And
the issue's own journey: from the same template the contact runs the broad search from the
path and shortlists, a provider proposes one of theirs, the owners record consent and the
contact presents (the openings' flow, in the browser), the employer chooses two, and the same
follow-up ends in one drop-out and one hire. axe on every page, at desktop and phone widths;
screenshots saved."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import County, Role
from candidates.models import ConsentRequest, ShortlistEntry, Step
from candidates.services.shortlist import shortlist_for
from competence_paths.models import CompetencePath, Participant
from employers.models import Occupation
from portal.services import terms_accept

from ..agreements.factories import AgreementFactory
from ..candidates.factories import CandidateFactory, ConsentRequestFactory, ShortlistEntryFactory
from ..employers.factories import EmployerFactory, EmployerPersonFactory, JobOpeningFactory
from ..factories import RegionFactory, provider_staff_serving, user_with_role
from .conftest import assert_accessible, log_in

SHOTS = Path("var/screenshots")
PASSWORD = "et-langt-testpassord"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def stord(live_site):
    county = County.objects.get(name="Vestland")
    contact = user_with_role(
        Role.CONTACT_PERSON, county=county, email="siri.kontakt@nav.example.no", first_name="Siri"
    )
    employer = EmployerFactory(name="Stord Verft AS", county=county, municipality="Stord")
    EmployerPersonFactory(employer=employer, kind="union_rep", name="Tor Tillitsvalgt")
    AgreementFactory(employer=employer, county=county, fixed_contact=contact)
    opening = JobOpeningFactory(employer=employer, title="Stillasbygger", recorded_by=contact)
    names = ["Ali Hassan", "Per Olsen"]
    for name in names:
        first, last = name.split()
        entry = ShortlistEntryFactory(
            shortlist=shortlist_for(opening),
            candidate=CandidateFactory(first_name=first, last_name=last, county=county),
            step=Step.WORK_TRIAL,
        )
        ConsentRequestFactory(entry=entry, status=ConsentRequest.Status.GIVEN)
    employer_user = user_with_role(
        Role.EMPLOYER_USER, employer=employer, email="hr@stordverft.example.no"
    )
    return contact, employer, opening, employer_user


def _check(page, name: str, console_errors):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.screenshot(path=str(SHOTS / f"path-{name}-{label}.png"), full_page=True)
        assert_accessible(page)
    page.set_viewport_size(DESKTOP)
    assert console_errors == [], console_errors


def _follow_both_through_the_course(page, site_url: str, path) -> None:
    """Ali and Per take part and complete the course; Per then drops out for a job."""
    today = timezone.localdate().isoformat()
    for name in ("Ali Hassan", "Per Olsen"):
        page.goto(f"{site_url}/kompetanselop/{path.pk}/")
        page.get_by_role("table", name="Deltakere").get_by_role("link", name=name).click()
        page.get_by_label("Ny status").select_option("taking_part")
        page.get_by_label("Gjelder fra").fill(today)
        page.get_by_role("button", name="Lagre status").click()
        page.locator("#id_stage").select_option(label="Stillaskurs")
        page.locator("#id_state").select_option("completed")
        page.get_by_role("button", name="Lagre framdrift").click()
        expect(page.get_by_text("Framdriften er registrert.")).to_be_visible()

    page.get_by_label("Ny status").select_option("dropped_out")
    page.get_by_label("Gjelder fra").fill(today)
    page.get_by_label("Årsak (ved avbrudd)").select_option("job_elsewhere")
    page.get_by_role("button", name="Lagre status").click()
    expect(page.get_by_text("Fikk jobb et annet sted").first).to_be_visible()


def _hire_ali(page, site_url: str, path) -> None:
    """Ali's outcome: hired; the path then counts one hire and two completed stages."""
    page.goto(f"{site_url}/kompetanselop/{path.pk}/")
    page.get_by_role("table", name="Deltakere").get_by_role("link", name="Ali Hassan").click()
    page.locator("#id_outcome").select_option("hired")
    page.get_by_label("Startdato").fill("2027-06-01")
    page.locator("#id_position").fill("Stillasbygger")
    page.get_by_label("Ansettelsesform").select_option("permanent")
    page.get_by_label("Stillingsprosent").fill("100")
    page.get_by_label("Lønnstilskudd").check()
    page.get_by_label("Lønnet arbeid er bekreftet med skriftlig arbeidsavtale").check()
    page.get_by_role("button", name="Lagre utfall").click()
    expect(page.get_by_text("Utfallet er registrert.")).to_be_visible()

    page.goto(f"{site_url}/kompetanselop/{path.pk}/")
    expect(page.get_by_text("1 ansatt.", exact=False)).to_be_visible()
    expect(page.locator(".path-timeline svg rect.timeline-completed")).to_have_count(2)
    # On a phone the chart keeps legible labels and scrolls sideways in its own region.
    page.set_viewport_size(PHONE)
    label = page.locator(".path-timeline svg text.timeline-label").first
    height = label.evaluate("text => text.getBoundingClientRect().height")
    assert height >= 9, f"timeline labels are {height} px high on a phone"
    page.set_viewport_size(DESKTOP)


def _plan_and_start(page):
    """Move the open path to planned, then to running."""
    page.get_by_role("button", name="Sett til «Planlagt»").click()
    page.get_by_role("button", name="Sett til «Pågår»").click()


def _start_stord_path(page, site_url, contact, employer):
    """The contact opens a new path from the employer's page with the Stord template."""
    log_in(page, site_url, contact.email, PASSWORD)
    page.goto(f"{site_url}/virksomheter/{employer.pk}/")
    page.get_by_role("link", name="Opprett kompetansehevende løp").click()
    page.get_by_role("link", name="Stord: stillasbygger").click()


def test_contact_builds_a_stord_path_follows_participants_and_one_is_hired(
    page, live_site, stord, console_errors
):
    contact, employer, opening, employer_user = stord
    _start_stord_path(page, live_site.url, contact, employer)
    expect(page.get_by_label("Tittel").first).to_have_value("Stord: stillasbygger")
    _check(page, "create", console_errors)
    page.get_by_label("Tittel").first.fill("Stillasbygger Stord 2027")
    page.locator("#id_opening").select_option(str(opening.pk))
    page.get_by_role("button", name="Lagre løpet").click()
    expect(page.get_by_role("heading", name="Stillasbygger Stord 2027")).to_be_visible()
    path = CompetencePath.objects.get()
    assert path.union_reps.count() == 1 and path.stages.count() == 2

    for _ in range(2):
        page.get_by_role("button", name="Ta med i løpet").click()
        expect(page.get_by_text("er tatt med i løpet")).to_be_visible()
    _plan_and_start(page)
    _check(page, "detail", console_errors)

    _follow_both_through_the_course(page, live_site.url, path)
    _check(page, "participant", console_errors)

    _hire_ali(page, live_site.url, path)
    _check(page, "timeline", console_errors)

    page.context.clear_cookies()
    log_in(page, live_site.url, employer_user.email, PASSWORD)
    page.goto(f"{live_site.url}/kompetanselop/{path.pk}/")
    expect(page.get_by_role("link", name="Ali Hassan")).to_be_visible()
    expect(page.get_by_text(str(contact))).to_be_visible()
    _check(page, "employer", console_errors)


@pytest.fixture
def scaffolding(live_site):
    county = County.objects.get(name="Vestland")
    region = RegionFactory(county=county)
    contact = user_with_role(
        Role.CONTACT_PERSON, county=county, email="siri.kontakt@nav.example.no", first_name="Siri"
    )
    employer = EmployerFactory(
        name="Stord Verft AS", county=county, region=region, municipality="Stord"
    )
    EmployerPersonFactory(employer=employer, kind="union_rep", name="Tor Tillitsvalgt")
    AgreementFactory(employer=employer, county=county, fixed_contact=contact)
    scaffolder = Occupation.objects.get(code="7119")
    adviser = user_with_role(Role.ADVISER, county=county, email="veileder@nav.example.no")
    for name in ("Ali Hassan", "Per Olsen", "Kari Nilsen"):
        first, last = name.split()
        candidate = CandidateFactory(first_name=first, last_name=last, county=county, owner=adviser)
        candidate.occupations_wanted.add(scaffolder)
    provider = provider_staff_serving(region, email="tiltak@leverandor.example.no")
    CandidateFactory(first_name="Mona", last_name="Berg", county=county, owner=provider)
    employer_user = user_with_role(
        Role.EMPLOYER_USER, employer=employer, email="hr@stordverft.example.no"
    )
    terms_accept(user=employer_user)
    return contact, employer, provider, employer_user, adviser


def _entry_page(page, site_url: str, entry) -> None:
    page.goto(f"{site_url}{reverse('candidates:entry_detail', args=[entry.pk])}")


def _consent_in_meeting(page, site_url: str, entry) -> None:
    """The candidate's owner records the consent given in a meeting (the pipeline's page)."""
    _entry_page(page, site_url, entry)
    page.get_by_role("link", name="Innhent samtykke").click()
    page.get_by_label("Kandidaten har samtykket i møte med meg").check()
    page.get_by_role("button", name="Lagre", exact=True).click()
    expect(page.locator("#entry-step")).to_have_text("Samtykke gitt")


def _present(page, site_url: str, entry) -> None:
    """The contact presents a consenting candidate to the employer."""
    _entry_page(page, site_url, entry)
    page.get_by_label("Nytt steg").select_option(label="Presentert for arbeidsgiver")
    page.get_by_role("button", name="Flytt", exact=True).click()
    expect(page.locator("#entry-step")).to_have_text("Presentert for arbeidsgiver")


def _card(page, name):
    return page.get_by_role("article").filter(has=page.get_by_role("heading", name=name))


@pytest.mark.usefixtures("celery_worker_process")
def test_a_path_selects_from_its_own_search_the_employer_chooses_and_one_is_hired(
    page, live_site, scaffolding, console_errors
):
    contact, employer, provider, employer_user, adviser = scaffolding
    _start_stord_path(page, live_site.url, contact, employer)
    _check(page, "create-from-template", console_errors)
    page.get_by_label("Tittel").first.fill("Stillasbygger Stord 2027")
    page.locator("#id_target_role").select_option("7119")
    page.get_by_role("button", name="Lagre løpet").click()
    path = CompetencePath.objects.get()
    assert path.opening is None and path.agreement is not None

    # The broad search from the path: its target role, in its county, on its own opening.
    page.get_by_role("button", name="Bredt søk fra løpet").click()
    expect(page.get_by_text(re.compile(r"\d+ kandidater? passet"))).to_be_visible(timeout=30_000)
    _check(page, "search", console_errors)
    for _ in range(3):
        page.get_by_role("button", name=re.compile("til på kandidatlisten")).first.click()
        expect(page.get_by_text(re.compile(r"Kandidat \d+ er lagt til"))).to_be_visible()
    path.refresh_from_db()
    assert path.opening.occupation_id == "7119"

    # A provider proposes one of theirs to the path.
    page.context.clear_cookies()
    log_in(page, live_site.url, provider.email, PASSWORD)
    page.goto(f"{live_site.url}/kompetanselop/{path.pk}/")
    _check(page, "provider-path", console_errors)
    page.get_by_role("link", name="Foreslå en kandidat til løpet").click()
    page.get_by_role("radio", name=re.compile(r"^Mona Berg")).check()
    page.get_by_label("Hvorfor passer kandidaten?").fill("Har jobbet på bygg i to år.")
    _check(page, "provider-proposes", console_errors)
    page.get_by_role("button", name="Foreslå kandidaten").click()
    expect(page.get_by_text("Mona Berg er foreslått.", exact=False)).to_be_visible()
    entries = ShortlistEntry.objects.filter(shortlist__opening=path.opening)
    assert entries.count() == 4
    chosen = [entries.get(candidate__first_name=n) for n in ("Ali", "Per")]
    mona = entries.get(candidate__first_name="Mona")

    # Consent through the openings' own flow: each owner records the consent their candidate
    # gave in a meeting, then the contact presents the three to the employer.
    _consent_in_meeting(page, live_site.url, mona)
    page.context.clear_cookies()
    log_in(page, live_site.url, adviser.email, PASSWORD)
    for entry in chosen:
        _consent_in_meeting(page, live_site.url, entry)
    _check(page, "consent-given", console_errors)
    page.context.clear_cookies()
    log_in(page, live_site.url, contact.email, PASSWORD)
    for entry in [*chosen, mona]:
        _present(page, live_site.url, entry)
    _check(page, "presented", console_errors)
    assert set(entries.filter(step=Step.PRESENTED).values_list("pk", flat=True)) == {
        chosen[0].pk,
        chosen[1].pk,
        mona.pk,
    }

    # The employer chooses two of the three presented.
    page.context.clear_cookies()
    log_in(page, live_site.url, employer_user.email, PASSWORD)
    page.goto(f"{live_site.url}/virksomhet/stillinger/{path.opening.pk}/kandidater/")
    for entry in chosen:
        card = _card(page, entry.candidate.full_name)
        card.get_by_label("Aktuell", exact=True).check()
        card.get_by_role("button", name="Lagre vurderingen").click()
        expect(
            page.get_by_text(f"Vurderingen av {entry.candidate.first_name} er lagret.")
        ).to_be_visible()
    _check(page, "employer-chooses", console_errors)
    assert set(Participant.objects.values_list("candidate__first_name", flat=True)) == {
        "Ali",
        "Per",
    }

    # The contact records Ali's interview on the path, starts it and follows both.
    page.context.clear_cookies()
    log_in(page, live_site.url, contact.email, PASSWORD)
    page.goto(f"{live_site.url}/kompetanselop/{path.pk}/")
    expect(page.get_by_text("Venter på oppstart").first).to_be_visible()
    page.locator("#id_entry").select_option(label="Ali Hassan")
    page.get_by_label("Intervjudato").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Registrer intervjuet").click()
    expect(page.get_by_text("Intervjuet med Ali Hassan er registrert.")).to_be_visible()
    _plan_and_start(page)
    _check(page, "selection", console_errors)

    _follow_both_through_the_course(page, live_site.url, path)
    _check(page, "selected-participant", console_errors)

    _hire_ali(page, live_site.url, path)
    _check(page, "selected-timeline", console_errors)
