"""The dashboard's filter: county (project leaders have only their own), period and sector."""

from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import County, Role
from core.forms import DateInput
from employers.imports import MAX_FILE_SIZE

from .filters import Scope
from .pilot_import import FILES, read_pilot_files
from .tables import POPULATIONS

# The pilot ran in three counties from 2019 to 2022 (the evaluation, chapter 1).
PILOT_PERIOD = (date(2019, 1, 1), date(2022, 12, 31))
SECTORS = [("all", _("Alle")), ("public", _("Offentlig")), ("private", _("Privat"))]


def _quarters(today: date, count: int = 8) -> list[tuple[str, str]]:
    year, quarter = today.year, (today.month - 1) // 3 + 1
    choices = []
    for _i in range(count):
        choices.append(
            (f"q{year}-{quarter}", _("%(q)s. kvartal %(y)s") % {"q": quarter, "y": year})
        )
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    return choices


def preset_period(preset: str, today: date) -> tuple[date | None, date | None]:
    if preset == "this_year":
        return date(today.year, 1, 1), today
    if preset == "last_12_months":
        return today - timedelta(days=365) + timedelta(days=1), today
    if preset == "pilot":
        return PILOT_PERIOD
    if preset.startswith("q"):
        year, quarter = (int(x) for x in preset[1:].split("-"))
        start = date(year, 3 * quarter - 2, 1)
        end = date(year + quarter // 4, 3 * quarter % 12 + 1, 1) - timedelta(days=1)
        return start, end
    return None, None


class DashboardFilterForm(forms.Form):
    county = forms.ModelChoiceField(
        label=_("Fylke"),
        queryset=County.objects.none(),
        required=False,
        empty_label=_("Alle fylker"),
    )
    preset = forms.ChoiceField(label=_("Periode"), required=False)
    start = forms.DateField(label=_("Fra og med"), required=False, widget=DateInput())
    end = forms.DateField(label=_("Til og med"), required=False, widget=DateInput())
    sector = forms.ChoiceField(label=_("Sektor"), choices=SECTORS, required=False)
    population = forms.ChoiceField(
        label=_("Kjennetegn for"), choices=list(POPULATIONS.items()), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.today = timezone.localdate()
        self.fields["preset"].choices = [
            ("", _("Egendefinert (fra/til)")),
            ("this_year", _("I år")),
            ("last_12_months", _("Siste 12 måneder")),
            ("pilot", _("Pilotperioden (2019–2022)")),
            *_quarters(self.today),
        ]
        if user.role == Role.PROJECT_LEADER:
            # Their own county whatever the URL says, also when it names none.
            self.fields["county"].queryset = County.objects.filter(pk=user.county_id)
            self.fields["county"].empty_label = None
        else:
            self.fields["county"].queryset = County.objects.order_by("-is_pilot", "name")

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", _("Til-datoen kan ikke være før fra-datoen."))
        return data

    def scope(self) -> Scope:
        data = self.cleaned_data if self.is_valid() else {}
        county = data.get("county")
        if self.user.role == Role.PROJECT_LEADER:
            county_ids = (self.user.county_id,)
        else:
            county_ids = (county.pk,) if county else ()
        start, end = preset_period(data.get("preset") or "", self.today)
        if not data.get("preset"):
            start, end = data.get("start"), data.get("end")
        return Scope(
            county_ids=county_ids, start=start, end=end, sector=data.get("sector") or "all"
        )

    def chosen_population(self) -> str:
        return (
            self.cleaned_data.get("population") if self.is_valid() else ""
        ) or "before_signing_2y"


class PilotUploadForm(forms.Form):
    employers = forms.FileField(label="employers.csv", required=False)
    agreements = forms.FileField(label="agreements.csv", required=False)
    candidates = forms.FileField(label="candidates.csv", required=False)
    hires = forms.FileField(label="hires.csv", required=False)
    workbook = forms.FileField(
        label=_("Eller én Excel-fil (.xlsx) med arkene employers, agreements, candidates og hires"),
        required=False,
    )

    def clean(self):
        data = super().clean()
        csvs = [name for name in FILES if data.get(name)]
        if data.get("workbook") and csvs:
            raise forms.ValidationError(_("Last opp enten fire CSV-filer eller én Excel-fil."))
        if not data.get("workbook") and len(csvs) < len(FILES):
            raise forms.ValidationError(
                _("Last opp alle fire CSV-filene, eller én Excel-fil med de fire arkene.")
            )
        for name in csvs:
            if data[name].size > MAX_FILE_SIZE:
                self.add_error(name, _("Filen er større enn 5 MB."))
        return data

    def rows(self) -> dict:
        if self.cleaned_data.get("workbook"):
            return read_pilot_files({}, xlsx=self.cleaned_data["workbook"])
        return read_pilot_files({name: self.cleaned_data[name].read() for name in FILES})
