"""`make run`: migrate, load demo data the first time, then start web, worker and beat, and print
the address and the demo logins once the web server answers (after the services' start-up lines).

Runs inside `vi_inkluderer.embedded`, which provides DATABASE_URL and REDIS_URL, and with
`--app-role` APP_DATABASE_URL: then DATABASE_URL is the tables' owner, who migrates and seeds,
and web, worker and beat serve as the app's role, like production (README: Production).
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import django
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parent.parent
# The development server prints its warning just after it starts listening.
STARTUP_LINES_DELAY = 1.0


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vi_inkluderer.settings")
    django.setup()
    from accounts.models import User
    from devdata.demo.accounts import DEMO_LOGINS, DEMO_PASSWORD

    prepare_database()
    if not User.objects.exists():
        call_command("seed_demo")

    port = int(os.environ.get("WEB_PORT", "8000"))
    serve_as_app_role(os.environ)
    venv_bin = str(Path(sys.executable).parent)
    os.environ["PATH"] = venv_bin + os.pathsep + os.environ.get("PATH", "")
    os.chdir(BASE_DIR)
    services = subprocess.Popen(
        [os.path.join(venv_bin, "honcho"), "--procfile", "Procfile.dev", "start"]
    )
    # Ctrl-C reaches honcho through the terminal; a SIGTERM (the embedded wrapper's stop) is
    # passed on. Either way honcho stops the services and we wait for it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: services.terminate())
    if web_answers(port, services):
        print(banner(port, DEMO_LOGINS, DEMO_PASSWORD), flush=True)
    sys.exit(services.wait())


def banner(port: int, logins, password: str) -> str:
    lines = [
        "",
        f"  Vi inkluderer! runs at http://127.0.0.1:{port}/  (Ctrl-C stops everything)",
        f"  Demo logins (password for all: {password}):",
        *(f"    {role:<32} {email}" for email, role in logins),
        "  E-mails are written to var/mail/",
        "",
    ]
    return "\n".join(lines)


def web_answers(port: int, services: subprocess.Popen, timeout: float = 180) -> bool:
    """Wait until the development server accepts connections on `port` (and has printed its
    own start-up lines), so the banner is the last thing on screen. False if the services
    stopped or the server did not come up in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and services.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                time.sleep(STARTUP_LINES_DELAY)
                return True
        except OSError:
            time.sleep(0.5)
    return False


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
