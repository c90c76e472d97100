"""Sign-in fit for special-category data: two-factor login required for staff in production,
offered to employer users; sessions end after 30 minutes idle and 12 hours in all; failed
logins are limited per account, with the limit kept in PostgreSQL (not Redis)."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.urls import reverse

from accounts.middleware import SESSION_LAST_SEEN, SESSION_STARTED
from accounts.models import Role
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

PASSWORD = "et-langt-passord-1"


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


def _sign_in(client, role):
    """Through the login form, as a person does (allauth then counts the sign-in as recent)."""
    user = user_with_role(role, password=PASSWORD)
    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return user


def _open_after_confirming_password(client, url):
    """Setting up an authenticator asks for the password once more (allauth's reauthentication)."""
    asked = client.get(url)
    assert asked.status_code == 302 and "reauthenticate" in asked["Location"]
    confirmed = client.post(asked["Location"], {"password": PASSWORD})
    assert confirmed.status_code == 302
    return client.get(url)


@pytest.mark.parametrize(
    "role", [role for role in Role if role != Role.EMPLOYER_USER], ids=lambda role: role.value
)
def test_staff_without_an_authenticator_app_must_set_one_up_first(client, mfa_required, role):
    _sign_in(client, role)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    setup = _open_after_confirming_password(client, reverse("mfa_activate_totp"))
    assert setup.status_code == 200
    assert "data:image/svg+xml" in setup.content.decode()  # the QR code, allowed by the CSP


def test_staff_with_an_authenticator_app_get_in(client, mfa_required):
    user = user_with_role(Role.CONTACT_PERSON)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(user)
    assert client.get(reverse("home")).status_code == 200


def test_employer_users_are_offered_two_factor_login_but_not_forced(client, mfa_required):
    _sign_in(client, Role.EMPLOYER_USER)
    assert client.get(reverse("home")).status_code == 200
    assert _open_after_confirming_password(client, reverse("mfa_activate_totp")).status_code == 200


def test_production_settings_require_two_factor_login_for_staff():
    # The test settings run with DEBUG; production reads MFA_REQUIRED_FOR_STAFF=not DEBUG.
    import subprocess
    import sys

    code = "from django.conf import settings; print(settings.MFA_REQUIRED_FOR_STAFF)"
    env = {"DEBUG": "false", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.no"}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**__import__("os").environ, **env, "DJANGO_SETTINGS_MODULE": "vi_inkluderer.settings"},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert result.stdout.strip() == "True", result.stderr


def _session_times(client, *, started_ago: float, last_seen_ago: float) -> None:
    session = client.session
    now = time.time()
    session[SESSION_STARTED] = now - started_ago
    session[SESSION_LAST_SEEN] = now - last_seen_ago
    session.save()


def test_a_session_ends_after_thirty_minutes_without_activity(client):
    client.force_login(user_with_role(Role.ADVISER))
    client.get(reverse("home"))
    _session_times(client, started_ago=40 * 60, last_seen_ago=31 * 60)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_an_active_session_ends_after_twelve_hours(client):
    client.force_login(user_with_role(Role.ADVISER))
    client.get(reverse("home"))
    _session_times(client, started_ago=12 * 3600 + 60, last_seen_ago=60)
    assert client.get(reverse("home")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_an_active_session_within_its_limits_goes_on(client):
    client.force_login(user_with_role(Role.ADVISER))
    client.get(reverse("home"))
    _session_times(client, started_ago=11 * 3600, last_seen_ago=29 * 60)
    assert client.get(reverse("home")).status_code == 200


def test_the_session_cookie_lives_twelve_hours_at_most():
    assert settings.SESSION_COOKIE_AGE == 12 * 3600
    assert settings.SESSION_IDLE_SECONDS == 30 * 60


def test_failed_logins_lock_the_account_even_with_the_right_password(client):
    user_with_role(Role.ADVISER, email="veileder@example.no", password=PASSWORD)
    for _attempt in range(5):
        client.post("/konto/login/", {"login": "veileder@example.no", "password": "feil"})
    response = client.post("/konto/login/", {"login": "veileder@example.no", "password": PASSWORD})
    assert response.status_code != 302
    assert "_auth_user_id" not in client.session


def test_the_login_limits_are_kept_in_postgresql_so_a_redis_outage_does_not_lift_them():
    assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    assert "redis" not in settings.CACHES["default"]["BACKEND"].lower()


def test_passwords_need_at_least_twelve_characters():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("kort-pass-1")
    validate_password("et-langt-passord-1")


def test_the_admin_login_page_sends_people_to_the_apps_sign_in(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=%2Fadmin%2F" in response["Location"]


def test_an_account_locked_at_the_app_login_cannot_sign_in_through_the_admin_login(client):
    user_with_role(Role.ADMIN, email="admin@example.no", password=PASSWORD)
    for _attempt in range(5):
        client.post("/konto/login/", {"login": "admin@example.no", "password": "feil"})
    for _attempt in range(10):
        client.post("/admin/login/", {"username": "admin@example.no", "password": "feil"})
    client.post("/admin/login/", {"username": "admin@example.no", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_administrators_reach_the_admin_site_after_the_apps_sign_in(client):
    _sign_in(client, Role.ADMIN)
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def _compose_trusted_proxy_count() -> int:
    """The count docker-compose gives the app: it runs exactly one proxy in front of web."""
    compose = (settings.BASE_DIR / "docker-compose.yml").read_text()
    match = re.search(
        r"ALLAUTH_TRUSTED_PROXY_COUNT: \$\{ALLAUTH_TRUSTED_PROXY_COUNT:-(\d+)\}", compose
    )
    assert match, "docker-compose.yml does not set ALLAUTH_TRUSTED_PROXY_COUNT"
    return int(match.group(1))


def test_two_clients_behind_the_proxy_are_limited_each_on_their_own(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = _compose_trusted_proxy_count()
    user_with_role(Role.ADVISER, email="veileder@example.no", password=PASSWORD)
    # Both reach the app through the same proxy (REMOTE_ADDR), which appends each client's own
    # address to X-Forwarded-For. The first fails ten times (other accounts) and is locked out.
    attacker = {"REMOTE_ADDR": "172.18.0.5", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    for attempt in range(11):
        client.post(
            "/konto/login/", {"login": f"x{attempt}@example.no", "password": "feil"}, **attacker
        )
    locked = client.post(
        "/konto/login/", {"login": "veileder@example.no", "password": PASSWORD}, **attacker
    )
    assert locked.status_code != 302 and "_auth_user_id" not in client.session
    other = {"REMOTE_ADDR": "172.18.0.5", "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    response = client.post(
        "/konto/login/", {"login": "veileder@example.no", "password": PASSWORD}, **other
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_the_trusted_proxy_count_comes_from_the_environment_and_trusts_no_proxy_by_default():
    import os
    import subprocess
    import sys

    code = "from django.conf import settings as s; print(s.ALLAUTH_TRUSTED_PROXY_COUNT)"
    counts = []
    for extra in ({}, {"ALLAUTH_TRUSTED_PROXY_COUNT": "2"}):
        env = {k: v for k, v in os.environ.items() if k != "ALLAUTH_TRUSTED_PROXY_COUNT"}
        result = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"],
            env={**env, **extra, "DJANGO_SETTINGS_MODULE": "vi_inkluderer.settings"},
            capture_output=True,
            text=True,
            cwd=settings.BASE_DIR,
        )
        counts.append(result.stdout.strip())
    assert counts == ["0", "2"]
