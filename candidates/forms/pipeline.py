from collections.abc import Collection

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, checkboxes, choice_filter, date_field, note_field

from ..models import Candidate, Placement, ShortlistEntry, Step
from ..services.consent import DEADLINE_DAYS, consent_deadline
from ..services.pipeline import REASON_REQUIRED, proposal_warnings


class ShortlistFilterForm(forms.Form):
    VIEWS = [("tavle", _("Tavle")), ("tabell", _("Tabell"))]

    vis = forms.ChoiceField(label=_("Visning"), choices=VIEWS, required=False)
    steg = choice_filter(_("Steg"), Step.choices, everything=_("Alle steg"))
    arkiverte = forms.BooleanField(label=_("Vis fjernede kandidater"), required=False)

    def values(self) -> tuple[str, str, bool]:
        if not self.is_valid():
            return "tavle", "", False
        data = self.cleaned_data
        return data["vis"] or "tavle", data["steg"], data["arkiverte"]


class StepReasonMixin:
    """A form with a `step` and a `reason` where some steps need the reason written out."""

    reason_steps: Collection[str]
    reason_missing: str

    def clean(self):
        data = super().clean()
        if data.get("step") in self.reason_steps and not data.get("reason", "").strip():
            self.add_error("reason", self.reason_missing)
        return data


class MoveForm(StepReasonMixin, forms.Form):
    reason_steps = REASON_REQUIRED
    reason_missing = _("Skriv en begrunnelse for dette steget.")

    step = forms.ChoiceField(label=_("Nytt steg"))
    reason = note_field(
        _("Begrunnelse"), help_text=_("Påkrevd for «ikke aktuell», «ikke ansatt» og «trukket».")
    )

    def __init__(self, *args, steps: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [(s, Step(s).label) for s in steps]


class ArchiveForm(forms.Form):
    reason = note_field(_("Hvorfor fjernes kandidaten?"))


class CandidatePickerField(forms.ModelChoiceField):
    """Each of the user's candidates with occupations and availability, and a warning when
    they do not fit the opening (set `opening` before rendering)."""

    widget = forms.RadioSelect
    opening = None

    def label_from_instance(self, candidate):
        occupations = sorted(
            {
                o.name
                for o in [*candidate.occupations_wanted.all(), *candidate.occupations_done.all()]
            }
        )
        warnings = proposal_warnings(candidate, self.opening) if self.opening else []
        return format_html(
            '<span class="fw-semibold">{}</span><span class="d-block small">{}: {} · {}</span>{}',
            candidate.full_name,
            _("Yrker"),
            ", ".join(occupations) or _("ingen registrert"),
            _("tilgjengelig fra %(day)s") % {"day": date_format(candidate.available_from)},
            format_html_join(
                "",
                '<span class="d-block small text-danger-emphasis">{} {}</span>',
                ((_("Obs:"), warning) for warning in warnings),
            ),
        )


class ProposeForm(forms.Form):
    candidate = CandidatePickerField(
        label=_("Kandidat fra din oppfølging"),
        queryset=Candidate.objects.none(),
        empty_label=None,
    )
    motivation = forms.CharField(
        label=_("Hvorfor passer kandidaten?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Skriv om kompetanse og motivasjon. Ikke skriv helseopplysninger her."),
        error_messages={"required": _("Skriv hvorfor kandidaten passer for stillingen.")},
    )

    def __init__(self, *args, candidates, opening=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].queryset = candidates.prefetch_related(
            "occupations_wanted", "occupations_done"
        )
        self.fields["candidate"].opening = opening
        self.fields["candidate"].error_messages["required"] = _("Velg en kandidat.")


class ConsentForm(forms.Form):
    DEADLINES = [
        *[(str(days), format_lazy(_("{days} dager"), days=days)) for days in DEADLINE_DAYS],
        ("date", _("Velg dato")),
    ]

    method = forms.ChoiceField(
        label=_("Hvordan samtykker kandidaten?"),
        choices=[
            ("link", _("Send lenke på e-post: kandidaten svarer selv")),
            ("meeting", _("Kandidaten har samtykket i møte med meg")),
        ],
        widget=forms.RadioSelect,
        initial="link",
    )
    deadline = forms.ChoiceField(label=_("Svarfrist for lenken"), choices=DEADLINES, initial="3")
    deadline_date = date_field(
        _("Dato for svarfrist"),
        required=False,
        help_text=_("Bare når du har valgt «Velg dato». Fristen er ved dagens slutt."),
    )
    adaptation_text = forms.CharField(
        label=_("Tilretteleggingstekst som kan deles med arbeidsgiveren (valgfritt)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Skriv bare det kandidaten vil at arbeidsgiveren skal vite. Med lenke velger "
            "kandidaten selv om teksten deles."
        ),
    )

    def clean(self):
        data = super().clean()
        if data.get("method") != "link":
            return data
        if data.get("deadline") == "date":
            if not data.get("deadline_date"):
                self.add_error("deadline_date", _("Velg en dato for svarfristen."))
            elif data["deadline_date"] < timezone.localdate():
                self.add_error("deadline_date", _("Svarfristen må være fram i tid."))
        return data

    def deadline_value(self):
        data = self.cleaned_data
        if data["deadline"] == "date":
            return consent_deadline(on=data["deadline_date"])
        return consent_deadline(days=int(data["deadline"]))


class ConsentAnswerForm(forms.Form):
    share_adaptation = forms.BooleanField(
        label=_("Ja, del også tilretteleggingsteksten over med arbeidsgiveren"), required=False
    )


class HireForm(forms.ModelForm):
    measures_used = checkboxes(_("Virkemidler brukt"), Placement.MeasureUsed.choices)
    contract_confirmed = forms.BooleanField(
        label=_("Lønnet arbeid er bekreftet med skriftlig arbeidsavtale"),
        error_messages={"required": _("Bekreft at lønnet arbeid er avtalt med arbeidsavtale.")},
    )

    class Meta:
        model = Placement
        fields = [
            "start_date",
            "position",
            "contract_type",
            "extent_percent",
            "measures_used",
            "contract_confirmed",
        ]
        widgets = {"start_date": DateInput()}

    def __init__(self, *args, entry: ShortlistEntry, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].initial = entry.shortlist.opening.title
        self.fields["extent_percent"].initial = entry.shortlist.opening.extent_percent or 100


class ShortlistOverviewFilterForm(forms.Form):
    STATUSES = [("apne", _("Åpne lister")), ("lukkede", _("Lukkede lister")), ("alle", _("Alle"))]

    status = forms.ChoiceField(label=_("Status"), choices=STATUSES, required=False)
    nye = forms.BooleanField(label=_("Bare lister med nye forslag"), required=False)

    def values(self) -> tuple[str, bool]:
        """(status for the selector, only lists with new proposals); open lists by default."""
        if not self.is_valid():
            return "open", False
        status = {"lukkede": "closed", "alle": "all"}.get(self.cleaned_data["status"], "open")
        return status, self.cleaned_data["nye"]
