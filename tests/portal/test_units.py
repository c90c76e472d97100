"""Sub-units: a person granted some of the employer's sub-units picks one to act for, every
page says which, and every portal scope follows the pick: a user granted unit A never reaches
unit B's data, and a forged session value is ignored."""

import pytest
from django.urls import reverse

from accounts.models import Role
from agreements.models import FollowUpMeeting
from candidates.models import ShortlistEntry
from employers.models import JobOpening
from portal.units import SESSION_KEY

from ..employers.factories import EmployerFactory
from ..factories import user_with_role
from .test_isolation import ID_PATTERNS, ID_SOURCES, _employer_with_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(db):
    """A main unit with two sub-units A and B, each with its own data, and a user at the
    main unit granted A only."""
    main, main_user = _employer_with_data()
    unit_a, _user_a = _employer_with_data()
    unit_b, _user_b = _employer_with_data()
    for unit in (unit_a, unit_b):
        unit.parent = main
        unit.save(update_fields=["parent"])
    main_user.employer_units.add(unit_a)
    return main, unit_a, unit_b, main_user


def _act_for(client, unit):
    return client.post(reverse("portal:unit_pick"), {"unit": unit.pk})


def test_the_picker_offers_the_employer_and_the_granted_sub_units_only(client, group):
    main, unit_a, unit_b, user = group
    client.force_login(user)
    page = client.get(reverse("portal:unit_pick")).content.decode()
    assert main.name in page and unit_a.name in page
    assert unit_b.name not in page


def test_every_page_says_which_unit_the_user_acts_for(client, group):
    main, unit_a, _unit_b, user = group
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    assert "Du handler for <strong>" + main.name in page
    assert reverse("portal:unit_pick") in page
    assert _act_for(client, unit_a).status_code == 302
    for name in ("home", "portal:candidates", "portal:needs", "portal:history"):
        page = client.get(reverse(name)).content.decode()
        assert "Du handler for <strong>" + unit_a.name in page, name


def test_a_user_with_one_unit_is_not_offered_a_switch(client, employer_user):
    client.force_login(employer_user)
    page = client.get(reverse("home")).content.decode()
    assert "Du handler for" in page
    assert reverse("portal:unit_pick") not in page


def test_acting_for_a_sub_unit_shows_its_openings_and_not_the_main_units(client, group):
    main, unit_a, _unit_b, user = group
    client.force_login(user)
    _act_for(client, unit_a)
    for opening in JobOpening.objects.filter(employer=unit_a):
        assert client.get(reverse("portal:opening", args=[opening.pk])).status_code == 200
    for opening in JobOpening.objects.filter(employer=main):
        assert client.get(reverse("portal:opening", args=[opening.pk])).status_code == 404


@pytest.mark.parametrize("acting", ["main", "unit_a"])
@pytest.mark.parametrize("pattern", ID_PATTERNS, ids=lambda p: p.name)
def test_a_user_granted_unit_a_reaches_no_id_of_unit_b(client, group, pattern, acting):
    main, unit_a, unit_b, user = group
    client.force_login(user)
    _act_for(client, unit_a if acting == "unit_a" else main)
    (kwarg,) = pattern.pattern.converters
    ids = list(ID_SOURCES[kwarg](unit_b).values_list("pk", flat=True))
    assert ids
    for object_id in ids:
        url = reverse(f"portal:{pattern.name}", kwargs={kwarg: object_id})
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url).status_code == 404, url


def test_picking_a_unit_that_is_not_granted_is_refused(client, group):
    _main, _unit_a, unit_b, user = group
    client.force_login(user)
    response = _act_for(client, unit_b)
    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_a_forged_or_withdrawn_grant_in_the_session_is_ignored(client, group):
    main, unit_a, unit_b, user = group
    client.force_login(user)
    session = client.session
    session[SESSION_KEY] = unit_b.pk
    session.save()
    page = client.get(reverse("home")).content.decode()
    assert "Du handler for <strong>" + main.name in page
    meeting = FollowUpMeeting.objects.filter(agreement__employer=unit_b).first()
    assert client.get(reverse("portal:meeting_ics", args=[meeting.pk])).status_code == 404

    _act_for(client, unit_a)
    user.employer_units.remove(unit_a)
    entry = ShortlistEntry.objects.filter(shortlist__opening__employer=unit_a).first()
    assert client.post(reverse("portal:contact_reveal", args=[entry.pk])).status_code == 404
    assert "Du handler for <strong>" + main.name in client.get(reverse("home")).content.decode()


def test_the_contact_person_grants_sub_units_when_inviting_and_later(client, group):
    main, unit_a, unit_b, user = group
    contact = user_with_role(Role.CONTACT_PERSON)
    main.fixed_contact = contact
    main.save(update_fields=["fixed_contact"])
    client.force_login(contact)
    url = reverse("portal:staff_users", args=[main.pk])
    response = client.post(
        url,
        {"email": "ny@leder.no", "first_name": "Ny", "last_name": "Leder", "units": [unit_b.pk]},
    )
    assert response.status_code == 302
    invited = main.users.get(email="ny@leder.no")
    assert list(invited.employer_units.all()) == [unit_b]

    grant_url = reverse("portal:staff_user_units", args=[main.pk, user.pk])
    field = f"enheter-{user.pk}-units"
    assert client.post(grant_url, {field: [unit_a.pk, unit_b.pk]}).status_code == 302
    assert set(user.employer_units.all()) == {unit_a, unit_b}


def test_only_sub_units_of_the_employer_can_be_granted(client, group):
    main, _unit_a, _unit_b, user = group
    contact = user_with_role(Role.CONTACT_PERSON)
    main.fixed_contact = contact
    main.save(update_fields=["fixed_contact"])
    stranger = EmployerFactory()
    client.force_login(contact)
    grant_url = reverse("portal:staff_user_units", args=[main.pk, user.pk])
    client.post(grant_url, {f"enheter-{user.pk}-units": [stranger.pk]})
    assert stranger not in user.employer_units.all()
    response = client.post(
        reverse("portal:staff_users", args=[main.pk]),
        {"email": "x@y.no", "first_name": "X", "last_name": "Y", "units": [stranger.pk]},
    )
    assert response.status_code == 200
    assert not main.users.filter(email="x@y.no").exists()
