import pytest
from django.core.management import call_command

from accounts.models import County, Region, User
from core.activity import history_for
from devdata.demo import accounts as accounts_demo
from devdata.demo import employer_openings as demo_openings
from employers.models import Employer, JobOpening, Lead, ResourceGroup
from tests.employers.factories import EmployerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_people():
    accounts_demo.seed()


@pytest.fixture
def pilot_employers(demo_people):
    """What the employer register's demo module provides before ours runs."""
    for county_name in demo_openings.PILOT_COUNTIES:
        county = County.objects.get(name=county_name)
        for region in Region.objects.filter(county=county)[:3]:
            EmployerFactory(county=county, region=region)
            EmployerFactory(county=county, region=region, status=Employer.Status.LEAD)


def test_demo_builds_resource_groups_leads_and_openings_once(pilot_employers):
    demo_openings.seed()
    counts = (ResourceGroup.objects.count(), Lead.objects.count(), JobOpening.objects.count())
    demo_openings.seed()
    assert (ResourceGroup.objects.count(), Lead.objects.count(), JobOpening.objects.count()) == (
        counts
    )
    assert counts[0] == 3
    assert 15 <= counts[1] <= 17
    assert counts[2] == 25


def test_demo_leads_and_openings_are_in_every_state_with_their_history(pilot_employers):
    demo_openings.seed()
    assert set(Lead.objects.values_list("status", flat=True)) == set(Lead.Status.values)
    opening_states = set(JobOpening.objects.values_list("status", flat=True))
    assert opening_states == set(JobOpening.Status.values)
    assert JobOpening.objects.filter(status="open").count() == 18
    for lead in Lead.objects.exclude(status="new"):
        assert history_for(lead).count() >= 2
    accepted = Lead.objects.filter(status="accepted")
    assert all(lead.employer.status == Employer.Status.IN_DIALOGUE for lead in accepted)


def test_demo_gives_the_demo_contact_person_and_project_leader_something_to_do(pilot_employers):
    demo_openings.seed()
    trondelag = Lead.objects.filter(county__name="Trøndelag")
    assert trondelag.filter(status="new", recorded_by__email="prosjektleder@demo.no").exists()
    assert trondelag.filter(status="assigned", assigned_to__email="markedskontakt@demo.no").exists()


def test_demo_adviser_finds_shared_openings_in_their_own_region(demo_people):
    adviser = User.objects.get(email="veileder@demo.no")
    other_regions = Region.objects.filter(county__is_pilot=True).exclude(pk=adviser.region_id)
    for region in list(other_regions) * 2:
        EmployerFactory(county=region.county, region=region)
    # Registered last, so only the demo's preference brings it into the 25 openings.
    EmployerFactory(county=adviser.county, region=adviser.region)
    demo_openings.seed()
    assert JobOpening.objects.visible_to(adviser).open().in_area_of(adviser).exists()


def test_demo_without_employers_creates_no_openings_and_says_so(demo_people):
    summary = demo_openings.seed()
    assert not JobOpening.objects.exists()
    assert "no employers" in summary
    assert Lead.objects.filter(employer__isnull=True).count() == 11


@pytest.mark.slow
def test_seed_demo_runs_the_openings_module(demo_people):
    call_command("seed_demo")
    assert ResourceGroup.objects.count() == 3
