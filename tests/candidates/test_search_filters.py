"""Filters of a broad search, run through the service the Celery task calls."""

import datetime

import pytest
from django.utils import timezone

from accounts.models import County
from candidates.matching.criteria import Area, Criteria
from candidates.models import DrivingLicence, Innsatsgruppe, Language, SearchRun
from candidates.services.search import search_run_execute
from candidates.services.shortlist import shortlist_for
from employers.models import Occupation

from ..factories import RegionFactory, user_with_role
from .factories import CandidateFactory, ShortlistEntryFactory, truck_driver_opening

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def region():
    return RegionFactory(county=County.objects.get(name="Oslo"))


@pytest.fixture
def opening(region):
    return truck_driver_opening(region, requirements_must="Truckførerbevis")


def _truck_driver(**fields):
    """A candidate who wants the opening's occupation (truck driver)."""
    candidate = CandidateFactory(**fields)
    candidate.occupations_wanted.add(Occupation.objects.get(code="8344"))
    return candidate


def _run(opening, **criteria) -> SearchRun:
    criteria.setdefault("area", Area.NATIONAL)
    run = SearchRun.objects.create(
        opening=opening,
        created_by=user_with_role("contact_person"),
        criteria=Criteria(**criteria).to_json(),
    )
    return search_run_execute(run_id=run.pk)


def _found(run) -> list:
    return [result.candidate for result in run.results.order_by("rank")]


def test_region_search_includes_commuters_from_the_rest_of_the_county(opening, region):
    local = _truck_driver(region=region, commute_km=5)
    commuter = _truck_driver(region=RegionFactory(county=region.county), commute_km=60)
    _truck_driver(region=RegionFactory(county=region.county), commute_km=20)
    _truck_driver(county=County.objects.get(name="Vestland"), municipality="Bergen")

    found = _found(_run(opening, area=Area.REGION))

    assert set(found) == {local, commuter}


def test_county_search_and_national_search(opening, region):
    in_county = _truck_driver(region=RegionFactory(county=region.county), commute_km=0)
    elsewhere = _truck_driver(county=County.objects.get(name="Vestland"), municipality="Bergen")

    assert _found(_run(opening, area=Area.COUNTY)) == [in_county]
    assert set(_found(_run(opening, area=Area.NATIONAL))) == {in_county, elsewhere}


def test_municipality_search(opening):
    in_town = _truck_driver(municipality="Bærum", commute_km=0)
    _truck_driver(municipality="Asker", commute_km=0)

    assert _found(_run(opening, area=Area.MUNICIPALITY, municipality="bærum")) == [in_town]


def test_availability_date_and_temporary_unavailability(opening):
    now = _truck_driver()
    later = _truck_driver(available_from=TODAY + datetime.timedelta(days=40))
    _truck_driver(unavailable_until=TODAY + datetime.timedelta(days=10))
    _truck_driver(is_active=False)

    assert _found(_run(opening)) == [now]
    # In two months the temporarily unavailable one is back too; the inactive one never is.
    in_two_months = TODAY + datetime.timedelta(days=60)
    found = _found(_run(opening, available_by=in_two_months))
    assert len(found) == 3
    assert {now, later} <= set(found)


def test_innsatsgruppe_driving_licence_and_languages(opening):
    match = _truck_driver(
        innsatsgruppe=Innsatsgruppe.STANDARD,
        driving_licences=[DrivingLicence.B, DrivingLicence.C],
        languages=[Language.NORWEGIAN, Language.POLISH],
    )
    _truck_driver(innsatsgruppe=Innsatsgruppe.PERMANENT, driving_licences=[DrivingLicence.B])
    _truck_driver(innsatsgruppe=Innsatsgruppe.STANDARD, languages=[Language.NORWEGIAN])

    run = _run(
        opening,
        innsatsgrupper=[Innsatsgruppe.STANDARD],
        driving_licences=[DrivingLicence.C],
        languages=[Language.POLISH],
    )

    assert _found(run) == [match]
    explanation = run.results.get().explanation
    assert explanation["driving_licences"] == ["C"]
    assert explanation["innsatsgruppe"] == "standard"


def test_candidates_already_on_the_shortlist_are_left_out(opening):
    listed = _truck_driver()
    other = _truck_driver()
    ShortlistEntryFactory(shortlist=shortlist_for(opening), candidate=listed)

    assert _found(_run(opening)) == [other]


def test_no_match_gives_a_helpful_message(opening):
    _truck_driver(driving_licences=[DrivingLicence.B])

    run = _run(opening, area=Area.COUNTY, driving_licences=[DrivingLicence.D])

    assert run.status == SearchRun.Status.DONE
    assert run.result_count == 0
    assert run.message.startswith("Ingen kandidater passet søket. Prøv å søke i hele fylket")
    assert "fjerne kravet om førerkort" in run.message


def test_a_run_is_stored_with_counts_and_is_not_searched_twice(opening):
    first, second = _truck_driver(), _truck_driver()
    run = _run(opening)
    assert (run.status, run.progress, run.matched_count, run.result_count) == ("done", 100, 2, 2)
    assert run.started_at and run.finished_at
    second.is_active = False
    second.save()

    again = search_run_execute(run_id=run.pk)

    assert _found(again) == [first, second]
