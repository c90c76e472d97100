"""gunicorn's settings in the image and docker-compose:
`gunicorn vi_inkluderer.wsgi --config python:vi_inkluderer.gunicorn_conf`.

The access log keeps method, path, status and timing but no secrets and no personal data:
the consent link's token, password-reset and e-mail confirmation keys are cut out of paths
(also in the Referer, which repeats them), and query strings keep their parameter names only
(a search may carry a name or a national identity number)."""

import os
import re
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from gunicorn.glogging import Logger

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
accesslog = "-"
logger_class = "vi_inkluderer.gunicorn_conf.RedactingLogger"

REDACTED = "[redacted]"
# Paths whose next segment is a secret: candidates:consent_respond and allauth's
# account_reset_password_from_key and account_confirm_email (tests/test_deployment.py
# checks each against the URLconf).
SECRET_SEGMENT = re.compile(
    r"(/kandidater/samtykke/svar/|/konto/password/reset/key/|/konto/confirm-email/)[^/?#\s]+"
)


def redact_path(path: str) -> str:
    return SECRET_SEGMENT.sub(rf"\g<1>{REDACTED}", path)


def redact_query(query: str) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    return "&".join(f"{name}=-" for name, _value in pairs) if pairs else ""


def redact_url(url: str) -> str:
    """A path with query (the request line) or a full URL (the Referer), without secrets."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=redact_path(parts.path), query=redact_query(parts.query)))


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        method, protocol = environ["REQUEST_METHOD"], environ["SERVER_PROTOCOL"]
        atoms["r"] = f"{method} {redact_url(environ.get('RAW_URI', ''))} {protocol}"
        atoms["U"] = redact_path(environ.get("PATH_INFO", ""))
        atoms["q"] = redact_query(environ.get("QUERY_STRING", ""))
        if "HTTP_REFERER" in environ:
            atoms["f"] = atoms["{referer}i"] = redact_url(environ["HTTP_REFERER"])
        # The environ and request-header atoms repeat the raw path, query and referer.
        for key in ("{raw_uri}e", "{path_info}e", "{query_string}e", "{request_uri}e"):
            atoms.pop(key, None)
        atoms.pop("{http_referer}e", None)
        return atoms
