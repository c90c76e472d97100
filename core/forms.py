"""Helpers shared by the apps' forms."""

import datetime
from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

NOTE_MAX_LENGTH = 2000
T = TypeVar("T")


def note_field(label=None, *, required: bool = False, **options) -> forms.CharField:
    """A short free text (a note, a reason, a word to someone): two rows, at most
    NOTE_MAX_LENGTH characters, optional unless `required`."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        **options,
    )


def checkboxes(label, choices, required: bool = False, **options) -> forms.MultipleChoiceField:
    """A choice of several as check boxes, optional unless `required`."""
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        **options,
    )


def choice_filter(label, choices, everything=None, **options) -> forms.ChoiceField:
    """A list filter's select: `everything` (no filter, "Alle" unless named) first, then the
    choices."""
    return forms.ChoiceField(
        label=label,
        choices=[("", everything or _("Alle")), *choices],
        required=False,
        **options,
    )


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


def service_result(form: forms.Form, call: Callable[[], T]) -> T | None:
    """Like service_done, for a service whose result the view needs (the object it created):
    the result, or None when it refused with a ValidationError, which the form then shows."""
    try:
        return call()
    except ValidationError as error:
        add_service_errors(form, error)
        return None


class _PickerInput:
    """The browser's date (or date-and-time) picker, which reads and writes ISO values.

    A picker drops any value that is not ISO, so a rejected "31.02.2026" would come back empty:
    a typed value that is not a date is shown as typed in a text box instead, and a valid date
    typed the Norwegian way ("28.02.2026") is shown in the picker.
    """

    iso_format: str
    input_formats_setting: str
    placeholder: str

    def __init__(self, attrs=None):
        super().__init__(attrs, format=self.iso_format)

    def _as_iso(self, value: str) -> str | None:
        for input_format in [self.iso_format, *formats.get_format(self.input_formats_setting)]:
            try:
                parsed = datetime.datetime.strptime(value.strip(), input_format)
            except ValueError:
                continue
            return parsed.strftime(self.iso_format)
        return None

    def get_context(self, name, value, attrs):
        typed = value if isinstance(value, str) and value.strip() else None
        iso = self._as_iso(typed) if typed else None
        context = super().get_context(name, iso or value, attrs)
        if typed and iso is None:
            context["widget"]["type"] = "text"
            context["widget"]["attrs"].setdefault("placeholder", self.placeholder)
        return context


class DateInput(_PickerInput, forms.DateInput):
    input_type = "date"
    iso_format = "%Y-%m-%d"
    input_formats_setting = "DATE_INPUT_FORMATS"
    placeholder = "dd.mm.åååå"


class DateTimeInput(_PickerInput, forms.DateTimeInput):
    input_type = "datetime-local"
    iso_format = "%Y-%m-%dT%H:%M"
    input_formats_setting = "DATETIME_INPUT_FORMATS"
    placeholder = "dd.mm.åååå tt:mm"


def date_field(label, *, required: bool = True, **options) -> forms.DateField:
    """A date, typed or chosen in the browser's date picker (DateInput)."""
    return forms.DateField(label=label, required=required, widget=DateInput(), **options)
