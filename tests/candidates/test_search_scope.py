"""Who may search for an opening and shortlist from it (issue 15, item 2): only the opening's
contact side (`openings_managed_by`), at every entry point, not everyone who can read it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from candidates.matching.criteria import Area, Criteria
from candidates.models import SearchRun, ShortlistEntry
from candidates.services.search import search_run_repeat, search_run_start
from candidates.services.shortlist import shortlist_add

from .factories import CandidateFactory, finished_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(opening, contact):
    """A finished search on the Oslo opening, by its contact person, with one result."""
    return finished_search(
        opening=opening,
        user=contact,
        candidate=CandidateFactory(),
        criteria=Criteria(area=Area.NATIONAL).to_json(),
    )


def test_another_countys_contact_person_cannot_open_or_start_a_search(
    login, outsider_contact, opening
):
    client = login(outsider_contact)
    url = reverse("candidates:search_start", args=[opening.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"occupation": "on", "area": "national"}).status_code == 404
    assert not SearchRun.objects.exists()


def test_another_countys_contact_person_cannot_see_rerun_or_shortlist_from_a_run(
    login, outsider_contact, run
):
    client = login(outsider_contact)
    candidate_id = run.results.get().candidate_id
    assert client.get(reverse("candidates:search_run", args=[run.pk])).status_code == 404
    assert client.post(reverse("candidates:search_rerun", args=[run.pk])).status_code == 404
    add = reverse("candidates:search_shortlist_add", args=[run.pk, candidate_id])
    assert client.post(add).status_code == 404
    assert SearchRun.objects.count() == 1
    assert not ShortlistEntry.objects.exists()


def test_the_openings_contact_side_still_searches_and_shortlists(login, colleague, run):
    """A colleague in the opening's county covers for the contact person."""
    client = login(colleague)
    candidate_id = run.results.get().candidate_id
    assert client.get(reverse("candidates:search_run", args=[run.pk])).status_code == 200
    client.post(reverse("candidates:search_shortlist_add", args=[run.pk, candidate_id]))
    assert ShortlistEntry.objects.get().added_by == colleague


def test_services_refuse_someone_who_does_not_manage_the_opening(outsider_contact, opening, run):
    with pytest.raises(PermissionDenied):
        search_run_start(opening=opening, actor=outsider_contact, criteria=Criteria())
    with pytest.raises(PermissionDenied):
        search_run_repeat(run=run, actor=outsider_contact)
    with pytest.raises(PermissionDenied):
        shortlist_add(
            opening=opening,
            candidate=CandidateFactory(),
            actor=outsider_contact,
            source=ShortlistEntry.Source.SEARCH,
        )
    assert SearchRun.objects.count() == 1
    assert not ShortlistEntry.objects.exists()


def test_project_leaders_do_not_search(login, project_leader, opening):
    response = login(project_leader).get(reverse("candidates:search_start", args=[opening.pk]))
    assert response.status_code == 403


def test_the_opening_page_offers_the_search_only_to_its_contact_side(
    login, contact, outsider_contact, opening
):
    url = reverse("employers:opening_detail", args=[opening.pk])
    search = reverse("candidates:search_start", args=[opening.pk])
    assert search in login(contact).get(url).text
    assert search not in login(outsider_contact).get(url).text
