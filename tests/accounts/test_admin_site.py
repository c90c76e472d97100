"""The admin site is branded, speaks Norwegian throughout, and explains every constraint a
form can break in Norwegian instead of naming the database constraint."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.urls import reverse

from accounts.models import Role, User
from tests.project import APPS

pytestmark = pytest.mark.usefixtures("reference_data")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_admin_is_branded_vi_inkluderer(admin_client):
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "Vi inkluderer! administrasjon" in page
    assert "Django" not in page


def test_a_contact_person_without_a_county_gets_a_norwegian_error(admin_client):
    user = User.objects.create_user(email="ny@nav.example.no", password="et-langt-passord-1")
    url = reverse("admin:accounts_user_change", args=[user.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data = {k: v for k, v in data.items() if not isinstance(v, list)}
    data.update(role=Role.CONTACT_PERSON, county="", is_active="on")
    response = admin_client.post(url, data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "må høre til et fylke" in page
    assert "Begrensning" not in page and "user_county_staff_has_county" not in page
    assert "Rett feilen nedenfor." in page
    assert "Please correct" not in page


def _errors(response) -> list[str]:
    return re.findall(r'<ul class="errorlist[^"]*"[^>]*><li>(.*?)</li>', response.content.decode())


def test_allauths_email_constraints_get_norwegian_errors(admin_client):
    first = User.objects.create_user(email="a@nav.example.no", password="et-langt-passord-1")
    second = User.objects.create_user(email="b@nav.example.no", password="et-langt-passord-1")
    EmailAddress.objects.create(user=first, email=first.email, verified=True, primary=True)
    EmailAddress.objects.create(user=second, email=second.email, primary=True)
    url = reverse("admin:account_emailaddress_add")

    taken = admin_client.post(url, {"user": second.pk, "email": first.email, "verified": "on"})
    assert _errors(taken) == ["En annen bruker har allerede bekreftet denne e-postadressen."]
    second_primary = admin_client.post(
        url, {"user": second.pk, "email": "b2@nav.example.no", "primary": "on"}
    )
    assert _errors(second_primary) == [
        "Brukeren har allerede en primær e-postadresse. Bare én kan være primær."
    ]
    for response in (taken, second_primary):
        assert "Begrensning" not in response.content.decode()
    fine = admin_client.post(url, {"user": second.pk, "email": "b2@nav.example.no"})
    assert fine.status_code == 302


def test_a_second_authenticator_of_a_kind_gets_a_norwegian_error(admin_client, admin_user):
    Authenticator.objects.create(user=admin_user, type=Authenticator.Type.TOTP, data={})
    response = admin_client.post(
        reverse("admin:mfa_authenticator_add"),
        {"user": admin_user.pk, "type": Authenticator.Type.TOTP, "data": "{}"},
    )
    assert "Brukeren har allerede en innloggingsmetode av denne typen." in _errors(response)
    page = response.content.decode()
    assert "Begrensning" not in page
    assert "Sist brukt" in page and "Last used" not in page and "Created at" not in page
    listing = admin_client.get(reverse("admin:mfa_authenticator_changelist")).content.decode()
    assert "Sist brukt" in listing and "last used" not in listing.lower()


def test_every_field_the_admin_shows_has_a_norwegian_label():
    """A field without verbose_name shows its English attribute name ("County", "Recipient")."""
    unnamed = [
        f"{model._meta.label}.{field.name}"
        for model in admin.site._registry
        if model._meta.app_label in APPS
        for field in model._meta.get_fields()
        if field.concrete
        and not field.auto_created
        and str(field.verbose_name) == field.name.replace("_", " ")
    ]
    assert unnamed == []
