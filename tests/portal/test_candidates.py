import datetime
import re

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from accounts.models import Role
from candidates.models import AuditRecord, ConsentRequest, EmployerAssessment, ShortlistEntry, Step
from candidates.services.shortlist import shortlist_for
from core.models import ActivityEntry

from ..candidates.factories import ConsentRequestFactory, ShortlistEntryFactory
from ..employers.factories import JobOpeningFactory
from .test_isolation import ID_PATTERNS

pytestmark = pytest.mark.django_db


def _opening_page(client, entry):
    return client.get(reverse("portal:opening", args=[entry.shortlist.opening_id]))


def test_the_employer_sees_exactly_the_allowed_fields(login, accepted, presented):
    entry = presented()
    candidate = entry.candidate
    candidate.competencies = "Truckførerbevis og lagerstyring"
    candidate.save()
    page = _opening_page(login(accepted), entry).content.decode()
    assert candidate.full_name in page
    assert candidate.cv_summary in page
    assert "Truckførerbevis og lagerstyring" in page
    forbidden = (candidate.fnr, "Hemmelig helseopplysning", candidate.email, "99887766")
    for secret in forbidden + (candidate.get_innsatsgruppe_display(), str(candidate.owner)):
        assert secret not in page
    record = AuditRecord.objects.get(candidate=candidate, actor=accepted)
    assert record.action == AuditRecord.Action.EMPLOYER_VIEW


def test_the_adaptation_text_is_shown_only_when_the_candidate_chose_to_share_it(
    login, accepted, presented
):
    presented(share_adaptation_text="Trenger rolige pauser.")
    entry = presented(adaptation_text_offered="Ikke delt tekst", share_adaptation_text="")
    page = _opening_page(login(accepted), entry).content.decode()
    assert "Trenger rolige pauser." in page
    assert "Ikke delt tekst" not in page


def test_contact_details_are_shown_behind_a_click_that_is_logged(login, accepted, presented):
    entry = presented()
    response = login(accepted).post(reverse("portal:contact_reveal", args=[entry.pk]))
    page = response.content.decode()
    assert "99887766" in page and entry.candidate.email in page
    assert AuditRecord.objects.filter(
        candidate=entry.candidate, actor=accepted, action=AuditRecord.Action.CONTACT_REVEAL
    ).exists()


def test_processes_are_grouped_per_opening_with_closed_ones_apart(login, accepted, presented):
    entry = presented()
    opening = entry.shortlist.opening
    page = login(accepted).get(reverse("portal:candidates")).content.decode()
    assert opening.title in page
    assert "venter på svar" in page
    opening.status = "cancelled"
    opening.save()
    page = login(accepted).get(reverse("portal:candidates")).content.decode()
    assert page.index("Avsluttede rekrutteringer") < page.index(opening.title)


@pytest.mark.parametrize(
    "case",
    ["no consent", "withdrawn", "declined", "not yet presented", "archived", "other employer"],
)
def test_the_employer_never_sees(login, entry_at, accepted, case):
    if case == "no consent":
        entry = entry_at(Step.PRESENTED)
        entry.consents.all().delete()
    elif case in ("withdrawn", "declined"):
        entry = entry_at(Step.PRESENTED)
        entry.consents.update(status=case)
    elif case == "not yet presented":
        entry = entry_at(Step.CONSENT_GIVEN)
    elif case == "archived":
        entry = entry_at(Step.PRESENTED)
        entry.archived_at = entry.created_at
        entry.save()
    else:
        entry = ShortlistEntryFactory(
            shortlist=shortlist_for(JobOpeningFactory()), step=Step.PRESENTED
        )
        ConsentRequestFactory(entry=entry, status=ConsentRequest.Status.GIVEN)
    response = _opening_page(login(accepted), entry)
    assert entry.candidate.full_name not in response.content.decode()
    assert not AuditRecord.objects.filter(candidate=entry.candidate).exists()


def test_the_assessment_starts_as_til_vurdering_and_can_be_changed(
    login, accepted, presented, owner, contact
):
    entry = presented()
    assert entry.employer_assessment.status == EmployerAssessment.Status.ASSESSING
    url = reverse("portal:assess", args=[entry.pk])
    prefix = f"vurdering-{entry.pk}"
    client = login(accepted)
    client.post(url, {f"{prefix}-status": "not_relevant", f"{prefix}-reason": "For langt unna"})
    entry.employer_assessment.refresh_from_db()
    assert entry.employer_assessment.status == EmployerAssessment.Status.NOT_RELEVANT
    assert entry.employer_assessment.reason == "For langt unna"
    client.post(url, {f"{prefix}-status": "relevant"})
    entry.employer_assessment.refresh_from_db()
    assert (entry.employer_assessment.status, entry.employer_assessment.reason) == ("relevant", "")
    assert owner.notifications.filter(title__contains="aktuell").exists()
    assert contact.notifications.filter(title__contains="aktuell").exists()
    assert ActivityEntry.objects.filter(action="candidates.assessment.changed").count() == 2


def test_a_refused_answer_comes_back_on_its_card_with_choice_and_text_kept(
    login, accepted, presented
):
    """Issue 13 item 2: nothing pre-selected; the refused answer stays on that card."""
    other = presented()
    entry = presented()
    client = login(accepted)
    page = _opening_page(client, entry).content.decode()
    assert "checked" not in page
    prefix = f"vurdering-{entry.pk}"
    too_long = "x" * 2001
    response = client.post(
        reverse("portal:assess", args=[entry.pk]),
        {f"{prefix}-status": "not_relevant", f"{prefix}-reason": too_long},
    )
    assert response.status_code == 200
    page = response.content.decode()
    card = page[page.index(f'id="kandidat-{entry.pk}"') :]
    card = card[: card.index("</article>")]
    assert too_long in card
    assert re.search(r'value="not_relevant"\s+id="[^"]+"\s+checked', card)
    assert "form-control is-invalid" in card
    other_card = page[page.index(f'id="kandidat-{other.pk}"') :]
    assert "checked" not in other_card[: other_card.index("</article>")]


def test_no_choice_is_an_error_on_that_card(login, accepted, presented):
    entry = presented()
    response = login(accepted).post(reverse("portal:assess", args=[entry.pk]), {})
    page = response.content.decode()
    card = page[page.index(f'id="kandidat-{entry.pk}"') :]
    assert "Velg hva dere mener om kandidaten." in card[: card.index("</article>")]


def test_asking_for_an_interview_moves_the_pipeline_and_says_what_happens_next(
    login, accepted, presented, owner, contact
):
    entry = presented()
    response = login(accepted).post(
        reverse("portal:next_step", args=[entry.pk]),
        {f"steg-{entry.pk}-step": Step.INTERVIEW_WANTED},
        follow=True,
    )
    assert "NAV-kontakten din avtaler intervjuet" in response.content.decode()
    entry.refresh_from_db()
    assert entry.step == Step.INTERVIEW_WANTED
    assert owner.notifications.exists()
    # Issue 15 item 10: the title names the step, the list names the candidate at display time.
    assert contact.notifications.filter(
        title__contains="Arbeidsgiver ønsker intervju", subject_id=entry.pk
    ).exists()


def test_removing_a_candidate_asks_first_and_cannot_be_undone(login, accepted, presented):
    entry = presented()
    client = login(accepted)
    url = reverse("portal:remove", args=[entry.pk])
    assert "kan ikke angres" in client.get(url).content.decode()
    client.post(url)
    assert entry.candidate.full_name not in _opening_page(client, entry).content.decode()
    assert client.get(url).status_code == 404


def test_another_employers_user_cannot_answer(login, presented, user_factory):
    entry = presented()
    stranger = user_factory(Role.EMPLOYER_USER)
    from portal.services import terms_accept

    terms_accept(user=stranger)
    url = reverse("portal:next_step", args=[entry.pk])
    response = login(stranger).post(url, {f"steg-{entry.pk}-step": Step.INTERVIEW_WANTED})
    assert response.status_code == 404


@pytest.mark.parametrize("rows", [1, 6])
def test_the_opening_page_runs_a_fixed_number_of_queries(
    login, accepted, presented, django_assert_max_num_queries, rows
):
    entries = [presented() for _ in range(rows)]
    client = login(accepted)
    with django_assert_max_num_queries(14):
        assert _opening_page(client, entries[0]).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("portal:candidates")).status_code == 200


def test_the_contact_person_and_the_owner_see_the_employers_assessment(
    login, accepted, presented, contact, owner
):
    entry = presented()
    prefix = f"vurdering-{entry.pk}"
    login(accepted).post(
        reverse("portal:assess", args=[entry.pk]),
        {f"{prefix}-status": "not_relevant", f"{prefix}-reason": "Mangler førerkort"},
    )
    for user in (contact, owner):
        page = login(user).get(reverse("candidates:entry_detail", args=[entry.pk])).content
        assert "Virksomhetens vurdering" in page.decode()
        assert "Mangler førerkort" in page.decode()


def test_every_form_on_the_opening_page_carries_a_csrf_token(login, accepted, presented):
    entry = presented()
    presented()
    page = _opening_page(login(accepted), entry).content.decode()
    assert page.count('method="post"') == page.count('name="csrfmiddlewaretoken"') > 2


def test_the_card_shows_every_cv_field_the_issue_lists(login, accepted, presented):
    from employers.models import Occupation

    entry = presented()
    candidate = entry.candidate
    candidate.work_experience = "Fem år på Rema 1000 Grünerløkka"
    candidate.certificates = "Varmearbeider-sertifikat"
    candidate.languages = ["no", "so"]
    candidate.driving_licences = ["C1"]
    candidate.available_from = datetime.date(2027, 3, 15)
    candidate.save()
    wanted, done = Occupation.objects.filter(level=Occupation.Level.UNIT_GROUP)[:2]
    candidate.occupations_wanted.add(wanted)
    candidate.occupations_done.add(done)
    page = _opening_page(login(accepted), entry).content.decode()
    for text in (
        "Fem år på Rema 1000 Grünerløkka",
        "Varmearbeider-sertifikat",
        "Norsk, Somali",
        "C1 (lett lastebil)",
        date_format(datetime.date(2027, 3, 15), "DATE_FORMAT"),
        wanted.name,
        done.name,
    ):
        assert text in page, text


def test_the_owners_notes_and_internal_reasons_are_never_shown(login, accepted, presented):
    entry = presented()
    entry.motivation = "Intern vurdering fra veilederen"
    entry.save()
    candidate = entry.candidate
    candidate.unavailable_reason = "Sykemeldt en periode"
    candidate.unavailable_until = datetime.date(2020, 1, 1)
    candidate.save()
    page = _opening_page(login(accepted), entry).content.decode()
    for secret in (
        "Intern vurdering fra veilederen",
        "Sykemeldt en periode",
        "Hull i CV-en",
        candidate.owner.email,
    ):
        assert secret not in page, secret


def test_the_employer_reports_how_the_interview_went_and_continues_or_ends_a_work_trial(
    login, accepted, presented, owner, contact
):
    entry = presented()
    client = login(accepted)
    url = reverse("portal:next_step", args=[entry.pk])
    prefix = f"steg-{entry.pk}"
    walk = [
        (Step.INTERVIEW_WANTED, ""),
        (Step.INTERVIEW_HELD, ""),
        (Step.WORK_TRIAL, ""),
        (Step.NOT_HIRED, "Passet ikke til skiftarbeid."),
    ]
    for step, reason in walk:
        page = _opening_page(client, entry).content.decode()
        assert f'value="{step}"' in page, step
        assert f'value="{Step.HIRED}"' not in page
        response = client.post(url, {f"{prefix}-step": step, f"{prefix}-reason": reason})
        assert response.status_code == 302, step
        entry.refresh_from_db()
        assert entry.step == step
        label = Step(step).label
        assert contact.notifications.filter(title__contains=label, subject_id=entry.pk).exists()
        assert owner.notifications.filter(title__contains=label, subject_id=entry.pk).exists()


def test_ending_a_work_trial_needs_a_reason(login, accepted, presented):
    entry = presented()
    client = login(accepted)
    url = reverse("portal:next_step", args=[entry.pk])
    prefix = f"steg-{entry.pk}"
    for step in (Step.INTERVIEW_WANTED, Step.INTERVIEW_HELD, Step.WORK_TRIAL):
        client.post(url, {f"{prefix}-step": step})
    response = client.post(url, {f"{prefix}-step": Step.NOT_HIRED})
    assert "Skriv kort hvorfor dere ikke ansetter kandidaten." in response.content.decode()
    entry.refresh_from_db()
    assert entry.step == Step.WORK_TRIAL


def test_the_employer_reports_a_hire_as_fatt_jobben_and_the_contact_side_is_told(
    login, accepted, presented, owner, contact
):
    """Besides reporting the hire with its contract details (tests/portal/test_hire.py), the
    employer may say so with its own assessment, which reaches both of them."""
    entry = presented()
    prefix = f"vurdering-{entry.pk}"
    login(accepted).post(reverse("portal:assess", args=[entry.pk]), {f"{prefix}-status": "got_job"})
    entry.employer_assessment.refresh_from_db()
    assert entry.employer_assessment.status == EmployerAssessment.Status.GOT_JOB
    for user in (owner, contact):
        assert user.notifications.filter(title__contains="«fått jobben»").exists()
        page = login(user).get(reverse("candidates:entry_detail", args=[entry.pk])).content
        assert "Fått jobben" in page.decode()


# Every portal URL that names a shortlist entry, whatever the method.
ENTRY_URLS = [p.name for p in ID_PATTERNS if "entry_id" in p.pattern.converters]


def assert_out_of_reach(client, entry):
    """The entry is on no page and behind no URL of the employer's portal."""
    assert entry.candidate.full_name not in _opening_page(client, entry).content.decode()
    for name in ENTRY_URLS:
        url = reverse(f"portal:{name}", args=[entry.pk])
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url).status_code == 404, url


@pytest.mark.parametrize(
    "how", ["consent withdrawn", "consent withdrawn after a hire", "withdrawn"]
)
def test_a_withdrawal_takes_the_candidate_out_of_reach_at_once(
    login, accepted, presented, owner, contact, how
):
    from candidates.services.consent import consent_withdraw
    from candidates.services.pipeline import entry_move

    entry = presented()
    client = login(accepted)
    assert client.post(reverse("portal:contact_reveal", args=[entry.pk])).status_code == 200
    if how == "withdrawn":
        entry_move(entry=entry, to_step=Step.WITHDRAWN, actor=owner, reason="Fikk annen jobb")
    else:
        if how == "consent withdrawn after a hire":
            ShortlistEntry.objects.filter(pk=entry.pk).update(step=Step.HIRED)
        consent = entry.consents.get(status=ConsentRequest.Status.GIVEN)
        consent_withdraw(consent=consent, actor=owner)
    seen = AuditRecord.objects.filter(candidate=entry.candidate, actor=accepted).count()
    assert_out_of_reach(client, entry)
    assert AuditRecord.objects.filter(candidate=entry.candidate, actor=accepted).count() == seen
