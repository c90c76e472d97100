from django import forms
from django.utils.translation import gettext_lazy as _

from employers.forms.occupations import OccupationChoiceIterator, OccupationPicker
from employers.models import Occupation


class OccupationMultiPicker(OccupationPicker):
    """Several STYRK-08 codes: the chosen ones are checked boxes (untick to remove), and the
    employers' searchable picker below adds one more. Without JavaScript the picker's choice is
    added on save; with it (static/js/app.js, data-adds-to) it becomes a box at once."""

    template_name = "candidates/widgets/occupation_multi_picker.html"

    def get_context(self, name, value, attrs):
        codes = [code for code in (value or []) if code]
        # The picker itself starts empty; what is chosen already is listed as boxes above it.
        context = super().get_context(name, None, attrs)
        context["widget"]["chosen"] = list(Occupation.objects.filter(code__in=codes))
        chosen_id = f"{context['widget']['select_id']}-chosen"
        context["widget"]["chosen_id"] = chosen_id
        context["widget"]["attrs"]["data-adds-to"] = chosen_id
        return context

    def format_value(self, value):
        return [str(v) for v in value] if value else []

    def value_from_datadict(self, data, files, name):
        return [code for code in data.getlist(name) if code]

    def value_omitted_from_data(self, data, files, name):
        return False


class OccupationsField(forms.ModelMultipleChoiceField):
    """Several STYRK-08 unit groups (level 4)."""

    iterator = OccupationChoiceIterator
    widget = OccupationMultiPicker

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Occupation.objects.unit_groups())
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("Velg yrker fra listen (STYRK-08).")},
        )
        super().__init__(**kwargs)
        self.empty_label = _("Velg et yrke å legge til")
