import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Role, User

from ..employers.factories import EmployerFactory
from ..factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_and_employer(db):
    contact = user_with_role(Role.CONTACT_PERSON)
    return contact, EmployerFactory(fixed_contact=contact)


def _invite(client, employer, email="leder@hotell.no"):
    return client.post(
        reverse("portal:staff_users", args=[employer.pk]),
        {"email": email, "first_name": "Lene", "last_name": "Leder", "phone": ""},
    )


def test_the_contact_person_invites_an_employer_user_who_sets_a_password(
    client, settings, contact_and_employer, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    contact, employer = contact_and_employer
    client.force_login(contact)
    with django_capture_on_commit_callbacks(execute=True):
        assert _invite(client, employer).status_code == 302
    user = User.objects.get(email="leder@hotell.no")
    assert (user.role, user.employer, user.has_usable_password()) == (
        Role.EMPLOYER_USER,
        employer,
        False,
    )
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    client.logout()
    form_page = client.get(path, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "et-nytt-langt-passord", "password2": "et-nytt-langt-passord"},
    )
    assert client.login(email="leder@hotell.no", password="et-nytt-langt-passord")


def test_an_address_in_use_is_a_form_error_that_keeps_the_input(client, contact_and_employer):
    contact, employer = contact_and_employer
    client.force_login(contact)
    response = _invite(client, employer, email=contact.email)
    page = response.content.decode()
    assert "Det finnes allerede en bruker med denne e-postadressen." in page
    assert 'value="Lene"' in page


def test_another_contact_person_cannot_invite_to_the_employer(client, contact_and_employer):
    _contact, employer = contact_and_employer
    client.force_login(user_with_role(Role.CONTACT_PERSON))
    assert _invite(client, employer).status_code == 404
    assert not User.objects.filter(email="leder@hotell.no").exists()


def test_a_deactivated_user_is_logged_out_at_once(client, contact_and_employer):
    contact, employer = contact_and_employer
    employer_user = user_with_role(Role.EMPLOYER_USER, employer=employer)
    employer_client = client.__class__()
    employer_client.force_login(employer_user)
    assert employer_client.get(reverse("home")).status_code == 200
    client.force_login(contact)
    client.post(reverse("portal:staff_user_deactivate", args=[employer.pk, employer_user.pk]))
    response = employer_client.get(reverse("portal:messages"))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
