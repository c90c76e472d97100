"""`make run`: migrate, load demo data the first time, then start web, worker and beat.

Runs inside `vi_inkluderer.embedded`, which provides DATABASE_URL and REDIS_URL.
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

    call_command("migrate", interactive=False, verbosity=1)
    call_command("createcachetable")
    if not User.objects.exists():
        call_command("seed_demo")

    port = os.environ.get("WEB_PORT", "8000")
    print(f"\n  Vi inkluderer! runs at http://127.0.0.1:{port}/  (Ctrl-C stops everything)")
    print(f"  Demo logins (password for all: {DEMO_PASSWORD}):")
    for email, role in DEMO_LOGINS:
        print(f"    {role:<32} {email}")
    print("  E-mails are written to var/mail/\n", flush=True)

    venv_bin = str(Path(sys.executable).parent)
    os.environ["PATH"] = venv_bin + os.pathsep + os.environ.get("PATH", "")
    os.chdir(BASE_DIR)
    os.execv(
        os.path.join(venv_bin, "honcho"),
        ["honcho", "--procfile", "Procfile.dev", "start"],
    )


if __name__ == "__main__":
    main()
