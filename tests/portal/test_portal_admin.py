"""The employer's own portal administrator: named by the contact person, invites colleagues
and deactivates them from the portal (logged out at once); nobody else at the employer can."""

import pytest
from django.urls import reverse

from accounts.models import Role, User

from ..employers.factories import EmployerFactory
from ..factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    contact = user_with_role(Role.CONTACT_PERSON)
    employer = EmployerFactory(fixed_contact=contact)
    admin = user_with_role(Role.EMPLOYER_USER, employer=employer)
    colleague = user_with_role(Role.EMPLOYER_USER, employer=employer)
    return contact, employer, admin, colleague


def _make_admin(client, contact, employer, person, admin="1"):
    client.force_login(contact)
    url = reverse("portal:staff_user_admin", args=[employer.pk, person.pk])
    return client.post(url, {"admin": admin})


def test_the_contact_person_names_and_stops_the_portal_administrator(client, people):
    contact, employer, admin, _colleague = people
    assert _make_admin(client, contact, employer, admin).status_code == 302
    admin.refresh_from_db()
    assert admin.is_employer_admin
    _make_admin(client, contact, employer, admin, admin="0")
    admin.refresh_from_db()
    assert not admin.is_employer_admin


def test_the_administrator_invites_a_colleague_who_is_not_an_administrator(
    client, people, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    contact, employer, admin, _colleague = people
    _make_admin(client, contact, employer, admin)
    client.force_login(admin)
    assert "Brukere i portalen" in client.get(reverse("home")).content.decode()
    data = {"email": "ny@bedrift.no", "first_name": "Nora", "last_name": "Ny", "phone": ""}
    data["is_employer_admin"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("portal:users"), data).status_code == 302
    invited = User.objects.get(email="ny@bedrift.no")
    assert (invited.employer, invited.role, invited.is_employer_admin) == (
        employer,
        Role.EMPLOYER_USER,
        False,
    )


def test_the_administrator_deactivates_a_colleague_who_is_logged_out_at_once(client, people):
    contact, employer, admin, colleague = people
    _make_admin(client, contact, employer, admin)
    colleague_client = client.__class__()
    colleague_client.force_login(colleague)
    assert colleague_client.get(reverse("home")).status_code == 200
    client.force_login(admin)
    response = client.post(reverse("portal:user_deactivate", args=[colleague.pk]))
    assert response.status_code == 302
    colleague.refresh_from_db()
    assert not colleague.is_active
    response = colleague_client.get(reverse("portal:messages"))
    assert response["Location"].startswith("/konto/login/")


def test_the_administrator_cannot_deactivate_themselves(client, people):
    contact, employer, admin, _colleague = people
    _make_admin(client, contact, employer, admin)
    client.force_login(admin)
    assert client.post(reverse("portal:user_deactivate", args=[admin.pk])).status_code == 404
    admin.refresh_from_db()
    assert admin.is_active


def test_a_user_who_is_not_administrator_gets_404_and_no_menu_link(client, people):
    _contact, _employer, _admin, colleague = people
    client.force_login(colleague)
    assert reverse("portal:users") not in client.get(reverse("home")).content.decode()
    assert client.get(reverse("portal:users")).status_code == 404
    other = user_with_role(Role.EMPLOYER_USER, employer=colleague.employer)
    assert client.post(reverse("portal:user_deactivate", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.is_active


def test_an_administrator_cannot_reach_another_employers_users(client, people):
    contact, employer, admin, _colleague = people
    _make_admin(client, contact, employer, admin)
    stranger = user_with_role(Role.EMPLOYER_USER, employer=EmployerFactory())
    client.force_login(admin)
    assert client.post(reverse("portal:user_deactivate", args=[stranger.pk])).status_code == 404
    assert stranger.email not in client.get(reverse("portal:users")).content.decode()
    stranger.refresh_from_db()
    assert stranger.is_active


def test_the_administrator_passes_on_only_the_sub_units_they_have(client, people):
    contact, employer, admin, _colleague = people
    own_unit = EmployerFactory(parent=employer)
    other_unit = EmployerFactory(parent=employer)
    admin.employer_units.add(own_unit)
    _make_admin(client, contact, employer, admin)
    client.force_login(admin)
    page = client.get(reverse("portal:users")).content.decode()
    assert own_unit.name in page and other_unit.name not in page
    data = {"email": "a@b.no", "first_name": "A", "last_name": "B", "units": [other_unit.pk]}
    assert client.post(reverse("portal:users"), data).status_code == 200
    data = {**data, "units": [own_unit.pk]}
    assert client.post(reverse("portal:users"), data).status_code == 302
    assert list(User.objects.get(email="a@b.no").employer_units.all()) == [own_unit]
