"""Sign-in rules fit for special-category data: session time limits, and two-factor login
required for staff."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import resolve
from django.urls.exceptions import Resolver404
from django.utils.translation import gettext as _

from .models import Role

SESSION_STARTED = "session_started_at"
SESSION_LAST_SEEN = "session_last_seen_at"
MFA_CONFIRMED = "mfa_totp_confirmed"
# Writing the session on every request costs a query; a minute is precise enough.
LAST_SEEN_PRECISION_SECONDS = 60


def start_session_clock(session) -> None:
    now = time.time()
    session[SESSION_STARTED] = now
    session[SESSION_LAST_SEEN] = now


@receiver(user_logged_in, dispatch_uid="accounts.start_session_clock")
def _start_clock_at_sign_in(sender, request, **kwargs) -> None:
    # At sign-in, so the first page after it needs no extra session write.
    start_session_clock(request.session)


class SessionLimitsMiddleware:
    """Ends a signed-in session after SESSION_IDLE_SECONDS without a request and after
    SESSION_COOKIE_AGE in all, whatever the browser keeps sending."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            if SESSION_STARTED not in request.session:  # signed in before these limits
                start_session_clock(request.session)
            started = request.session[SESSION_STARTED]
            last_seen = request.session.get(SESSION_LAST_SEEN, now)
            idle = now - last_seen > settings.SESSION_IDLE_SECONDS
            if idle or now - started > settings.SESSION_COOKIE_AGE:
                logout(request)
                messages.info(
                    request, _("Du ble logget ut fordi økten var utløpt. Logg inn igjen.")
                )
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= LAST_SEEN_PRECISION_SECONDS:
                request.session[SESSION_LAST_SEEN] = now
        return self.get_response(request)


def _is_exempt(request) -> bool:
    """Pages a staff user without a second factor may still open: setting one up, signing
    out, and what needs no login."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return True
    name = match.url_name or ""
    exempt = {"account_logout", "account_login", "account_reauthenticate", "healthz"}
    return name.startswith("mfa_") or name in exempt


class RequireStaffMfaMiddleware:
    """allauth has no "MFA required" switch: a staff user without an authenticator app is sent
    to set one up before anything else (employer users are offered it, not forced)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.MFA_REQUIRED_FOR_STAFF
            and user.is_authenticated
            and user.role != Role.EMPLOYER_USER
            and not _is_exempt(request)
            and not _has_totp(request)
        ):
            messages.warning(
                request,
                _(
                    "Du må slå på innlogging med to faktorer (autentiseringsapp) før du kan "
                    "bruke Vi inkluderer!, fordi du har tilgang til sensitive opplysninger."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def _has_totp(request) -> bool:
    """Checked in the database until true, then remembered for the session."""
    from allauth.mfa.models import Authenticator

    if request.session.get(MFA_CONFIRMED):
        return True
    found = Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).exists()
    if found:
        request.session[MFA_CONFIRMED] = True
    return found
