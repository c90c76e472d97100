"""Helpers shared by the apps' forms."""

from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def service_done(form: forms.Form, call: Callable[[], object]) -> bool:
    """Call a service for a valid form. True when it went through; False when it refused with
    a ValidationError, which the form then shows."""
    try:
        call()
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    return True
