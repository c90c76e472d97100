from django import forms
from django.utils.translation import gettext_lazy as _

from candidates.forms.pipeline import HireForm as StaffHireForm
from candidates.forms.pipeline import StepReasonMixin
from candidates.models import EmployerAssessment, Placement, Step
from core.forms import DateInput, date_field, note_field
from employers.forms.occupations import OccupationChoiceField

# The pipeline steps in the employer's own words.
STEP_CHOICES = {
    Step.INTERVIEW_WANTED: _("Vi ønsker intervju"),
    Step.INTERVIEW_HELD: _("Vi har hatt intervju"),
    Step.WORK_TRIAL: _("Vi vil prøve kandidaten i jobben (arbeidsutprøving)"),
    Step.NOT_HIRED: _("Vi ansetter ikke kandidaten"),
}
REASON_STEPS = {Step.NOT_HIRED}


class TermsForm(forms.Form):
    accept = forms.BooleanField(
        label=_("Jeg har lest vilkårene og følger dem"),
        error_messages={"required": _("Kryss av for at du har lest vilkårene og følger dem.")},
    )


class AssessmentForm(forms.Form):
    """The employer's own assessment. Nothing is pre-selected until the employer has chosen."""

    status = forms.ChoiceField(
        label=_("Deres vurdering"),
        choices=EmployerAssessment.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Velg hva dere mener om kandidaten.")},
    )
    reason = note_field(_("Hvorfor ikke aktuell? (valgfritt)"))

    def __init__(self, *args, entry, **kwargs):
        assessment = getattr(entry, "employer_assessment", None)
        chosen = assessment is not None and assessment.updated_by_id is not None
        if chosen and "data" not in kwargs and not args:
            kwargs["initial"] = {"status": assessment.status, "reason": assessment.reason}
        super().__init__(*args, prefix=f"vurdering-{entry.pk}", **kwargs)


class StepForm(StepReasonMixin, forms.Form):
    """The next step of the recruitment the employer reports."""

    reason_steps = REASON_STEPS
    reason_missing = _("Skriv kort hvorfor dere ikke ansetter kandidaten.")

    step = forms.ChoiceField(
        label=_("Neste steg"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Velg et steg.")},
    )
    reason = note_field(_("Hvorfor? (må fylles ut hvis dere ikke ansetter)"))

    def __init__(self, *args, entry, steps, **kwargs):
        super().__init__(*args, prefix=f"steg-{entry.pk}", **kwargs)
        self.fields["step"].choices = [(s, STEP_CHOICES[s]) for s in steps if s in STEP_CHOICES]


class HireForm(StaffHireForm):
    """The contract details the employer knows, in its own words. The measures used (wage
    subsidy, mentor, ...) are NAV's and are not asked for."""

    measures_used = None
    contract_confirmed = forms.BooleanField(
        label=_("Vi har avtalt lønnet arbeid med kandidaten i en skriftlig arbeidsavtale"),
        error_messages={
            "required": _("Kryss av for at lønnet arbeid er avtalt med skriftlig arbeidsavtale.")
        },
    )

    class Meta:
        model = Placement
        fields = ["start_date", "position", "contract_type", "extent_percent"]
        labels = {
            "start_date": _("Når begynner kandidaten?"),
            "position": _("Stillingstittel"),
            "contract_type": _("Ansettelsesform"),
            "extent_percent": _("Stillingsprosent"),
        }
        widgets = {"start_date": DateInput()}
        error_messages = {
            "start_date": {
                "required": _("Skriv når kandidaten begynner."),
                "invalid": _("Skriv datoen som dd.mm.åååå."),
            },
            "position": {"required": _("Skriv hvilken stilling kandidaten får.")},
            "contract_type": {"required": _("Velg fast eller midlertidig ansettelse.")},
            "extent_percent": {
                "required": _("Skriv stillingsprosenten."),
                "invalid": _("Skriv stillingsprosenten som et tall."),
            },
        }

    def __init__(self, *args, entry, **kwargs):
        super().__init__(*args, entry=entry, prefix=f"ansatt-{entry.pk}", **kwargs)
        for name in ("position", "contract_type", "extent_percent"):
            self.fields[name].required = True
        self.fields["contract_type"].choices = [
            ("", _("Velg")),
            *Placement.ContractType.choices,
        ]


class NeedForm(forms.Form):
    """A recruitment need in the employer's own words; the contact person fills in the rest."""

    title = forms.CharField(label=_("Hva heter stillingen?"), max_length=200)
    occupation = OccupationChoiceField(
        label=_("Hvilket yrke er det nærmest?"),
        help_text=_("Skriv for å søke, for eksempel «kokk» eller «lager»."),
    )
    positions = forms.IntegerField(
        label=_("Hvor mange skal dere ansette?"),
        min_value=1,
        max_value=500,
        initial=1,
        error_messages={"min_value": _("Antall stillinger må være minst 1.")},
    )
    start_date = date_field(
        _("Når skal den nye begynne?"),
        required=False,
        help_text=_("La stå tom hvis det ikke er bestemt."),
    )
    description = forms.CharField(
        label=_("Hva går jobben ut på?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    requirements_must = forms.CharField(
        label=_("Hva må den nye kunne? Hva kan dere ikke gå på akkord med?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    adaptations = forms.CharField(
        label=_("Hva kan dere tilpasse? (valgfritt)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For eksempel arbeidstid, oppgaver eller opplæring."),
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Melding"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Ikke skriv navn eller andre opplysninger om kandidater her. Snakk om kandidater "
            "på kandidatsiden eller på telefon."
        ),
        error_messages={"required": _("Skriv en melding.")},
    )


class UnitsField(forms.ModelMultipleChoiceField):
    """Sub-units of the employer a person may act for, as check boxes."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.orgnr})"


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-postadresse"))
    first_name = forms.CharField(label=_("Fornavn"), max_length=150)
    last_name = forms.CharField(label=_("Etternavn"), max_length=150)
    phone = forms.CharField(label=_("Telefon (valgfritt)"), max_length=30, required=False)
    units = UnitsField(
        label=_("Underenheter personen også kan handle for"),
        queryset=None,
        required=False,
    )

    is_employer_admin = forms.BooleanField(
        label=_("Administrator i portalen"),
        required=False,
        help_text=_("Kan invitere og deaktivere andre brukere fra virksomheten."),
    )

    def __init__(self, *args, sub_units, may_make_admins=True, **kwargs):
        super().__init__(*args, **kwargs)
        if sub_units.exists():
            self.fields["units"].queryset = sub_units
        else:
            del self.fields["units"]
        if not may_make_admins:
            del self.fields["is_employer_admin"]


class UnitGrantForm(forms.Form):
    units = UnitsField(label=_("Underenheter"), queryset=None, required=False)

    def __init__(self, *args, sub_units, person, **kwargs):
        kwargs.setdefault("initial", {"units": list(person.employer_units.all())})
        super().__init__(*args, prefix=f"enheter-{person.pk}", **kwargs)
        self.fields["units"].queryset = sub_units


class UnitPickForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Hvilken virksomhet handler du for nå?"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Velg en virksomhet.")},
    )

    def __init__(self, *args, units, current_id, **kwargs):
        super().__init__(*args, initial={"unit": current_id}, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = lambda obj: f"{obj.name} ({obj.orgnr})"
