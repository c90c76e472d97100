"""Helpers shared by the apps' views."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from .forms import service_result

M = TypeVar("M", bound=models.Model)


def visible_or_404(model: type[M], user, pk: int, *related: str) -> M:
    """The object `pk` of `model` if `user` may see it (its QuerySet.visible_to), with the
    `related` rows loaded; one the user may not see is a 404, never a 403 that leaks it."""
    objects = model.objects.visible_to(user)
    if related:  # select_related() without names would follow every foreign key
        objects = objects.select_related(*related)
    return get_object_or_404(objects, pk=pk)


def permitted(user, obj: M, may: Callable[[Any, M], bool]) -> M:
    """`obj` when the rule `may(user, obj)` (a permissions.may_* function) allows it; else 403,
    for an object the user may see but not act on this way."""
    if not may(user, obj):
        raise PermissionDenied
    return obj


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


def submit_form(request, form, service: Callable[..., M], **arguments) -> M | None:
    """For a valid form, `service(actor=request.user, **arguments, **form.cleaned_data)`:
    what it saved, or None when the form is invalid or the service refused with a
    ValidationError, which the form then shows."""
    if not form.is_valid():
        return None
    return service_result(
        form, lambda: service(actor=request.user, **arguments, **form.cleaned_data)
    )


def back_url(request, fallback: str) -> str:
    """Where the user came from: the form's "neste", else the referrer, if either is on this
    site; otherwise the fallback."""
    for url in (request.POST.get("neste", ""), request.META.get("HTTP_REFERER", "")):
        if url and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return url
    return fallback
