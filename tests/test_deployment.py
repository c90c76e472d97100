"""The deployment files (Dockerfile, .dockerignore, docker-compose.yml, Caddyfile, gunicorn's
settings) and the request limits and headers every page gets (issue 15 item 9)."""

import datetime
import io
import logging
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse
from gunicorn.config import Config

from vi_inkluderer.gunicorn_conf import REDACTED, RedactingLogger

BASE_DIR = settings.BASE_DIR


def _service(name: str) -> str:
    """One service's block of docker-compose.yml (reviewed here, never run: no Docker engine)."""
    compose = (BASE_DIR / "docker-compose.yml").read_text()
    match = re.search(rf"^  {name}:\n((?:    .*\n|\n)+)", compose, re.MULTILINE)
    assert match, f"no service {name!r} in docker-compose.yml"
    return match.group(1)


def test_the_image_leaves_out_the_settings_and_the_local_data():
    ignored = (BASE_DIR / ".dockerignore").read_text().split()
    assert {".env", ".git", ".venv", "var"} <= set(ignored)


def test_only_the_tls_proxy_is_published_and_web_sits_on_its_network():
    web = _service("web")
    assert "ports:" not in web
    assert "- proxy" in web
    for name in ("db", "redis", "worker", "beat"):
        assert "ports:" not in _service(name)
    proxy = _service("proxy")
    assert '"443:443"' in proxy and "- proxy" in proxy
    assert "reverse_proxy web:8000" in (BASE_DIR / "Caddyfile").read_text()


def _setting_in_production(name: str, **extra) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("TRUST_X_FORWARDED_PROTO",)}
    env |= {"DEBUG": "false", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.no", **extra}
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        f"print(getattr(s, {name!r}, None))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "vi_inkluderer.settings"},
        capture_output=True,
        text=True,
        cwd=BASE_DIR,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_x_forwarded_proto_is_trusted_only_when_configured():
    assert _setting_in_production("SECURE_PROXY_SSL_HEADER") == "None"
    assert _setting_in_production("SECURE_PROXY_SSL_HEADER", TRUST_X_FORWARDED_PROTO="true") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )
    assert 'TRUST_X_FORWARDED_PROTO: "true"' in (BASE_DIR / "docker-compose.yml").read_text()


def test_a_client_cannot_claim_https_by_header(rf):
    assert not rf.get("/", HTTP_X_FORWARDED_PROTO="https").is_secure()


def _access_line(path: str, query: str = "", referer: str | None = None) -> str:
    config = Config()
    config.set("accesslog", "-")
    logger = RedactingLogger(config)
    stream = io.StringIO()
    logger.access_log.handlers = [logging.StreamHandler(stream)]
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path + (f"?{query}" if query else ""),
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.2",
        "HTTP_USER_AGENT": "test",
    }
    headers = [("USER-AGENT", "test")]
    if referer is not None:
        environ["HTTP_REFERER"] = referer
        headers.append(("REFERER", referer))
    response = type("Response", (), {"status": "200 OK", "sent": 10, "headers": []})()
    request = type("Request", (), {"headers": headers})()
    logger.access(response, request, environ, datetime.timedelta(milliseconds=5))
    logger.access_log.handlers.clear()
    return stream.getvalue()


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        (
            reverse("candidates:consent_respond", kwargs={"token": "eyJjIjo0Mn0:1tS3cr3t"}),
            "1tS3cr3t",
        ),
        (
            reverse(
                "account_reset_password_from_key", kwargs={"uidb36": "3f", "key": "c9x-0a1b2c3d"}
            ),
            "0a1b2c3d",
        ),
        (reverse("account_confirm_email", kwargs={"key": "MTI:s3cretkey"}), "s3cretkey"),
    ],
    ids=["consent link", "password reset", "e-mail confirmation"],
)
def test_secret_links_do_not_reach_the_access_log(url, secret):
    line = _access_line(url, referer=f"https://vi-inkluderer.example.no{url}")
    assert secret not in line
    assert line.count(REDACTED) == 2  # the request line and the Referer
    assert '"GET ' in line and " 200 " in line


def test_query_strings_keep_their_names_but_not_their_values_in_the_access_log():
    line = _access_line("/kandidater/", query="q=Ola+Nordmann&fnr=01017012345")
    assert "Nordmann" not in line and "01017012345" not in line
    assert "GET /kandidater/?q=-&fnr=- HTTP/1.1" in line


def test_the_image_and_compose_start_gunicorn_with_these_settings():
    assert "python:vi_inkluderer.gunicorn_conf" in (BASE_DIR / "Dockerfile").read_text()
    assert "python:vi_inkluderer.gunicorn_conf" in _service("web")


@pytest.mark.django_db
def test_every_page_switches_off_browser_features_it_does_not_use(client):
    policy = client.get(reverse("account_login"))["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_a_request_body_over_the_limit_is_refused_before_it_is_read(client, settings):
    settings.REQUEST_BODY_MAX_BYTES = 1000
    response = client.post(
        reverse("account_login"), data=b"x" * 1001, content_type="application/octet-stream"
    )
    assert response.status_code == 413
    assert "for stort" in response.content.decode()


def test_the_body_limits_fit_the_signed_agreement_upload():
    assert settings.REQUEST_BODY_MAX_BYTES > settings.AGREEMENT_UPLOAD_MAX_BYTES
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE < settings.REQUEST_BODY_MAX_BYTES
    caddy = re.search(r"max_size (\d+)MiB", (BASE_DIR / "Caddyfile").read_text())
    assert caddy and int(caddy.group(1)) * 2**20 >= settings.REQUEST_BODY_MAX_BYTES


def test_compose_migrates_as_the_owner_and_serves_as_the_apps_role():
    compose = (BASE_DIR / "docker-compose.yml").read_text()
    assert "DATABASE_URL: postgres://vi_app:" in compose
    web = _service("web")
    assert "MIGRATION_DATABASE_URL: postgres://vi:" in web
    migrate = web.split("exec gunicorn")[0]
    assert "DATABASE_URL=$$MIGRATION_DATABASE_URL APP_DATABASE_URL=$$DATABASE_URL" in migrate
    assert "migrate --noinput" in migrate
    for name in ("worker", "beat"):
        assert "MIGRATION_DATABASE_URL" not in _service(name)
