"""Helpers shared by the apps' views."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.http import url_has_allowed_host_and_scheme


def show_errors(request, error: ValidationError) -> None:
    """A service's refusal as error messages on the next page (for actions without a form)."""
    for message in error.messages:
        messages.error(request, message)


def run_action(request, action: Callable[[], object], success: str) -> bool:
    """Call a service for an action without a form: its refusal as error messages, else
    `success` as the success message. True when it succeeded."""
    try:
        action()
    except ValidationError as error:
        show_errors(request, error)
        return False
    messages.success(request, success)
    return True


def back_url(request, fallback: str) -> str:
    """Where the user came from: the form's "neste", else the referrer, if either is on this
    site; otherwise the fallback."""
    for url in (request.POST.get("neste", ""), request.META.get("HTTP_REFERER", "")):
        if url and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return url
    return fallback
