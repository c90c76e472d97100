"""Helpers shared by the apps' views."""

from django.contrib import messages
from django.core.exceptions import ValidationError


def show_errors(request, error: ValidationError) -> None:
    """A service's refusal as error messages on the next page (for actions without a form)."""
    for message in error.messages:
        messages.error(request, message)
