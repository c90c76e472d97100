import datetime

import pytest
from django.utils import timezone

from accounts.models import CANDIDATE_OWNER_ROLES, Role
from candidates.services.shortlist import shortlist_for
from notifications.models import Notification
from notifications.services import notification_create

from .candidates.factories import CandidateFactory, ConsentRequestFactory, ShortlistEntryFactory
from .employers.factories import EmployerFactory, JobOpeningFactory
from .factories import RegionFactory, user_with_role


def _fill_pipeline_sections(user):
    """Rows for the pipeline sections, so their queries are counted with something to show."""
    if user.role in CANDIDATE_OWNER_ROLES:
        for _ in range(3):
            ConsentRequestFactory(entry__candidate=CandidateFactory(owner=user))
    if user.role == Role.CONTACT_PERSON:
        for _ in range(3):
            ShortlistEntryFactory(shortlist=shortlist_for(JobOpeningFactory(recorded_by=user)))


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(Role))
def test_every_role_gets_a_home_page_with_bounded_queries(
    client, role, django_assert_max_num_queries
):
    user = user_with_role(role)
    for n in range(10):
        notification_create(recipient=user, title=f"Varsel {n}", send_email=False)
    _fill_pipeline_sections(user)
    client.force_login(user)
    # 13 before the pipeline and agreement sections; the pipeline sections add at most 2
    # (owners: their entries and the audit insert for the names shown; contact persons: the
    # proposals), the agreements' follow-ups 1.
    with django_assert_max_num_queries(16):
        response = client.get("/")
    assert response.status_code == 200
    assert "Varsel 9" in response.content.decode()


@pytest.mark.django_db
def test_project_leader_sees_regions_without_a_contact_person(client):
    leader = user_with_role(Role.PROJECT_LEADER)
    staffed = RegionFactory(county=leader.county, name="Sentrum")
    RegionFactory(county=leader.county, name="Utkanten")
    user_with_role(Role.CONTACT_PERSON, county=leader.county, region=staffed)
    client.force_login(leader)
    html = client.get("/").content.decode()
    assert "Utkanten" in html
    assert html.count('class="table-warning"') == 1


@pytest.mark.django_db
def test_employer_user_sees_their_own_fixed_contact(client):
    contact = user_with_role(Role.CONTACT_PERSON, first_name="Kari", last_name="Fast")
    employer = EmployerFactory(fixed_contact=contact)
    other = EmployerFactory(fixed_contact=user_with_role(Role.CONTACT_PERSON, first_name="Ola"))
    client.force_login(user_with_role(Role.EMPLOYER_USER, employer=employer))
    html = client.get("/").content.decode()
    assert "Kari Fast" in html
    assert employer.orgnr in html
    assert other.orgnr not in html


@pytest.mark.django_db
def test_admin_sees_invitations_that_were_not_taken_into_use(client):
    from accounts.models import User
    from accounts.services import user_invite

    from .factories import county

    user_invite(
        user=User(
            email="ny@nav.no", first_name="Nina", last_name="Ny", role=Role.ADVISER, county=county()
        ),
        invited_by=None,
    )
    user_with_role(Role.ADVISER, first_name="Per", last_name="Passord")
    client.force_login(user_with_role(Role.ADMIN))
    html = client.get("/").content.decode()
    assert "Nina Ny" in html
    assert "Per Passord" not in html


@pytest.mark.django_db
def test_a_new_notification_reads_as_seconds_ago_not_zero_minutes(client):
    user = user_with_role(Role.CONTACT_PERSON)
    notification = notification_create(recipient=user, title="Ny kandidat", send_email=False)
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - datetime.timedelta(seconds=20)
    )
    client.force_login(user)
    page = client.get("/").content.decode()
    assert "sekunder siden" in page
    assert "0 minutter" not in page


@pytest.mark.django_db
def test_pilot_county_staff_counts_are_not_multiplied_by_the_number_of_regions():
    from accounts.models import County
    from vi_inkluderer.home import _county_staff, _pilot_counties

    oslo = County.objects.get(name="Oslo")
    regions = [RegionFactory(county=oslo, name=f"Bydel {n}") for n in range(3)]
    for _ in range(2):
        user_with_role(Role.CONTACT_PERSON, county=oslo, region=regions[0])
    user_with_role(Role.ADVISER, county=oslo, region=regions[0])

    counties = {
        c.name: c for c in _pilot_counties(user_with_role(Role.NATIONAL_READER)).context["counties"]
    }
    assert (counties["Oslo"].contact_persons, counties["Oslo"].advisers) == (2, 1)
    assert counties["Oslo"].regions_count == 3
    leader = user_with_role(Role.PROJECT_LEADER, county=oslo)
    by_region = {r.name: r for r in _county_staff(leader).context["regions"]}
    assert (by_region["Bydel 0"].contact_persons, by_region["Bydel 0"].advisers) == (2, 1)
