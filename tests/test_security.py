import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management.utils import get_random_secret_key
from django.urls import reverse

from accounts.models import Role

from .candidates.factories import CandidateFactory
from .factories import user_with_role


def test_production_settings_pass_the_deploy_check():
    # The browser tests allow sync database access from an event loop; production never does.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {
        "DEBUG": "false",
        # Django's generator, whose keys may start with "$" (once failed CI through
        # django-environ's "$VAR" interpolation; settings read the key as it is).
        "SECRET_KEY": "$" + get_random_secret_key(),
        "ALLOWED_HOSTS": "vi-inkluderer.example.no",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_scripts(client):
    client.force_login(user_with_role(Role.ADVISER))
    policy = client.get("/")["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'self'" in script_src
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_post_without_csrf_token_is_refused(contact_person):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(contact_person)
    assert client.post("/varsler/merk-alle-lest/").status_code == 403


def test_sessions_and_cache_do_not_depend_on_redis():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert "redis" not in settings.CACHES["default"]["BACKEND"].lower()


@pytest.mark.django_db
def test_unknown_page_shows_the_norwegian_404_page(client, contact_person):
    client.force_login(contact_person)
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    assert "Fant ikke siden" in response.content.decode()


def test_server_error_page_renders_without_a_database_or_request_context(rf):
    from vi_inkluderer.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Noe gikk galt hos oss" in response.content.decode()


@pytest.mark.django_db
def test_forbidden_page_is_in_norwegian(client, monkeypatch):
    from accounts.access import RULES, only

    monkeypatch.setitem(RULES, "notifications:list", only(Role.ADMIN))
    client.force_login(user_with_role(Role.EMPLOYER_USER))
    response = client.get("/varsler/")
    assert response.status_code == 403
    assert "Du har ikke tilgang til denne siden" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["candidates:list", "candidates:export", "home"])
def test_pages_with_personal_data_are_not_stored_by_browsers_or_proxies(client, name):
    owner = user_with_role(Role.ADVISER)
    candidate = CandidateFactory(owner=owner)
    client.force_login(owner)
    for url in (reverse(name), reverse("candidates:detail", args=[candidate.pk])):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
