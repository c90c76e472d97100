from collections.abc import Iterable
from urllib.parse import urlencode

from django import forms
from django.forms.models import ModelChoiceIterator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..models import Occupation


def group_by_major_group(occupations: Iterable[Occupation]) -> list[tuple[str, list[Occupation]]]:
    """Unit groups under the names of their major groups ("7 Håndverkere"), in code order."""
    major_names = dict(Occupation.objects.major_groups().values_list("code", "name"))
    groups: dict[str, list[Occupation]] = {}
    for occupation in occupations:
        groups.setdefault(occupation.major_group_code, []).append(occupation)
    return [(f"{code} {major_names[code]}", members) for code, members in groups.items()]


class OccupationPicker(forms.Select):
    """A plain select grouped by major group; with JavaScript a search box above it narrows
    the options as you type (htmx asks employers:occupation_search for new options)."""

    template_name = "employers/widgets/occupation_picker.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        select_id = context["widget"]["attrs"].get("id", f"id_{name}")
        status_id = f"{select_id}-status"
        query = urlencode({"felt": name, "status": status_id})
        context["widget"].update(
            select_id=select_id,
            status_id=status_id,
            search_url=f"{reverse('employers:occupation_search')}?{query}",
        )
        return context


class OccupationChoiceIterator(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for label, members in group_by_major_group(self.queryset):
            yield (label, [self.choice(occupation) for occupation in members])


class OccupationChoiceField(forms.ModelChoiceField):
    """Pick one STYRK-08 unit group (level 4)."""

    iterator = OccupationChoiceIterator
    widget = OccupationPicker

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Occupation.objects.unit_groups())
        kwargs.setdefault("empty_label", _("Velg yrke"))
        kwargs.setdefault(
            "error_messages", {"invalid_choice": _("Velg et yrke fra listen (STYRK-08).")}
        )
        super().__init__(**kwargs)
