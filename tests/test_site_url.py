"""Links in e-mails and calendar invitations point at the port the app runs on."""

import os
import subprocess
import sys

from django.conf import settings


def _setting(name: str, **environment) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "WEB_PORT")}
    code = (
        f"import django; django.setup(); from django.conf import settings; print(settings.{name})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**env, **environment, "DJANGO_SETTINGS_MODULE": "vi_inkluderer.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_site_url_follows_web_port_in_development():
    assert _setting("SITE_URL", DEBUG="true", WEB_PORT="8102") == "http://127.0.0.1:8102"


def test_an_explicit_site_url_wins():
    assert (
        _setting("SITE_URL", DEBUG="true", WEB_PORT="8102", SITE_URL="https://vi.nav.no/")
        == "https://vi.nav.no"
    )
