"""The search pages: starting a run, progress, results as minimal profiles with audit records,
adding to the shortlist, re-running, and bounded query counts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from candidates.matching.criteria import Area, Criteria
from candidates.models import AuditRecord, SearchRun, ShortlistEntry
from candidates.models.search import MATCHED_COUNT_LIMIT
from candidates.services.search import search_run_execute, search_run_repeat
from employers.models import JobOpening, Occupation
from notifications.models import Notification
from tests.factories import user_with_role

from ..employers.factories import JobOpeningFactory
from .factories import CandidateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def opening():
    return JobOpeningFactory(
        title="Sveiser til verksted",
        occupation=Occupation.objects.get(code="7212"),
        requirements_must="Sveisesertifikat",
    )


def _welder(**fields):
    # Names no other generated person (contact, employer, owner) can share by chance.
    fields.setdefault("first_name", "Hemmeligfornavn")
    fields.setdefault("last_name", "Hemmeligetternavn")
    fields.setdefault("email", "hemmelig@example.no")
    fields.setdefault("phone", "99887766")
    fields.setdefault("adaptation_needs", "Trenger rolige omgivelser")
    candidate = CandidateFactory(competencies="Sveising MIG/MAG", **fields)
    candidate.occupations_wanted.add(Occupation.objects.get(code="7212"))
    return candidate


def _start_search(client, opening, criteria):
    return client.post(reverse("candidates:search_start", args=[opening.pk]), criteria)


def _finished_run(opening, user, **criteria) -> SearchRun:
    criteria.setdefault("area", Area.NATIONAL)
    run = SearchRun.objects.create(
        opening=opening, created_by=user, criteria=Criteria(**criteria).to_json()
    )
    return search_run_execute(run_id=run.pk)


def test_start_page_is_prefilled_from_the_opening(login, contact_person, opening):
    response = login(contact_person).get(reverse("candidates:search_start", args=[opening.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["occupation"].value() is True
    assert form["area"].value() == "region"
    assert "Ingen har søkt etter kandidater" in response.text


def test_posting_criteria_stores_a_run_and_queues_the_task_after_commit(
    login, contact_person, opening, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = _start_search(
            login(contact_person), opening, {"occupation": "on", "query": "truck", "area": "county"}
        )
    run = SearchRun.objects.get()
    assert response.url == reverse("candidates:search_run", args=[run.pk])
    assert run.criteria["query"] == "truck"
    assert run.criteria["area"] == "county"
    assert run.status == SearchRun.Status.QUEUED
    assert len(callbacks) == 1


TEN_YEARS_AHEAD = (timezone.localdate() + datetime.timedelta(days=3650)).isoformat()


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ({"area": "region"}, "Velg hva kandidatene skal matches på"),
        (
            {"occupation": "on", "area": "region", "available_by": TEN_YEARS_AHEAD},
            "mer enn ett år fram i tid",
        ),
        ({"occupation": "on", "area": "municipality"}, "Skriv hvilken kommune"),
    ],
    ids=["nothing-to-match-on", "availability-years-ahead", "municipality-area-without-one"],
)
def test_criteria_that_cannot_be_searched_are_refused_with_an_explanation(
    login, contact_person, opening, criteria, message
):
    response = _start_search(login(contact_person), opening, criteria)
    assert response.status_code == 200
    assert message in response.text
    assert not SearchRun.objects.exists()


def test_only_common_words_give_a_helpful_message(login, contact_person, opening):
    criteria = {"query": "erfaring og med", "area": "region"}
    response = _start_search(login(contact_person), opening, criteria)
    assert "Søkeordene er for vanlige" in response.text
    assert response.context["form"]["query"].value() == "erfaring og med"


def test_a_closed_opening_cannot_be_searched_for(login, contact_person, opening):
    opening.status = JobOpening.Status.FILLED
    opening.save()
    response = _start_search(login(contact_person), opening, {"occupation": "on", "area": "region"})
    assert "Bare åpne stillinger" in response.text
    assert not SearchRun.objects.exists()


def test_a_running_search_polls_for_progress(login, contact_person, opening):
    run = SearchRun.objects.create(
        opening=opening, created_by=contact_person, status="running", progress=40
    )
    client = login(contact_person)
    page = client.get(reverse("candidates:search_run", args=[run.pk]))
    progress_url = reverse("candidates:search_progress", args=[run.pk])
    assert f'hx-get="{progress_url}"' in page.text
    assert 'hx-trigger="load delay:1s"' in page.text

    partial = client.get(progress_url, HTTP_HX_REQUEST="true")
    assert 'value="40"' in partial.text
    assert "HX-Refresh" not in partial

    run.status, run.progress = SearchRun.Status.DONE, 100
    run.save()
    done = client.get(progress_url, HTTP_HX_REQUEST="true")
    assert done["HX-Refresh"] == "true"
    assert "hx-get" not in done.text


def test_a_search_waiting_long_in_the_queue_says_so(login, contact_person, opening):
    run = SearchRun.objects.create(
        opening=opening,
        created_by=contact_person,
        created_at=timezone.now() - datetime.timedelta(minutes=5),
    )
    response = login(contact_person).get(reverse("candidates:search_run", args=[run.pk]))
    assert "Søket har ikke kommet i gang ennå" in response.text
    assert "hx-get" in response.text


def test_results_show_a_minimal_profile_and_are_audited(login, contact_person, opening):
    candidate = _welder()
    run = _finished_run(opening, contact_person, occupation=True, opening_text=True)

    response = login(contact_person).get(reverse("candidates:search_run", args=[run.pk]))

    text = response.text
    assert f"Kandidat {candidate.pk}" in text
    assert "Ønsker å jobbe som Sveisere" in text
    assert f"Treff {run.results.get().score} %" in text
    for secret in (
        candidate.first_name,
        candidate.last_name,
        candidate.fnr,
        candidate.email,
        candidate.phone,
        candidate.adaptation_needs,
    ):
        assert secret not in text
    record = AuditRecord.objects.get()
    assert (record.candidate, record.actor, record.action) == (
        candidate,
        contact_person,
        AuditRecord.Action.SEARCH_RESULT,
    )
    assert "Sveiser til verksted" in record.purpose


def test_a_search_without_results_explains_what_to_loosen(login, contact_person, opening):
    run = _finished_run(opening, contact_person, occupation=True, area=Area.COUNTY)
    response = login(contact_person).get(reverse("candidates:search_run", args=[run.pk]))
    assert "Ingen kandidater passet søket. Prøv å søke i hele fylket" in response.text
    assert not AuditRecord.objects.exists()


def test_contact_person_adds_a_result_to_the_shortlist(login, contact_person, opening):
    candidate = _welder()
    run = _finished_run(opening, contact_person, occupation=True)
    client = login(contact_person)

    response = client.post(reverse("candidates:search_shortlist_add", args=[run.pk, candidate.pk]))

    entry = ShortlistEntry.objects.get()
    assert (entry.candidate, entry.source, entry.added_by) == (
        candidate,
        ShortlistEntry.Source.SEARCH,
        contact_person,
    )
    assert response.url.endswith(f"?side=1#kandidat-{candidate.pk}")
    page = client.get(reverse("candidates:search_run", args=[run.pk]))
    assert "På kandidatlisten" in page.text
    assert reverse("employers:opening_detail", args=[opening.pk]) in page.text

    again = client.post(reverse("candidates:search_shortlist_add", args=[run.pk, candidate.pk]))
    assert again.status_code == 302
    assert ShortlistEntry.objects.count() == 1


def test_only_candidates_in_the_run_can_be_added(login, contact_person, opening):
    run = _finished_run(opening, contact_person, occupation=True)
    stranger = CandidateFactory()
    response = login(contact_person).post(
        reverse("candidates:search_shortlist_add", args=[run.pk, stranger.pk])
    )
    assert response.status_code == 404


def test_rerun_shows_what_changed(login, contact_person, opening):
    stays, leaves = _welder(), _welder()
    first = _finished_run(opening, contact_person, occupation=True)
    leaves.is_active = False
    leaves.save()
    newcomer = _welder()
    second = search_run_repeat(run=first, actor=contact_person)
    search_run_execute(run_id=second.pk)

    response = login(contact_person).get(reverse("candidates:search_run", args=[second.pk]))

    assert second.previous == first
    assert second.criteria == first.criteria
    assert response.context["changes"] == {"new": 1, "moved": 0}
    assert response.context["gone"] == [leaves.pk]
    rows = {row.candidate: row.change for row in response.context["rows"]}
    assert rows == {stays: "", newcomer: "new"}
    assert "Ny siden forrige søk" in response.text


def test_rerun_button_starts_a_linked_run(login, contact_person, opening):
    first = _finished_run(opening, contact_person, occupation=True)
    response = login(contact_person).post(reverse("candidates:search_rerun", args=[first.pk]))
    second = SearchRun.objects.exclude(pk=first.pk).get()
    assert response.url == reverse("candidates:search_run", args=[second.pk])
    assert second.previous == first


def test_runs_are_listed_on_the_start_page(login, contact_person, opening):
    run = _finished_run(opening, contact_person, occupation=True)
    response = login(contact_person).get(reverse("candidates:search_start", args=[opening.pk]))
    assert reverse("candidates:search_run", args=[run.pk]) in response.text


def test_other_roles_are_refused(login, opening):
    adviser = user_with_role(Role.ADVISER)
    response = login(adviser).get(reverse("candidates:search_start", args=[opening.pk]))
    assert response.status_code == 403


def test_opening_page_has_a_search_button_for_contact_persons(login, contact_person, opening):
    url = reverse("employers:opening_detail", args=[opening.pk])
    search = reverse("candidates:search_start", args=[opening.pk])
    assert search in login(contact_person).get(url).text
    assert search not in login(user_with_role(Role.ADVISER)).get(url).text


@pytest.mark.parametrize("count", [3, 20])
def test_results_page_query_count_does_not_grow_with_rows(
    login, contact_person, opening, count, django_assert_max_num_queries
):
    for number in range(count):
        _welder(provider_owned=bool(number % 2))
    previous = _finished_run(opening, contact_person, occupation=True)
    run = search_run_repeat(run=previous, actor=contact_person)
    search_run_execute(run_id=run.pk)
    client = login(contact_person)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("candidates:search_run", args=[run.pk]))
    assert len(response.context["rows"]) == count


def test_a_capped_count_reads_as_over_the_limit(login, contact_person, opening):
    _welder()
    run = _finished_run(opening, contact_person, occupation=True, opening_text=True)
    page = reverse("candidates:search_run", args=[run.pk])
    assert "1 kandidat passet." in login(contact_person).get(page).text
    # What the search stores when it stopped counting at the limit.
    SearchRun.objects.filter(pk=run.pk).update(matched_count=MATCHED_COUNT_LIMIT + 1)
    text = login(contact_person).get(page).text
    assert f"Over {MATCHED_COUNT_LIMIT} kandidater passet." in text
    assert f"{MATCHED_COUNT_LIMIT + 1} kandidater" not in text


def test_a_search_stuck_running_offers_to_run_it_again(login, contact_person, opening):
    run = SearchRun.objects.create(
        opening=opening,
        created_by=contact_person,
        status=SearchRun.Status.RUNNING,
        progress=70,
        started_at=timezone.now() - datetime.timedelta(minutes=2),
    )
    client = login(contact_person)
    response = client.get(reverse("candidates:search_run", args=[run.pk]))
    assert "Søket har stått stille i over ett minutt" in response.text
    assert reverse("candidates:search_rerun", args=[run.pk]) in response.text

    again = client.post(reverse("candidates:search_rerun", args=[run.pk]))
    new_run = SearchRun.objects.exclude(pk=run.pk).get()
    assert again["Location"] == reverse("candidates:search_run", args=[new_run.pk])
    assert new_run.previous == run


def test_a_search_running_for_seconds_offers_no_restart(login, contact_person, opening):
    run = SearchRun.objects.create(
        opening=opening,
        created_by=contact_person,
        status=SearchRun.Status.RUNNING,
        started_at=timezone.now() - datetime.timedelta(seconds=5),
    )
    response = login(contact_person).get(reverse("candidates:search_run", args=[run.pk]))
    assert reverse("candidates:search_rerun", args=[run.pk]) not in response.text


def test_a_search_cut_off_by_a_database_error_stays_running_for_its_retry(
    contact_person, opening, monkeypatch
):
    """PostgreSQL restarting mid-search is retried by the task (core.tasks): the run is not
    marked failed, and the retry searches again and finishes it."""
    from django.db import OperationalError

    from candidates.services import search

    _welder()
    run = SearchRun.objects.create(
        opening=opening,
        created_by=contact_person,
        criteria=Criteria(area=Area.NATIONAL, opening_text=False).to_json(),
    )
    found = search.best

    def connection_lost(plan):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(search, "best", connection_lost)
    with pytest.raises(OperationalError):
        search_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == SearchRun.Status.RUNNING

    monkeypatch.setattr(search, "best", found)
    assert search_run_execute(run_id=run.pk).status == SearchRun.Status.DONE


def _cook_opening():
    return JobOpeningFactory(
        title="Kokk",
        occupation=Occupation.objects.get(code="5120"),
        requirements_must="Snakker norsk muntlig og kan jobbe kveld og helg. Fagbrev som kokk.",
        requirements_nice="Storkjøkken, catering, allergener og HMS.",
    )


def test_words_about_the_jobs_conditions_do_not_find_candidates(login, contact_person):
    opening = _cook_opening()
    cook = CandidateFactory(competencies="")
    cook.occupations_wanted.add(Occupation.objects.get(code="5120"))
    CandidateFactory(competencies="Renhold. Snakker norsk, kan jobbe kveld og helg.")
    run = _finished_run(opening, contact_person)
    assert [result.candidate for result in run.results.all()] == [cook]


def test_words_typed_in_the_search_box_still_count(login, contact_person):
    opening = _cook_opening()
    speaker = CandidateFactory(competencies="Snakker norsk flytende")
    run = _finished_run(opening, contact_person, occupation=False, query="norsk")
    assert speaker in [result.candidate for result in run.results.all()]


def test_weak_matches_are_shown_apart_and_the_score_is_explained(login, contact_person):
    opening = _cook_opening()
    cook = CandidateFactory(competencies="Fagbrev kokk")
    cook.occupations_wanted.add(Occupation.objects.get(code="5120"))
    CandidateFactory(first_name="Svakttreff", competencies="Fagbrev i renhold")
    run = _finished_run(opening, contact_person)
    response = login(contact_person).get(reverse("candidates:search_run", args=[run.pk]))
    page = response.text
    assert "Treff i prosent viser hvor mye av stillingen kandidaten dekker" in page
    weak = page.index("Svake treff: 1 kandidat under 15 %")
    assert [row.result.score < 15 for row in response.context["weak_rows"]] == [True]
    assert all(row.result.score >= 15 for row in response.context["rows"])
    assert page.index(f"kandidat-{cook.pk}-heading") < weak


def test_adding_someone_elses_candidate_tells_the_owner_without_the_name(
    login, contact_person, opening
):
    candidate = _welder()
    run = _finished_run(opening, contact_person, occupation=True)
    login(contact_person).post(
        reverse("candidates:search_shortlist_add", args=[run.pk, candidate.pk])
    )
    notice = Notification.objects.get(recipient=candidate.owner)
    assert opening.title in notice.title
    assert "Hemmelig" not in notice.title + notice.body
    entry = ShortlistEntry.objects.get()
    assert notice.link == reverse("candidates:entry_detail", kwargs={"entry_id": entry.pk})
