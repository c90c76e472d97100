import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import County, Role
from candidates.models import Innsatsgruppe
from tests.pages import home_section

from ..factories import RegionFactory, user_with_role
from .factories import CandidateFactory
from .register_helpers import adviser, candidate_of

pytestmark = pytest.mark.django_db

COUNTS = reverse("candidates:counts")


def _table(response, caption_start):
    return next(t for t in response.context["tables"] if t.caption.startswith(caption_start))


@pytest.fixture
def oslo_world():
    oslo = County.objects.get(name="Oslo")
    east = RegionFactory(county=oslo, name="Oslo øst")
    today = timezone.localdate()
    permanent = Innsatsgruppe.PERMANENT
    candidate_of(adviser(), first_name="Navnløs", region=east, innsatsgruppe=permanent)
    candidate_of(adviser(), region=east, unavailable_until=today + datetime.timedelta(days=3))
    CandidateFactory(provider_owned=True, region=None)
    CandidateFactory(is_active=False)
    CandidateFactory(county=County.objects.get(name="Vestland"))
    CandidateFactory(county=County.objects.get(name="Rogaland"))  # not a pilot county
    return oslo


def test_a_project_leader_sees_counts_for_their_county_by_region(login, oslo_world):
    leader = user_with_role(Role.PROJECT_LEADER, county=oslo_world)
    response = login(leader).get(COUNTS)
    owners = _table(response, "Hvem følger opp")
    assert owners.rows == [("Oslo øst", [2, 0, 2]), ("Uten region", [0, 1, 1])]
    assert owners.total == [2, 1, 3]
    availability = _table(response, "Tilgjengelighet")
    assert availability.total == [2, 1, 0, 3]
    assert _table(response, "Innsatsgruppe").total == [0, 2, 0, 1, 3]


def test_the_counts_page_shows_no_names(login, oslo_world):
    leader = user_with_role(Role.PROJECT_LEADER, county=oslo_world)
    html = login(leader).get(COUNTS).content.decode()
    assert "Navnløs" not in html
    assert "Kandidater i tall – Oslo" in html


def test_national_readers_see_each_pilot_county(login, oslo_world):
    response = login(user_with_role(Role.NATIONAL_READER)).get(COUNTS)
    owners = _table(response, "Hvem følger opp")
    assert [area for area, _values in owners.rows] == ["Oslo", "Vestland"]
    assert owners.total[-1] == 4


@pytest.mark.parametrize("rows", [2, 20])
def test_counts_take_a_fixed_number_of_queries(login, django_assert_max_num_queries, rows):
    oslo = County.objects.get(name="Oslo")
    for n in range(rows):
        CandidateFactory(region=RegionFactory(county=oslo, name=f"Region {n:02d}"))
    leader = user_with_role(Role.PROJECT_LEADER, county=oslo)
    client = login(leader)
    # Session, user, notifications, the county's name, rows per region, totals.
    with django_assert_max_num_queries(6):
        response = client.get(COUNTS)
    assert len(_table(response, "Hvem følger opp").rows) == rows


def test_project_leaders_get_headline_counts_on_their_home_page(login, oslo_world):
    leader = user_with_role(Role.PROJECT_LEADER, county=oslo_world)
    response = login(leader).get("/")
    section = home_section(response, "candidate_counts")
    assert section.context["counts"] == {
        "total": 3,
        "nav": 2,
        "provider": 1,
        "available_now": 2,
        "unavailable": 1,
        "available_later": 0,
        "hires_this_year": 0,
        "hires_after_signing": 0,
    }
    assert COUNTS in response.content.decode()


def test_owners_see_their_caseload_on_the_home_page(login):
    owner = adviser()
    today = timezone.localdate()
    candidate_of(owner, unavailable_until=today + datetime.timedelta(days=2))
    candidate_of(owner, unavailable_until=today + datetime.timedelta(days=20))
    candidate_of(owner)
    html = login(owner).get("/").content.decode()
    assert "Min portefølje" in html
    assert "1 kandidat er tilgjengelig igjen i løpet av en uke." in html


def test_navigation_shows_kandidater_i_tall_to_counters_only(login):
    leader = user_with_role(Role.PROJECT_LEADER)
    assert f'href="{COUNTS}"' in login(leader).get("/").content.decode()
    assert f'href="{COUNTS}"' not in login(adviser()).get("/").content.decode()
