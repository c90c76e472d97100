"""The admin site is branded, speaks Norwegian throughout, and explains every constraint a
form can break in Norwegian instead of naming the database constraint."""

import pytest
from django.urls import reverse

from accounts.models import Role, User

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
