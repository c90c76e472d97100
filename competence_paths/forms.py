from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import County, MeasureProvider, Role, User
from agreements.models import Agreement
from candidates.models import Placement, ShortlistEntry
from core.forms import DateInput, checkboxes, choice_filter, date_field
from core.sorting import sort_columns, sort_field
from core.versioning import VersionedFormMixin
from employers.forms.occupations import OccupationChoiceField
from employers.models import Employer, EmployerPerson, JobOpening

from .models import (
    CancelReason,
    CompetencePath,
    CostItem,
    EndReason,
    NotHiredReason,
    Outcome,
    ParticipantStatus,
    PathMeasure,
    PathStatus,
    Stage,
    StageProgress,
)
from .services.paths import PATH_FIELDS


class PathForm(VersionedFormMixin, forms.ModelForm):
    target_role = OccupationChoiceField(label=_("Målyrke (STYRK-08)"), required=False)
    measures = checkboxes(_("Virkemidler"), PathMeasure.choices)
    union_reps = forms.ModelMultipleChoiceField(
        label=_("Tillitsvalgte involvert"),
        queryset=EmployerPerson.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = CompetencePath
        fields = PATH_FIELDS
        widgets = {"planned_start": DateInput(), "hire_decision_on": DateInput()}

    def __init__(self, *args, employer: Employer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = Agreement.objects.filter(employer=employer)
        self.fields["opening"].queryset = JobOpening.objects.filter(employer=employer)
        self.fields["union_reps"].queryset = employer.people.filter(
            kind=EmployerPerson.Kind.UNION_REP
        )
        self.fields["contact"].queryset = User.objects.filter(
            Q(role=Role.CONTACT_PERSON, county_id=employer.county_id) | Q(role=Role.ADMIN),
            is_active=True,
        ).order_by("first_name", "last_name")
        if employer.sector != Employer.Sector.PUBLIC:
            del self.fields["open_advertising"]
        if self.instance.pk:
            self.initial.setdefault("union_reps", list(self.instance.union_reps.all()))


class StageForm(forms.ModelForm):
    provider = forms.ModelChoiceField(
        label=_("Tiltaksleverandør"), queryset=MeasureProvider.objects.all(), required=False
    )

    class Meta:
        model = Stage
        fields = ("kind", "title", "duration_weeks", "deliverer", "provider", "place")

    def clean(self):
        data = super().clean()
        if data.get("deliverer") == "provider" and not data.get("provider"):
            self.add_error("provider", _("Velg tiltaksleverandøren som leverer trinnet."))
        return data


class CostForm(forms.ModelForm):
    class Meta:
        model = CostItem
        fields = ("description", "amount")


StageFormSet = forms.formset_factory(StageForm, extra=1, can_delete=True, min_num=1)
CostFormSet = forms.formset_factory(CostForm, extra=1, can_delete=True)


def filled(formset) -> list[dict]:
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class PathFilterForm(forms.Form):
    SORTS = {
        "start": _("Oppstart"),
        "tittel": _("Tittel"),
        "virksomhet": _("Virksomhet"),
        "status": _("Status"),
    }
    ORDER = {
        "start": ["planned_start", "id"],
        "tittel": ["title", "id"],
        "virksomhet": ["employer__name", "id"],
        "status": ["status", "planned_start", "id"],
    }
    fylke = forms.ModelChoiceField(
        queryset=None, label=_("Fylke"), required=False, empty_label=_("Alle")
    )
    status = choice_filter(_("Status"), PathStatus.choices)
    sorter = sort_field(SORTS)

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["fylke"].queryset = County.objects.all()

    def sort_key(self) -> str:
        key = self.cleaned_data.get("sorter") if self.is_valid() else ""
        return key or "start"

    def filter(self, paths):
        if self.is_valid():
            if self.cleaned_data["fylke"]:
                paths = paths.filter(county=self.cleaned_data["fylke"])
            if self.cleaned_data["status"]:
                paths = paths.filter(status=self.cleaned_data["status"])
        key = self.sort_key()
        order = self.ORDER[key.lstrip("-")]
        if key.startswith("-"):
            order = [f"-{field}" for field in order]
        return paths.order_by(*order)

    def sort_columns(self) -> dict:
        return sort_columns(self.sort_key(), self.SORTS)


class TransitionForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Årsak"), choices=[("", "—"), *CancelReason.choices], required=False
    )
    note = forms.CharField(label=_("Merknad"), max_length=300, required=False)


class TemplateNameForm(forms.Form):
    name = forms.CharField(label=_("Navn på malen"), max_length=150)


class StatusForm(forms.Form):
    to = forms.ChoiceField(label=_("Ny status"), choices=ParticipantStatus.choices)
    valid_from = date_field(_("Gjelder fra"))
    end_reason = forms.ChoiceField(
        label=_("Årsak (ved avbrudd)"), choices=[("", "—"), *EndReason.choices], required=False
    )
    note = forms.CharField(label=_("Merknad"), max_length=300, required=False)

    def __init__(self, *args, statuses=None, **kwargs):
        super().__init__(*args, **kwargs)
        if statuses is not None:
            self.fields["to"].choices = [(s, ParticipantStatus(s).label) for s in statuses]


class ProgressForm(forms.Form):
    stage = forms.ModelChoiceField(label=_("Trinn"), queryset=Stage.objects.none())
    state = forms.ChoiceField(label=_("Framdrift"), choices=StageProgress.State.choices)
    note = forms.CharField(label=_("Merknad"), max_length=300, required=False)

    def __init__(self, *args, path: CompetencePath, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = path.stages.all()


class InterviewForm(forms.Form):
    """An interview held with a presented candidate on the path's shortlist."""

    INTERVIEW_STEPS = ("presented", "interview_wanted")

    entry = forms.ModelChoiceField(label=_("Kandidat"), queryset=ShortlistEntry.objects.none())
    held_on = date_field(_("Intervjudato"))
    note = forms.CharField(label=_("Merknad"), max_length=300, required=False)

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = entries.filter(step__in=self.INTERVIEW_STEPS)
        self.fields["entry"].label_from_instance = lambda entry: str(entry.candidate)

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(_("Intervjudatoen kan ikke være fram i tid."))
        return held_on


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Utfall"), choices=Outcome.choices)
    not_hired_reason = forms.ChoiceField(
        label=_("Hvorfor ikke ansatt"),
        choices=[("", "—"), *NotHiredReason.choices],
        required=False,
    )
    start_date = date_field(_("Startdato"), required=False)
    position = forms.CharField(label=_("Stilling"), max_length=200, required=False)
    contract_type = forms.ChoiceField(
        label=_("Ansettelsesform"),
        choices=Placement.ContractType.choices,
        required=False,
    )
    extent_percent = forms.IntegerField(
        label=_("Stillingsprosent"), min_value=1, max_value=100, required=False
    )
    measures_used = checkboxes(_("Virkemidler brukt"), Placement.MeasureUsed.choices)
    contract_confirmed = forms.BooleanField(
        label=_("Lønnet arbeid er bekreftet med skriftlig arbeidsavtale"), required=False
    )

    HIRE_FIELDS = ("start_date", "position", "contract_type", "extent_percent")

    def __init__(self, *args, placement: Placement | None = None, **kwargs):
        """`placement`: the hire already recorded on the participant's shortlist entry, which
        «Ansatt» links instead of recording a new one (the hire fields are then not asked)."""
        super().__init__(*args, **kwargs)
        self.placement = placement

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Outcome.HIRED and self.placement is None:
            for name in self.HIRE_FIELDS:
                if not data.get(name):
                    self.add_error(name, _("Fyll ut dette feltet for en ansettelse."))
        return data

    def hire(self) -> dict:
        data = self.cleaned_data
        return {
            **{name: data[name] for name in self.HIRE_FIELDS},
            "measures_used": data["measures_used"],
            "contract_confirmed": data["contract_confirmed"],
        }
