import pytest
from django.urls import reverse

from candidates.models import AuditRecord, ConsentRequest, Step
from candidates.services.shortlist import shortlist_for
from core.activity import history_for

from ..employers.factories import JobOpeningFactory
from .factories import ConsentRequestFactory, ShortlistEntryFactory

pytestmark = pytest.mark.django_db
PAGE = reverse("candidates:employer_candidates")


def _page(login, user) -> str:
    response = login(user).get(PAGE)
    assert response.status_code == 200
    return response.content.decode()


def _presented(entry_at, **consent):
    entry = entry_at(Step.PRESENTED)
    entry.candidate.adaptation_needs = "Hemmelig helseopplysning"
    entry.candidate.phone = "99887766"
    entry.candidate.save()
    if consent:
        entry.consents.update(**consent)
    return entry


def test_the_employer_sees_a_presented_consenting_candidate_but_no_identity_number(
    login, entry_at, employer_user
):
    entry = _presented(entry_at)
    page = _page(login, employer_user)
    candidate = entry.candidate
    assert candidate.full_name in page
    assert candidate.cv_summary in page
    for secret in (candidate.fnr, "Hemmelig helseopplysning", candidate.email, "99887766"):
        assert secret not in page
    record = AuditRecord.objects.get(candidate=candidate)
    assert (record.actor, record.action) == (employer_user, AuditRecord.Action.EMPLOYER_VIEW)


def test_the_employer_sees_the_adaptation_text_only_when_the_candidate_chose_to_share_it(
    login, entry_at, employer_user
):
    shared = _presented(entry_at, share_adaptation_text="Trenger rolige pauser.")
    _presented(entry_at, adaptation_text_offered="Ikke delt tekst", share_adaptation_text="")
    page = _page(login, employer_user)
    assert shared.candidate.full_name in page
    assert "Trenger rolige pauser." in page
    assert "Ikke delt tekst" not in page


@pytest.mark.parametrize(
    "case",
    ["no consent", "withdrawn", "declined", "not yet presented", "archived", "other employer"],
)
def test_the_employer_never_sees(login, entry_at, employer_user, case):
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
    page = _page(login, employer_user)
    assert entry.candidate.full_name not in page
    assert not AuditRecord.objects.filter(candidate=entry.candidate).exists()


def test_the_employer_asks_for_an_interview(login, entry_at, employer_user, owner):
    entry = _presented(entry_at)
    url = reverse("candidates:employer_respond", kwargs={"entry_id": entry.pk})
    login(employer_user).post(url, {"step": Step.INTERVIEW_WANTED})
    entry.refresh_from_db()
    assert entry.step == Step.INTERVIEW_WANTED
    assert history_for(entry).last().actor == employer_user
    assert owner.notifications.exists()


def test_not_relevant_needs_a_reason(login, entry_at, employer_user):
    entry = _presented(entry_at)
    url = reverse("candidates:employer_respond", kwargs={"entry_id": entry.pk})
    response = login(employer_user).post(url, {"step": Step.NOT_RELEVANT}, follow=True)
    assert "Skriv hvorfor" in response.content.decode()
    entry.refresh_from_db()
    assert entry.step == Step.PRESENTED
    login(employer_user).post(url, {"step": Step.NOT_RELEVANT, "reason": "Mangler sertifikat"})
    entry.refresh_from_db()
    assert entry.step == Step.NOT_RELEVANT


def test_another_employers_user_cannot_answer(login, entry_at, user_factory):
    entry = _presented(entry_at)
    from accounts.models import Role

    stranger = user_factory(Role.EMPLOYER_USER)
    url = reverse("candidates:employer_respond", kwargs={"entry_id": entry.pk})
    assert login(stranger).post(url, {"step": Step.INTERVIEW_WANTED}).status_code == 404


@pytest.mark.parametrize("rows", [1, 6])
def test_the_employer_page_runs_a_fixed_number_of_queries(
    login, entry_at, employer_user, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        _presented(entry_at)
    client = login(employer_user)
    with django_assert_max_num_queries(12):
        assert client.get(PAGE).status_code == 200
