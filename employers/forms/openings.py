import datetime

from django import forms
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import County, Region, User
from core.forms import DateInput, note_field
from core.versioning import VersionedFormMixin

from ..models import Employer, JobOpening, Occupation
from ..models.openings import regions_served_by
from ..services.openings import OPENING_FIELDS
from .occupations import OccupationChoiceField


class JobOpeningForm(VersionedFormMixin, forms.ModelForm):
    occupation = OccupationChoiceField(
        label=_("Yrke (STYRK-08)"),
        help_text=_("Velg yrkesgruppen som passer best; tittelen kan være mer presis."),
    )

    class Meta:
        model = JobOpening
        fields = OPENING_FIELDS
        widgets = {
            "start_date": DateInput(),
            "application_deadline": DateInput(),
            "requirements_must": forms.Textarea(attrs={"rows": 3}),
            "requirements_nice": forms.Textarea(attrs={"rows": 3}),
            "demands": forms.Textarea(attrs={"rows": 3}),
            "adaptations": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "positions": {"min_value": _("Antall stillinger må være minst 1.")},
        }

    def __init__(self, *args, employer: Employer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.filter(county_id=employer.county_id)
        self.fields["region"].empty_label = _("Hele fylket")
        if self.instance.pk is None:
            self.fields["region"].initial = employer.region_id
            self.fields["location"].initial = employer.municipality

    def clean_application_deadline(self) -> datetime.date | None:
        deadline = self.cleaned_data.get("application_deadline")
        is_new = self.instance.pk is None
        if is_new and deadline is not None and deadline < timezone.localdate():
            raise forms.ValidationError(_("Søknadsfristen kan ikke være tilbake i tid."))
        return deadline


class OpeningNoteForm(forms.Form):
    note = note_field()

    def __init__(self, *args, label: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].label = label


class SharedOpeningFilterForm(forms.Form):
    DEADLINES = {
        "": _("Alle"),
        "kommende": _("Fristen er ikke ute"),
        "7": _("Frist innen 7 dager"),
        "30": _("Frist innen 30 dager"),
    }
    SORTS = {
        "frist": (
            _("Søknadsfrist (snarest først)"),
            [F("application_deadline").asc(nulls_last=True), "-published_at"],
        ),
        "publisert": (_("Sist publisert først"), ["-published_at"]),
    }

    fylke = forms.ModelChoiceField(
        queryset=County.objects.all(), label=_("Fylke"), required=False, empty_label=_("Alle")
    )
    region = forms.ModelMultipleChoiceField(
        queryset=Region.objects.select_related("county"),
        label=_("Region / markedsområde"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kryss av for ett eller flere områder."),
    )
    yrkesfelt = forms.ChoiceField(label=_("Yrkesfelt"), required=False)
    yrke = forms.CharField(
        label=_("Yrke eller tittel"),
        required=False,
        max_length=100,
        help_text=_("Del av navnet eller STYRK-koden, for eksempel «sveis» eller «7212»."),
    )
    kompetanselop = forms.BooleanField(
        label=_("Bare åpne for kompetansehevende løp"), required=False
    )
    frist = forms.ChoiceField(label=_("Søknadsfrist"), choices=DEADLINES.items(), required=False)
    sorter = forms.ChoiceField(
        label=_("Sortering"),
        choices=[(key, label) for key, (label, _order) in SORTS.items()],
        required=False,
    )

    def __init__(self, data, *, user: User):
        regions = regions_served_by(user)
        # Without any filter in the address (a page number is no filter), the list starts in
        # the user's own area.
        has_filters = any(key in self.base_fields for key in data)
        self.starts_in_own_area = not has_filters and bool(regions or user.county_id)
        if self.starts_in_own_area:
            data = {"region": [r.pk for r in regions]} if regions else {"fylke": user.county_id}
        super().__init__(data)
        self.fields["region"].label_from_instance = lambda r: f"{r.name} ({r.county})"
        self.fields["yrkesfelt"].choices = [("", _("Alle"))] + [
            (o.code, str(o)) for o in Occupation.objects.major_groups()
        ]

    def filter(self, openings):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("fylke"):
            openings = openings.filter(employer__county=data["fylke"])
        if data.get("region"):
            openings = openings.in_regions(list(data["region"]))
        if data.get("yrkesfelt"):
            openings = openings.filter(occupation__code__startswith=data["yrkesfelt"])
        if data.get("yrke"):
            text = data["yrke"].strip()
            if text.isdigit():
                openings = openings.filter(occupation__code__startswith=text)
            else:
                openings = openings.filter(
                    Q(title__icontains=text) | Q(occupation__name__icontains=text)
                )
        if data.get("kompetanselop"):
            openings = openings.filter(competence_path_possible=True)
        openings = self._filter_deadline(openings, data.get("frist"))
        _label, order = self.SORTS[data.get("sorter") or "frist"]
        return openings.order_by(*order, "id")

    @staticmethod
    def _filter_deadline(openings, choice: str | None):
        today = timezone.localdate()
        if choice == "kommende":
            return openings.exclude(application_deadline__lt=today)
        if choice in ("7", "30"):
            until = today + datetime.timedelta(days=int(choice))
            return openings.filter(application_deadline__range=(today, until))
        return openings
