"""The contact side's "Mine kandidatlister" page and the navigation item that holds the
shortlist pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import County, Role
from candidates.models import ShortlistEntry, Step
from candidates.services.shortlist import shortlist_for
from tests.pages import current_menu_items, home_section

from ..employers.factories import EmployerFactory, JobOpeningFactory
from ..factories import user_with_role
from .factories import ShortlistEntryFactory

URL = reverse("candidates:shortlist_overview")
LAST_NAME = "Personvernsen"


def _list_with(steps, **opening_fields):
    shortlist = shortlist_for(JobOpeningFactory(**opening_fields))
    for step in steps:
        ShortlistEntryFactory(shortlist=shortlist, step=step, candidate__last_name=LAST_NAME)
    return shortlist


def _rows(response):
    return [shortlist for shortlist, _counts in response.context["rows"]]


@pytest.mark.django_db
def test_contact_person_sees_the_lists_of_their_county_with_counts_per_step_group(client):
    busy = _list_with(
        [Step.PROPOSED, Step.PROPOSED, Step.CONSENT_REQUESTED, Step.PRESENTED, Step.HIRED]
    )
    ShortlistEntryFactory(shortlist=busy, step=Step.ASSESSING, archived_at=timezone.now())
    elsewhere = _list_with(
        [Step.PROPOSED],
        employer=EmployerFactory(county=County.objects.get(name="Vestland")),
        title="Sveiser i Bergen",
    )
    contact = user_with_role(Role.CONTACT_PERSON)  # Oslo, like the busy list's employer
    client.force_login(contact)
    response = client.get(URL)
    assert _rows(response) == [busy]
    counts = dict(response.context["rows"][0][1])
    assert counts == {
        "Foreslått": 2,
        "Vurderes": 0,
        "Samtykke": 1,
        "Hos arbeidsgiver": 1,
        "Ansatt": 1,
    }
    html = response.content.decode()
    assert busy.opening.title in html and elsewhere.opening.title not in html
    # Counts only: no candidate's name on this page.
    assert LAST_NAME not in html


@pytest.mark.django_db
def test_filters_open_closed_and_new_proposals_newest_activity_first(client):
    quiet = _list_with([Step.ASSESSING])
    fresh = _list_with([Step.PROPOSED])
    closed = _list_with([Step.HIRED])
    closed.closed_at = timezone.now()
    closed.save()
    ShortlistEntry.objects.filter(shortlist=quiet).update(
        updated_at=timezone.now() - datetime.timedelta(days=3)
    )
    client.force_login(user_with_role(Role.CONTACT_PERSON))
    assert _rows(client.get(URL)) == [fresh, quiet]
    assert _rows(client.get(URL, {"status": "lukkede"})) == [closed]
    assert _rows(client.get(URL, {"status": "alle"})) == [closed, fresh, quiet]
    assert _rows(client.get(URL, {"nye": "on"})) == [fresh]
    empty = client.get(URL, {"status": "lukkede", "nye": "on"}).content.decode()
    assert "Ingen kandidatlister passer filteret" in empty


@pytest.mark.django_db
def test_one_query_for_the_list_whatever_its_length(client, django_assert_max_num_queries):
    admin = user_with_role(Role.ADMIN)
    client.force_login(admin)
    counts = []
    for lists in (2, 12):
        while len(counts) < lists:
            counts.append(_list_with([Step.PROPOSED, Step.PRESENTED]))
        # session, user, unread notifications (menu), paginator count, the list
        with django_assert_max_num_queries(5):
            response = client.get(URL)
        assert response.context["page"].paginator.count == lists


@pytest.mark.django_db
def test_pages_of_twenty_five(client):
    for _ in range(27):
        shortlist_for(JobOpeningFactory())
    client.force_login(user_with_role(Role.ADMIN))
    assert len(_rows(client.get(URL))) == 25
    assert len(_rows(client.get(URL, {"side": 2}))) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ADVISER, Role.PROVIDER_STAFF, Role.PROJECT_LEADER])
def test_only_the_contact_side_has_the_overview(client, role):
    client.force_login(user_with_role(role))
    assert client.get(URL).status_code == 403


@pytest.mark.django_db
def test_a_shortlist_belongs_to_the_overview_for_contact_persons_and_to_shared_openings_for_owners(
    client,
):
    entry = ShortlistEntryFactory(step=Step.PROPOSED)
    opening = entry.shortlist.opening
    shortlist_url = reverse("candidates:shortlist", args=[opening.pk])
    overview_crumb = f'<li class="breadcrumb-item"><a href="{URL}">Mine kandidatlister</a></li>'
    client.force_login(opening.recorded_by)
    response = client.get(shortlist_url)
    assert current_menu_items(response) == ["Mine kandidatlister"]
    assert overview_crumb in response.content.decode()
    assert current_menu_items(client.get(URL)) == ["Mine kandidatlister"]
    client.force_login(entry.candidate.owner)
    response = client.get(shortlist_url)
    assert current_menu_items(response) == ["Delte stillinger"]
    assert overview_crumb not in response.content.decode()
    assert f'<a href="{reverse("employers:shared_openings")}">Delte stillinger</a>' in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_the_contact_persons_own_additions_are_no_new_proposals_as_on_the_home_page(client):
    shortlist = shortlist_for(JobOpeningFactory())
    contact = shortlist.opening.recorded_by
    adviser = user_with_role(Role.ADVISER)
    ShortlistEntryFactory(shortlist=shortlist, step=Step.PROPOSED, added_by=contact)
    ShortlistEntryFactory(shortlist=shortlist, step=Step.PROPOSED, added_by=contact)
    ShortlistEntryFactory(shortlist=shortlist, step=Step.PROPOSED, added_by=adviser)
    ShortlistEntryFactory(
        shortlist=shortlist, step=Step.PROPOSED, added_by=user_with_role(Role.ADVISER)
    )
    client.force_login(contact)
    counts = dict(client.get(URL).context["rows"][0][1])
    home = client.get("/")
    section = home_section(home, "new_proposals")
    assert counts["Foreslått"] == len(section.context["entries"]) == 2
    assert [row for row, _counts in client.get(URL, {"nye": "on"}).context["rows"]] == [shortlist]
