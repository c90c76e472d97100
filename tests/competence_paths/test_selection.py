"""Selection from a path: the broad search on the path's opening (its own, created the first
time), interviews recorded on the path, the employer's choice making participants, and
owners proposing their candidates."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import County, Role
from candidates.models import ConsentRequest, EmployerAssessment, SearchRun, Step
from candidates.services.assessment import assessment_set
from candidates.services.pipeline import entry_move
from candidates.services.shortlist import shortlist_for
from competence_paths.models import Participant
from employers.models import JobOpening, Occupation
from tests.candidates.factories import (
    CandidateFactory,
    ConsentRequestFactory,
    ShortlistEntryFactory,
)
from tests.employers.factories import EmployerFactory
from tests.factories import RegionFactory, provider_staff_serving, user_with_role

from .factories import make_path

pytestmark = pytest.mark.django_db


def _presented(path):
    entry = ShortlistEntryFactory(shortlist=shortlist_for(path.opening), step=Step.CONSENT_GIVEN)
    ConsentRequestFactory(entry=entry, status=ConsentRequest.Status.GIVEN)
    return entry_move(entry=entry, to_step=Step.PRESENTED, actor=path.contact)


def test_the_first_search_from_a_path_creates_and_shares_its_own_opening(client):
    role = Occupation.objects.get(code="4321")
    path = make_path(without_opening=True, target_role=role, places=3)
    client.force_login(path.contact)
    response = client.post(reverse("competence_paths:search", args=[path.pk]))
    path.refresh_from_db()
    opening = path.opening
    assert opening is not None
    assert (opening.occupation, opening.positions, opening.status) == (role, 3, "open")
    assert opening.published_at is not None and opening.competence_path_possible
    run = SearchRun.objects.get()
    assert run.opening == opening and run.criteria["area"] == "county"
    assert response.url == reverse("candidates:search_run", args=[run.pk])
    # The second search reuses the opening.
    client.post(reverse("competence_paths:search", args=[path.pk]))
    assert JobOpening.objects.filter(competence_paths=path).count() == 1
    assert SearchRun.objects.filter(opening=opening).count() == 2


def test_a_path_without_target_role_cannot_search(client):
    path = make_path(without_opening=True)
    client.force_login(path.contact)
    response = client.post(reverse("competence_paths:search", args=[path.pk]), follow=True)
    assert "Velg løpets målyrke" in response.content.decode()
    assert not SearchRun.objects.exists()


@pytest.mark.parametrize("role", [Role.PROJECT_LEADER, Role.ADVISER, Role.PROVIDER_STAFF])
def test_only_the_paths_contact_persons_search_and_record_interviews(client, role):
    path = make_path()
    user = user_with_role(role, county=path.county)
    client.force_login(user)
    assert client.post(reverse("competence_paths:search", args=[path.pk])).status_code in (
        403,
        404,
    )
    assert client.post(reverse("competence_paths:interview", args=[path.pk])).status_code in (
        403,
        404,
    )
    assert not SearchRun.objects.exists()
    assert (
        "Bredt søk fra løpet"
        not in client.get(reverse("competence_paths:detail", args=[path.pk])).content.decode()
    )


def test_another_countys_contact_person_cannot_search_on_a_path(client):
    path = make_path()
    elsewhere = County.objects.exclude(pk=path.county_id).first()
    client.force_login(user_with_role(Role.CONTACT_PERSON, county=elsewhere))
    assert client.post(reverse("competence_paths:search", args=[path.pk])).status_code == 404


def test_an_interview_is_recorded_on_the_path_through_the_pipeline(client):
    path = make_path()
    entry = _presented(path)
    client.force_login(path.contact)
    page = client.get(reverse("competence_paths:detail", args=[path.pk])).content.decode()
    assert "Registrer intervju" in page and str(entry.candidate) in page
    url = reverse("competence_paths:interview", args=[path.pk])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    client.post(url, {"entry": entry.pk, "held_on": tomorrow.isoformat()})
    entry.refresh_from_db()
    assert entry.step == Step.PRESENTED
    client.post(
        url, {"entry": entry.pk, "held_on": timezone.localdate().isoformat(), "note": "Bra"}
    )
    entry.refresh_from_db()
    assert entry.step == Step.INTERVIEW_HELD


def test_an_entry_not_yet_presented_cannot_get_an_interview(client):
    path = make_path()
    entry = ShortlistEntryFactory(shortlist=shortlist_for(path.opening))
    client.force_login(path.contact)
    url = reverse("competence_paths:interview", args=[path.pk])
    client.post(url, {"entry": entry.pk, "held_on": timezone.localdate().isoformat()})
    entry.refresh_from_db()
    assert entry.step == Step.PROPOSED


def test_the_candidates_the_employer_chooses_become_participants_once():
    path = make_path(status="planned")
    chosen, other = _presented(path), _presented(path)
    employer_user = user_with_role(Role.EMPLOYER_USER, employer=path.employer)
    assessment_set(entry=chosen, actor=employer_user, status=EmployerAssessment.Status.RELEVANT)
    assessment_set(entry=other, actor=employer_user, status=EmployerAssessment.Status.NOT_RELEVANT)
    participant = Participant.objects.get()
    assert (participant.candidate, participant.entry) == (chosen.candidate, chosen)
    assert participant.status == Participant.Status.WAITING
    assert participant.status_changes.get().note == "Valgt av virksomheten"
    # Changing the assessment back and forth does not add the participant twice.
    assessment_set(entry=chosen, actor=employer_user, status=EmployerAssessment.Status.ASSESSING)
    assessment_set(entry=chosen, actor=employer_user, status=EmployerAssessment.Status.RELEVANT)
    assert Participant.objects.count() == 1


def test_a_completed_path_takes_no_chosen_participants():
    path = make_path(status="completed")
    entry = _presented(path)
    employer_user = user_with_role(Role.EMPLOYER_USER, employer=path.employer)
    assessment_set(entry=entry, actor=employer_user, status=EmployerAssessment.Status.RELEVANT)
    assert not Participant.objects.exists()


@pytest.mark.parametrize("role", [Role.ADVISER, Role.PROVIDER_STAFF])
def test_owners_propose_their_own_candidates_to_the_path(client, role):
    region = RegionFactory()
    path = make_path(employer=EmployerFactory(county=region.county, region=region))
    if role == Role.PROVIDER_STAFF:
        owner = provider_staff_serving(region)
    else:
        owner = user_with_role(role, county=path.county)
    client.force_login(owner)
    page = client.get(reverse("competence_paths:detail", args=[path.pk]))
    assert page.status_code == 200
    propose = reverse("candidates:propose", args=[path.opening.pk])
    assert propose in page.content.decode()
    candidate = CandidateFactory(owner=owner)
    client.post(propose, {"candidate": candidate.pk, "motivation": "Passer godt"})
    entry = shortlist_for(path.opening).entries.get()
    assert (entry.candidate, entry.source) == (candidate, "proposal")
    client.force_login(path.contact)
    page = client.get(reverse("competence_paths:detail", args=[path.pk])).content.decode()
    assert str(candidate) in page and "Foreslått av oppfølger" in page


def test_a_target_role_unlike_the_linked_openings_occupation_is_searched_by_name(client):
    role = Occupation.objects.get(code="7119")
    path = make_path(target_role=role)
    client.force_login(path.contact)
    client.post(reverse("competence_paths:search", args=[path.pk]))
    run = SearchRun.objects.get()
    assert run.opening == path.opening and run.criteria["query"] == role.name
