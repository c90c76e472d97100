"""One settings module, configured from the environment (see README: Configuration).

Defaults are safe for production; development and tests switch them off explicitly
(`DEBUG=true`, set by `make run` and `make test`).
"""

import os
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# Read as it is: django-environ would take a key starting with "$" (Django's own key generator
# makes those) for a reference to another variable and silently use that instead.
SECRET_KEY = os.environ.get(
    "SECRET_KEY", "development-only-secret-key-never-use-in-production" if DEBUG else None
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
CSRF_FAILURE_VIEW = "vi_inkluderer.views.csrf_failure"
# Links in e-mails and calendar invitations. `make run` serves on WEB_PORT (default 8000), so
# in development the default follows it.
WEB_PORT = env.int("WEB_PORT", default=8000)
SITE_URL = env.str("SITE_URL", default=f"http://127.0.0.1:{WEB_PORT}").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "django_htmx",
    "csp",
    "vi_inkluderer",
    "core",
    "accounts",
    "notifications",
    "employers",
    "agreements",
    "candidates",
    "competence_paths",
    "dashboards",
    "portal",
    "devdata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "vi_inkluderer.security.RequestBodyLimitMiddleware",
    "vi_inkluderer.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.RejectNulBytesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.OutboxNoticeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SessionLimitsMiddleware",
    "accounts.middleware.RequireStaffMfaMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.units.ActingUnitMiddleware",
    "accounts.access.AccessRuleMiddleware",
    "vi_inkluderer.nostore.NoStoreMiddleware",
]

ROOT_URLCONF = "vi_inkluderer.urls"
WSGI_APPLICATION = "vi_inkluderer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "vi_inkluderer.context_processors.navigation",
                "notifications.context_processors.unread_notifications",
                "portal.units.acting_unit",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Production serves as a role that does not own the tables (README: Production). A command run
# as the owner (migrate, createcachetable, restore) is told that role by APP_DATABASE_URL and
# grants it what it may do (vi_inkluderer/dbroles.py).
APP_DATABASE = env.db("APP_DATABASE_URL") if "APP_DATABASE_URL" in env else None
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache (rate limits, throttles) lives in PostgreSQL, like sessions: a Redis outage must
# not log anybody out or stop the web app. Redis is only the Celery broker.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Special-category data: a session ends after 30 minutes without activity and after 12 hours
# in all (accounts.middleware.SessionLimitsMiddleware); the cookie lives no longer than that.
SESSION_IDLE_SECONDS = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_COOKIE_AGE = 12 * 60 * 60

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Two-factor login by authenticator app (TOTP) with recovery codes. Staff (everyone but
# employer users) must set it up in production; employer users are offered it.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Vi inkluderer!"
MFA_REQUIRED_FOR_STAFF = env.bool("MFA_REQUIRED_FOR_STAFF", default=not DEBUG)
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
# Staff e-mail addresses are entered by an administrator, so they need no verification round.
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Vi inkluderer!] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"

# Every user gets bokmål, whatever their browser asks for: our own strings are written in
# bokmål (they are the msgids), so an English UI needs an `en` catalogue first
# (docs/architecture.md, "Language").
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norsk bokmål"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["vi_inkluderer.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
MEDIA_URL = "/media/"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: EMAIL_URL (smtp://user:password@host:587/?tls=True) in production; in development
# every message is written as a file under var/mail/ so it can be read without an SMTP server.
if "EMAIL_URL" in env:
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env.path("EMAIL_FILE_PATH", default=VAR_DIR / "mail")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Vi inkluderer! <ikke-svar@nav.no>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

REDIS_URL = env.str("REDIS_URL")
CELERY_BROKER_URL = REDIS_URL
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker keeps reconnecting to a Redis that is gone for hours (the default gives up after
# about 46 minutes and, under `make run`, takes the whole stack down with it).
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# A frozen Redis must not hold a web request: connecting and each socket operation time out
# after 1.5 s, so a publish gives up within 2 s (a timeout is not tried again; a refused
# connection is, once, after at most 0.5 s). It stays above kombu's 1 s BRPOP timeout, which
# a worker's idle read of the queue must not hit.
BROKER_TIMEOUT_SECONDS = 1.5
CELERY_BROKER_CONNECTION_TIMEOUT = BROKER_TIMEOUT_SECONDS
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 0.5,
}
# An unacknowledged task (its worker was killed) returns to the queue after this long. It must
# be longer than the longest task (CELERY_TASK_TIME_LIMIT) and than any retry countdown, or a
# task still running or still waiting for its retry would be handed out twice.
CELERY_VISIBILITY_TIMEOUT_SECONDS = 15 * 60
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": BROKER_TIMEOUT_SECONDS,
    "socket_timeout": BROKER_TIMEOUT_SECONDS,
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT_SECONDS,
}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = 5 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 4 * 60
# A task is acknowledged only when it finished, so a worker that dies mid-run leaves it for
# another worker; every task is idempotent for that reason.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1


def _daily(task: str, *, at: str) -> dict:
    """A beat entry running `task` every day at `at` ("07:05", CELERY_TIMEZONE's clock)."""
    hour, minute = at.split(":")
    return {"task": task, "schedule": crontab(hour=int(hour), minute=int(minute))}


CELERY_BEAT_SCHEDULE = {
    # Tasks a broker outage left in the transactional outbox (core.outbox) go out again.
    "core-flush-outbox": {
        "task": "core.tasks.flush_outbox",
        "schedule": 60.0,
    },
    # Every morning (CELERY_TIMEZONE is Europe/Oslo): e-mail owners of tasks due today.
    "employers-task-reminders": _daily("employers.tasks.send_due_task_reminders", at="07:00"),
    # Follow-up meetings: reminders in the morning, the rolling plan kept 12 months ahead.
    "agreements-reminders": _daily("agreements.tasks.send_agreement_reminders", at="07:05"),
    "agreements-extend-plans": _daily("agreements.tasks.extend_meeting_plans", at="02:30"),
    # Competence paths: statuses that follow dates at night, reminders in the morning.
    "competence-paths-move-by-date": _daily(
        "competence_paths.tasks.move_path_statuses_by_date", at="01:15"
    ),
    "competence-paths-reminders": _daily("competence_paths.tasks.send_path_reminders", at="07:10"),
    # Consent links expire at the sender's deadline; the owner hears about it within minutes.
    "candidates-expire-consent-requests": {
        "task": "candidates.tasks_consent.expire_consent_requests",
        "schedule": crontab(minute="*/15"),
    },
    # A presented CV leaves the employer's view six months after the presentation.
    "candidates-expire-employer-presentations": _daily(
        "candidates.tasks.expire_employer_presentations", at="03:15"
    ),
}
# Dashboard figures that took longer than this to compute are kept this long (dashboards.kept).
DASHBOARD_KEEP_SLOWER_THAN_MS = env.int("DASHBOARD_KEEP_SLOWER_THAN_MS", default=200)
DASHBOARD_KEEP_SECONDS = env.int("DASHBOARD_KEEP_SECONDS", default=5 * 60)
# Signed agreement copies (PDF) may be at most this large.
AGREEMENT_UPLOAD_MAX_BYTES = env.int("AGREEMENT_UPLOAD_MAX_BYTES", default=10 * 2**20)
# Request bodies: the form fields without files at most DATA_UPLOAD_MAX_MEMORY_SIZE (Django's
# check), the whole body at most the largest upload plus that (vi_inkluderer.security; the
# proxy's own cap in Caddyfile is a little higher, so the app's page explains the refusal).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 2**20)
REQUEST_BODY_MAX_BYTES = AGREEMENT_UPLOAD_MAX_BYTES + DATA_UPLOAD_MAX_MEMORY_SIZE

# Security: production values by default, checked by `manage.py check --deploy` in the tests.
# Headers set by the TLS proxy in front (docker-compose's "proxy", README: Production) are
# trusted only when configured so, as anyone who reaches the app directly can send them.
# X-Forwarded-Proto: https marks a request as secure only with TRUST_X_FORWARDED_PROTO.
if env.bool("TRUST_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# allauth's login limits per address take the client from X-Forwarded-For: the entry this many
# proxies from the end (docker-compose's one proxy: 1). 0 uses the connection's own address,
# which a client cannot forge but which is the proxy's for everyone behind one.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Health checks come from inside the container network over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Browser features no page uses are switched off for every page (Permissions-Policy).
PERMISSIONS_POLICY = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "usb",
    "xr-spatial-tracking",
]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # fontTools logs every glyph it subsets while fpdf2 writes an agreement PDF.
    "loggers": {"fontTools": {"level": "WARNING"}},
}

# Optional lookup in the public Enhetsregisteret (employers/brreg.py); off by default.
BRREG_ENABLED = env.bool("BRREG_ENABLED", default=False)
BRREG_URL = env.str("BRREG_URL", default="https://data.brreg.no").rstrip("/")
BRREG_TIMEOUT = env.float("BRREG_TIMEOUT", default=3.0)
