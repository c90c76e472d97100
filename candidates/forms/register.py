import datetime

from crispy_forms.bootstrap import InlineCheckboxes, InlineRadios
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout
from django import forms
from django.db import models
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.forms import RegionChoiceField, RegionInCountyMixin
from accounts.models import Region, User
from core.forms import checkboxes, choice_filter, date_field
from core.sorting import sort_columns, sort_field
from core.versioning import StartAgainMixin

from ..models import (
    BIRTH_REGION_COUNTRY_GROUPS,
    BirthCountryGroup,
    BirthRegion,
    Candidate,
    DrivingLicence,
    Innsatsgruppe,
    Language,
    TargetGroupReason,
)
from ..services.register import (
    OCCUPATION_FIELDS,
    PROFILE_FIELDS,
    check_unavailable_until,
    fnr_attempts_exhausted,
)
from ..validators import clean_fnr
from .occupations import OccupationsField

# Neither whose caseload nor whether the person is registered at all: the user asks the
# administrator, who can see it.
NOT_REGISTRABLE = _(
    "Kandidaten kan ikke registreres med dette fødselsnummeret. Ta kontakt med administrator "
    "for å få hjelp."
)


class CandidateForm(RegionInCountyMixin, StartAgainMixin, forms.ModelForm):
    """A candidate's profile as the owner keeps it. The identity number is checked here, with
    a message that never says whether someone else follows the person; the view audits such
    an attempt (`duplicate_of`)."""

    changed_meanwhile_message = _(
        "Kandidaten ble endret et annet sted mens du redigerte. Sjekk feltene og lagre "
        "på nytt for å beholde dine endringer."
    )

    fnr = forms.CharField(
        label=_("Fødselsnummer eller D-nummer"),
        max_length=20,
        help_text=_("11 siffer, for eksempel 150886 95088."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    region = RegionChoiceField(
        label=_("Region / markedsområde"),
        queryset=Region.objects.select_related("county"),
        required=False,
        empty_label=_("Ingen region valgt"),
    )
    target_group_reasons = checkboxes(
        _("Hvorfor i målgruppen"),
        TargetGroupReason.choices,
        required=True,
        error_messages={"required": _("Velg minst én grunn til at kandidaten er i målgruppen.")},
    )
    languages = checkboxes(_("Språk"), Language.choices)
    driving_licences = checkboxes(_("Førerkort"), DrivingLicence.choices)
    occupations_wanted = OccupationsField(
        label=_("Ønskede yrker"),
        help_text=_("Søk opp yrket, velg det, og legg til flere om du vil."),
    )
    occupations_done = OccupationsField(label=_("Yrker med erfaring"))
    available_from = date_field(_("Tilgjengelig fra"), initial=timezone.localdate)

    class Meta:
        model = Candidate
        fields = PROFILE_FIELDS + OCCUPATION_FIELDS
        widgets = {
            "gender": forms.RadioSelect,
            "innsatsgruppe": forms.RadioSelect,
            "competencies": forms.Textarea(attrs={"rows": 4}),
            "certificates": forms.Textarea(attrs={"rows": 3}),
            "work_experience": forms.Textarea(attrs={"rows": 4}),
            "cv_summary": forms.Textarea(attrs={"rows": 4}),
            "adaptation_needs": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "birth_region": _(
                "Valgfritt. Evalueringens fire grupper. Øst-Europa omfatter både EU-land som "
                "Polen og Baltikum og land utenfor EU som Ukraina, Russland og Balkan."
            ),
            "adaptation_needs": _(
                "Særlige personopplysninger: bare du og administratorer ser dette. "
                "Arbeidsgiveren ser det bare om kandidaten samtykker til å dele en bestemt tekst."
            ),
        }

    # When the edit began (the candidate's updated_at), to catch a save made meanwhile.
    version = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = ["first_name", "last_name", "fnr"]

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.duplicate_of: Candidate | None = None
        if self.instance.pk:
            self.fields["fnr"].initial = self.instance.fnr
            self.fields["version"].initial = self.instance.updated_at.isoformat()
        else:
            del self.fields["version"]
            if user.county_id:
                self.fields["county"].initial = user.county_id
        self.fields["county"].empty_label = _("Velg fylke")
        for name in ("gender", "innsatsgruppe"):
            field = self.fields[name]
            field.choices = [choice for choice in field.choices if choice[0]]
        self.fields["birth_country_group"].choices = [
            ("", _("Velg gruppe")),
            *BirthCountryGroup.choices,
        ]
        self.fields["birth_region"].choices = [("", _("Ikke oppgitt")), *BirthRegion.choices]
        self.fields["phone"].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs["autocomplete"] = "off"

        self.helper = self._layout()

    @staticmethod
    def _layout() -> FormHelper:
        def row(*fields: str | object) -> Div:
            return Div(*[Div(f, css_class="col-md-6") for f in fields], css_class="row")

        helper = FormHelper()
        helper.form_tag = False
        helper.layout = Layout(
            Fieldset(
                _("Person"),
                row("first_name", "last_name"),
                row("fnr", InlineRadios("gender")),
            ),
            Fieldset(
                _("Kontakt og bosted"),
                row("email", "phone"),
                row("municipality", "county"),
                row("region", "commute_km"),
            ),
            Fieldset(
                _("Målgruppe"),
                "innsatsgruppe",
                "target_group_reasons",
                "education",
                row("birth_country_group", "birth_region"),
            ),
            Fieldset(
                _("Kompetanse og erfaring"),
                "cv_summary",
                "competencies",
                "certificates",
                "work_experience",
                InlineCheckboxes("languages"),
                InlineCheckboxes("driving_licences"),
            ),
            Fieldset(_("Yrker (STYRK-08)"), "occupations_wanted", "occupations_done"),
            Fieldset(_("Tilgjengelighet og tilrettelegging"), "available_from", "adaptation_needs"),
            "version",
        )
        return helper

    def clean_fnr(self) -> str:
        fnr = clean_fnr(self.cleaned_data["fnr"])
        others = Candidate.objects.filter(fnr=fnr).exclude(pk=self.instance.pk)
        mine = others.visible_to(self.user).first()
        if mine is not None:
            url = reverse("candidates:detail", args=[mine.pk])
            raise forms.ValidationError(
                format_html(
                    '{} <a href="{}">{}</a>',
                    _("Du har allerede registrert denne personen."),
                    url,
                    _("Gå til %(name)s") % {"name": mine.full_name},
                ),
                code="duplicate_own",
            )
        # Neither the answer nor the limit may say whether someone else follows the person.
        if fnr_attempts_exhausted(self.user):
            raise forms.ValidationError(
                _(
                    "Du har prøvd for mange fødselsnumre som ikke kunne registreres. Vent en "
                    "time, eller ta kontakt med administrator."
                ),
                code="fnr_attempts",
            )
        self.duplicate_of = others.first()
        if self.duplicate_of is not None:
            raise forms.ValidationError(NOT_REGISTRABLE, code="not_registrable")
        return fnr

    def clean(self) -> dict:
        cleaned = super().clean()
        region = cleaned.get("birth_region")
        group = cleaned.get("birth_country_group")
        if region and group and group not in BIRTH_REGION_COUNTRY_GROUPS[region]:
            self.add_error(
                "birth_region",
                forms.ValidationError(
                    _(
                        "«%(region)s» passer ikke med fødelandgruppen «%(group)s». Velg en "
                        "region som hører til gruppen, eller la regionen stå tom."
                    ),
                    code="birth_region_mismatch",
                    params={
                        "region": BirthRegion(region).label,
                        "group": BirthCountryGroup(group).label,
                    },
                ),
            )
        return cleaned

    def profile_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in PROFILE_FIELDS + OCCUPATION_FIELDS}

    def refuse_duplicate(self) -> None:
        """After a save lost the race to someone registering the same number."""
        self.add_error("fnr", NOT_REGISTRABLE)


class UnavailableForm(forms.Form):
    until = date_field(
        _("Utilgjengelig til og med"),
        help_text=_("Høyst én måned frem i tid. Kandidaten dukker ikke opp i søk før da."),
    )
    reason = forms.CharField(
        label=_("Grunn (valgfritt)"),
        max_length=200,
        required=False,
        help_text=_("Kort, for eksempel «kurs» eller «ferie». Ikke skriv helseopplysninger."),
    )

    def clean_until(self) -> datetime.date:
        until = self.cleaned_data["until"]
        check_unavailable_until(until, timezone.localdate())
        return until


class Availability(models.TextChoices):
    NOW = "na", _("Tilgjengelig nå")
    UNAVAILABLE = "utilgjengelig", _("Midlertidig utilgjengelig")
    LATER = "senere", _("Tilgjengelig fra en senere dato")


class ActiveFilter(models.TextChoices):
    ACTIVE = "aktive", _("Aktive")
    INACTIVE = "inaktive", _("Inaktive (har gått ut av porteføljen)")
    ALL = "alle", _("Alle")


# Sort keys offered by the list ("-navn" sorts the other way); "endret" starts newest first.
SORTS = {
    "navn": _("Navn"),
    "tilgjengelig": _("Tilgjengelig"),
    "endret": _("Sist endret"),
}


class CandidateFilterForm(forms.Form):
    """The caseload list's search, filters and sorting, read from the query string."""

    sok = forms.CharField(label=_("Søk på navn"), required=False, max_length=100)
    innsatsgruppe = choice_filter(
        _("Innsatsgruppe"), Innsatsgruppe.choices, everything=_("Alle innsatsgrupper")
    )
    malgruppe = choice_filter(
        _("Hvorfor i målgruppen"), TargetGroupReason.choices, everything=_("Alle grunner")
    )
    tilgjengelighet = choice_filter(_("Tilgjengelighet"), Availability.choices)
    ledig_innen = date_field(_("Tilgjengelig innen (dato)"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=ActiveFilter.choices, required=False)
    sorter = sort_field(SORTS)

    def sort_key(self) -> str:
        return self.cleaned_data.get("sorter") or "navn"

    def sort_columns(self) -> dict[str, dict]:
        return sort_columns(self.sort_key(), SORTS)

    def filter(self, candidates: QuerySet[Candidate]) -> QuerySet[Candidate]:
        """Apply the valid filters; an invalid one (shown as an error) is left out."""
        data = self.cleaned_data
        today = timezone.localdate()
        for word in (data.get("sok") or "").split():
            candidates = candidates.filter(
                Q(first_name__icontains=word) | Q(last_name__icontains=word)
            )
        if data.get("innsatsgruppe"):
            candidates = candidates.filter(innsatsgruppe=data["innsatsgruppe"])
        if data.get("malgruppe"):
            candidates = candidates.filter(target_group_reasons__contains=[data["malgruppe"]])
        status = data.get("status") or ActiveFilter.ACTIVE
        if status == ActiveFilter.ACTIVE:
            candidates = candidates.filter(is_active=True)
        elif status == ActiveFilter.INACTIVE:
            candidates = candidates.filter(is_active=False)
        availability = data.get("tilgjengelighet")
        if availability == Availability.NOW:
            candidates = candidates.available_on(today).filter(available_from__lte=today)
        elif availability == Availability.UNAVAILABLE:
            candidates = candidates.filter(unavailable_until__gte=today)
        elif availability == Availability.LATER:
            candidates = candidates.filter(available_from__gt=today)
        if data.get("ledig_innen"):
            day = data["ledig_innen"]
            candidates = candidates.available_on(day).filter(available_from__lte=day)
        return candidates.order_by(*self._ordering())

    def _ordering(self) -> list:
        key = self.sort_key()
        descending = key.startswith("-")
        if key.lstrip("-") == "navn":
            names = [F("last_name"), F("first_name"), F("id")]
            return [n.desc() for n in names] if descending else [n.asc() for n in names]
        column = {
            # The day the candidate can start: after both the start date and any pause.
            "tilgjengelig": Greatest("available_from", "unavailable_until"),
            "endret": F("updated_at"),
        }[key.lstrip("-")]
        first = column.desc() if descending else column.asc()
        return [first, F("last_name").asc(), F("first_name").asc(), F("id").asc()]
