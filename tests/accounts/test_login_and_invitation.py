import re

import pytest
from django.core import mail

from accounts.models import Role, User
from accounts.services import user_invite
from accounts.validators import clean_orgnr

from ..factories import county, user_with_role


@pytest.mark.django_db
def test_staff_logs_in_with_email_and_password(client):
    user_with_role(Role.ADVISER, email="veileder@example.no", password="et-langt-passord-1")
    response = client.post(
        "/konto/login/", {"login": "Veileder@Example.no", "password": "et-langt-passord-1"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_norwegian_message(client):
    user_with_role(Role.ADVISER, email="veileder@example.no")
    response = client.post("/konto/login/", {"login": "veileder@example.no", "password": "feil"})
    assert response.status_code == 200
    assert "E-postadressen og/eller passordet du oppgav er feil" in response.content.decode()


@pytest.mark.django_db
def test_there_is_no_self_signup(client):
    response = client.post(
        "/konto/signup/",
        {
            "email": "ny@example.no",
            "password1": "et-langt-passord",
            "password2": "et-langt-passord",
        },
    )
    assert not User.objects.filter(email="ny@example.no").exists()
    assert response.status_code in (200, 403)


def test_invited_person_sets_a_password_from_the_email_and_logs_in(
    client, settings, reference_data
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    admin = user_with_role(Role.ADMIN)
    invited = User(email="Ny.Veileder@nav.no", role=Role.ADVISER, county=county("Vestland"))
    user_invite(user=invited, invited_by=admin)

    assert not invited.has_usable_password()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ny.veileder@nav.no"]
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]

    form_page = client.get("/" + path, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else "/" + path,
        {"password1": "et-nytt-langt-passord", "password2": "et-nytt-langt-passord"},
    )
    assert response.status_code == 302
    assert client.login(email="ny.veileder@nav.no", password="et-nytt-langt-passord")


@pytest.mark.django_db
def test_password_reset_sends_a_link_by_email(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    user_with_role(Role.CONTACT_PERSON, email="kontakt@example.no")
    response = client.post("/konto/password/reset/", {"email": "kontakt@example.no"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/konto/password/reset/key/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("typed", "expected"), [("974760673", "974760673"), ("974 760 673", "974760673")]
)
def test_valid_orgnr_is_accepted_with_or_without_spaces(typed, expected):
    assert clean_orgnr(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("974760674", "kontrollsifferet stemmer ikke"),
        ("97476067", "må ha 9 siffer"),
        ("97476067A", "bare inneholde siffer"),
    ],
)
def test_invalid_orgnr_gets_a_clear_norwegian_message(typed, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        clean_orgnr(typed)
    assert message in error.value.messages[0]


@pytest.mark.django_db
def test_provider_staff_without_a_provider_is_refused_by_the_database():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        User.objects.create(email="x@example.no", role=Role.PROVIDER_STAFF)
