"""A contact person creates a path from the Stord template for an employer with an agreement,
takes two consenting candidates from the opening's shortlist, marks the first stage completed
for both, records one dropping out with a reason and the other hired; the timeline shows it
and the employer user sees the path with its consenting participants. axe on every page, at
desktop and phone widths; screenshots saved."""

from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import County, Role
from candidates.models import ConsentRequest, Step
from candidates.services.shortlist import shortlist_for
from competence_paths.models import CompetencePath

from ..agreements.factories import AgreementFactory
from ..candidates.factories import CandidateFactory, ConsentRequestFactory, ShortlistEntryFactory
from ..employers.factories import EmployerFactory, EmployerPersonFactory, JobOpeningFactory
from ..factories import user_with_role
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


def test_contact_builds_a_stord_path_follows_participants_and_one_is_hired(
    page, live_site, stord, console_errors
):
    contact, employer, opening, employer_user = stord
    log_in(page, live_site.url, contact.email, PASSWORD)
    page.goto(f"{live_site.url}/virksomheter/{employer.pk}/")
    page.get_by_role("link", name="Opprett kompetansehevende løp").click()
    page.get_by_role("link", name="Stord: stillasbygger").click()
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
    page.get_by_role("button", name="Sett til «Planlagt»").click()
    page.get_by_role("button", name="Sett til «Pågår»").click()
    _check(page, "detail", console_errors)

    today = timezone.localdate().isoformat()
    for name in ("Ali Hassan", "Per Olsen"):
        page.goto(f"{live_site.url}/kompetanselop/{path.pk}/")
        page.get_by_role("link", name=name).click()
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
    _check(page, "participant", console_errors)

    page.goto(f"{live_site.url}/kompetanselop/{path.pk}/")
    page.get_by_role("link", name="Ali Hassan").click()
    page.locator("#id_outcome").select_option("hired")
    page.get_by_label("Startdato").fill("2027-06-01")
    page.locator("#id_position").fill("Stillasbygger")
    page.get_by_label("Ansettelsesform").select_option("permanent")
    page.get_by_label("Stillingsprosent").fill("100")
    page.get_by_label("Lønnstilskudd").check()
    page.get_by_label("Lønnet arbeid er bekreftet med skriftlig arbeidsavtale").check()
    page.get_by_role("button", name="Lagre utfall").click()
    expect(page.get_by_text("Utfallet er registrert.")).to_be_visible()

    page.goto(f"{live_site.url}/kompetanselop/{path.pk}/")
    expect(page.get_by_text("1 ansatt.", exact=False)).to_be_visible()
    expect(page.locator(".path-timeline svg rect.timeline-completed")).to_have_count(2)
    _check(page, "timeline", console_errors)

    page.context.clear_cookies()
    log_in(page, live_site.url, employer_user.email, PASSWORD)
    page.goto(f"{live_site.url}/kompetanselop/{path.pk}/")
    expect(page.get_by_role("link", name="Ali Hassan")).to_be_visible()
    expect(page.get_by_text(str(contact))).to_be_visible()
    _check(page, "employer", console_errors)
