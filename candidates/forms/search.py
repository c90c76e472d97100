import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.forms import checkboxes, date_field
from employers.models import JobOpening

from ..matching.criteria import Area, Criteria, Plan
from ..models import DrivingLicence, Innsatsgruppe, Language

# Availability further ahead than this says nothing about who can start: everyone can.
MAX_DAYS_AHEAD = 365


class SearchForm(forms.Form):
    """The criteria of a broad search from an opening (stored as SearchRun.criteria)."""

    occupation = forms.BooleanField(label=_("Match på stillingens yrke"), required=False)
    opening_text = forms.BooleanField(
        label=_("Bruk ordene i stillingstittelen og kravene"), required=False
    )
    query = forms.CharField(
        label=_("Egne søkeord"),
        required=False,
        max_length=300,
        help_text=_(
            "For eksempel «truck sveising». Bøyningsformer og sammensatte ord finnes også; "
            "vanlige ord som «og» og «erfaring» tas ikke med."
        ),
    )
    area = forms.ChoiceField(label=_("Hvor skal kandidaten bo?"), widget=forms.RadioSelect)
    municipality = forms.CharField(label=_("Kommune"), required=False, max_length=100)
    available_by = date_field(
        _("Tilgjengelig senest"), required=False, help_text=_("Tom betyr tilgjengelig i dag.")
    )
    innsatsgrupper = checkboxes(
        _("Innsatsgruppe"), Innsatsgruppe.choices, help_text=_("Ingen valgt betyr alle.")
    )
    driving_licences = checkboxes(_("Må ha førerkort"), DrivingLicence.choices)
    languages = checkboxes(_("Må snakke"), Language.choices)

    def __init__(self, *args, opening: JobOpening, **kwargs):
        super().__init__(*args, **kwargs)
        self.opening = opening
        self.fields["occupation"].help_text = str(opening.occupation)
        region = opening.region.name if opening.region else opening.employer.county.name
        self.fields["area"].choices = [
            (Area.REGION, _("I stillingens region (%(region)s)") % {"region": region}),
            (Area.COUNTY, _("I fylket (%(county)s)") % {"county": opening.employer.county}),
            (Area.MUNICIPALITY, _("I en bestemt kommune")),
            (Area.NATIONAL, _("Hele landet")),
        ]
        self.fields["area"].help_text = _(
            "Region og kommune tar også med kandidater i fylket som kan pendle minst 50 km."
        )

    @classmethod
    def initial_for(cls, opening: JobOpening, criteria: Criteria | None = None) -> dict:
        criteria = criteria or Criteria(available_by=opening.start_date)
        return criteria.to_json()

    def clean_available_by(self) -> datetime.date | None:
        day = self.cleaned_data["available_by"]
        latest = timezone.localdate() + datetime.timedelta(days=MAX_DAYS_AHEAD)
        if day and day > latest:
            raise forms.ValidationError(
                _(
                    "Datoen er mer enn ett år fram i tid, og da passer alle. Velg en dato før "
                    "%(latest)s, eller la feltet stå tomt."
                )
                % {"latest": date_format(latest)}
            )
        return day

    def clean(self):
        data = super().clean()
        if data.get("area") == Area.MUNICIPALITY and not data.get("municipality", "").strip():
            self.add_error("municipality", _("Skriv hvilken kommune kandidaten skal bo i."))
        if self.errors:
            return data
        if Plan.build(self.opening, self.criteria()).is_empty:
            if data.get("query", "").strip():
                message = _(
                    "Søkeordene er for vanlige til å søke på. Skriv mer konkrete ord, som "
                    "«truck» eller «sveising», eller velg å matche på stillingens yrke."
                )
            else:
                message = _(
                    "Velg hva kandidatene skal matches på: stillingens yrke, ordene i "
                    "stillingen, eller egne søkeord."
                )
            raise forms.ValidationError(message)
        return data

    def criteria(self) -> Criteria:
        data = self.cleaned_data
        return Criteria(
            occupation=data.get("occupation", False),
            opening_text=data.get("opening_text", False),
            query=data.get("query", "").strip(),
            area=data.get("area", Area.REGION),
            municipality=data.get("municipality", "").strip(),
            available_by=data.get("available_by"),
            innsatsgrupper=data.get("innsatsgrupper", []),
            driving_licences=data.get("driving_licences", []),
            languages=data.get("languages", []),
        )
