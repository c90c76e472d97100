"""`make run`: migrate, load demo data the first time, then start web, worker and beat.

Runs inside `vi_inkluderer.embedded`, which provides DATABASE_URL and REDIS_URL, and with
`--app-role` APP_DATABASE_URL: then DATABASE_URL is the tables' owner, who migrates and seeds,
and web, worker and beat serve as the app's role, like production (README: Production).
"""

import os
import sys
from pathlib import Path

import django
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parent.parent


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vi_inkluderer.settings")
    django.setup()
    from accounts.models import User
    from devdata.demo.accounts import DEMO_LOGINS, DEMO_PASSWORD

    prepare_database()
    if not User.objects.exists():
        call_command("seed_demo")

    port = os.environ.get("WEB_PORT", "8000")
    print(f"\n  Vi inkluderer! runs at http://127.0.0.1:{port}/  (Ctrl-C stops everything)")
    print(f"  Demo logins (password for all: {DEMO_PASSWORD}):")
    for email, role in DEMO_LOGINS:
        print(f"    {role:<32} {email}")
    print("  E-mails are written to var/mail/\n", flush=True)

    serve_as_app_role(os.environ)
    venv_bin = str(Path(sys.executable).parent)
    os.environ["PATH"] = venv_bin + os.pathsep + os.environ.get("PATH", "")
    os.chdir(BASE_DIR)
    os.execv(
        os.path.join(venv_bin, "honcho"),
        ["honcho", "--procfile", "Procfile.dev", "start"],
    )


def prepare_database() -> None:
    """As the owner: the cache table first, so that the grants `migrate` ends with
    (vi_inkluderer/dbroles.py) cover it too, then the migrations."""
    call_command("createcachetable")
    call_command("migrate", interactive=False, verbosity=1)


def serve_as_app_role(environ) -> None:
    """The processes started next connect as the app's role when there is one, and are not
    told the owner's."""
    app_database_url = environ.pop("APP_DATABASE_URL", None)
    if app_database_url:
        environ["DATABASE_URL"] = app_database_url


if __name__ == "__main__":
    main()
