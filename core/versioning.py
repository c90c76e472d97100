"""Edit forms that refuse to overwrite a save made meanwhile.

The form carries a hidden `version`: the row's `updated_at` when the edit began. The service,
with the row locked, calls `check_version(row, version)`, which raises ChangedMeanwhile if
they differ, so nothing is saved; the view then calls `form.start_again_from(stored_row)`,
which shows the form's `changed_meanwhile_message` and makes the next submit count against
the stored version, keeping what the user typed.

    class AgreementForm(VersionedFormMixin, forms.ModelForm): ...   # adds `version`

    saved = save_versioned(
        form,
        agreement,
        lambda version: agreement_update(
            agreement=agreement, actor=user, version=version, **form.cleaned_data
        ),
    )
    if saved:
        return redirect(...)
"""

from collections.abc import Callable

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import service_done


class ChangedMeanwhile(Exception):
    """Someone saved the row after this edit began; nothing was saved."""


def check_version(row, version: str) -> None:
    if version and row.updated_at.isoformat() != version:
        raise ChangedMeanwhile


class StartAgainMixin:
    changed_meanwhile_message = _(
        "Noen andre har lagret endringer mens du redigerte. Sjekk feltene og lagre på nytt "
        "for å beholde dine endringer."
    )

    def start_again_from(self, stored) -> None:
        self.add_error(None, self.changed_meanwhile_message)
        self.data = self.data.copy()
        self.data["version"] = stored.updated_at.isoformat()


class VersionedFormMixin(StartAgainMixin):
    """Adds the hidden `version` of the row being edited: the ModelForm's instance, or the
    `versioned` row given to a plain form."""

    def __init__(self, *args, versioned=None, **kwargs):
        super().__init__(*args, **kwargs)
        row = versioned if versioned is not None else getattr(self, "instance", None)
        if row is not None and row.pk:
            self.fields["version"] = forms.CharField(
                required=False, widget=forms.HiddenInput, initial=row.updated_at.isoformat()
            )


def save_versioned(form: forms.Form, row, save: Callable[[str], object]) -> bool:
    """Call `save(version)` with the version the valid `form` carries (popped from its
    cleaned_data, so the rest can be passed on as they are). True when it saved; False when
    `row` changed meanwhile or the service refused, the form then showing why."""
    version = form.cleaned_data.pop("version", "")
    try:
        return service_done(form, lambda: save(version))
    except ChangedMeanwhile:
        form.start_again_from(type(row).objects.get(pk=row.pk))
        return False
