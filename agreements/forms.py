from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import AGREEMENT_CONTACT_ROLES, County, User
from core.forms import DateInput, choice_filter, date_field, note_field
from core.versioning import VersionedFormMixin
from employers.forms.occupations import OccupationChoiceField

from .models import Agreement, FollowUpMeeting, RecruitmentNeed
from .services.agreements import AGREEMENT_FIELDS, validate_signed_copy
from .services.meetings import PLAN_FIELDS, RECORD_FIELDS


def contact_choices(county_id: int | None = None):
    """Who can be an agreement's contact: NAV contact persons and project leaders of the
    county, and staff of providers serving a region in it."""
    users = User.objects.filter(role__in=AGREEMENT_CONTACT_ROLES, is_active=True)
    if county_id is not None:
        users = users.filter(
            Q(county_id=county_id) | Q(provider__regions__county_id=county_id)
        ).distinct()
    return users.select_related("provider").order_by("first_name", "last_name", "id")


def _contact_label(user: User) -> str:
    organisation = user.provider.name if user.provider_id else "NAV"
    return f"{user} ({organisation})"


class ContactChoiceField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", contact_choices())
        super().__init__(**kwargs)

    def label_from_instance(self, obj):
        return _contact_label(obj)


TEXTAREA = forms.Textarea(attrs={"rows": 5})


class AgreementForm(VersionedFormMixin, forms.ModelForm):
    deputy_contact = ContactChoiceField(label=_("Stedfortreder"), required=False)

    class Meta:
        model = Agreement
        fields = AGREEMENT_FIELDS
        widgets = {
            "employer_commitments": TEXTAREA,
            "nav_commitments": TEXTAREA,
            "local_adaptations": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, county_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("fixed_contact", "deputy_contact"):
            if name in self.fields:
                self.fields[name].queryset = contact_choices(county_id)

    def clean(self):
        data = super().clean()
        contact_id = data["fixed_contact"].pk if data.get("fixed_contact") else None
        contact_id = contact_id or self.instance.fixed_contact_id
        deputy = data.get("deputy_contact")
        if deputy and deputy.pk == contact_id:
            self.add_error(
                "deputy_contact", _("Stedfortrederen kan ikke være den faste kontaktpersonen.")
            )
        return data


class AgreementCreateForm(AgreementForm):
    fixed_contact = ContactChoiceField(label=_("Fast kontaktperson"))

    class Meta(AgreementForm.Meta):
        fields = ("fixed_contact", *AGREEMENT_FIELDS)


class TransitionForm(forms.Form):
    on = date_field(_("Dato"), required=False)
    reason = forms.ChoiceField(
        label=_("Årsak"),
        required=False,
        choices=[("", _("Velg årsak")), *Agreement.EndReason.choices],
    )
    note = note_field(_("Merknad"))


class ContactChangeForm(forms.Form):
    contact = ContactChoiceField(label=_("Ny fast kontaktperson"))
    note = note_field(_("Beskjed til den nye kontaktpersonen"))

    def __init__(self, *args, county_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = contact_choices(county_id)


class SignedCopyForm(forms.Form):
    file = forms.FileField(
        label=_("Signert avtale (PDF)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_signed_copy(upload)
        return upload


class MeetingPlanForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = FollowUpMeeting
        fields = PLAN_FIELDS
        widgets = {
            "planned_date": DateInput(),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "agenda": forms.Textarea(attrs={"rows": 3}),
        }


class MeetingRecordForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = FollowUpMeeting
        fields = RECORD_FIELDS
        widgets = {
            "held_on": DateInput(),
            "agenda": forms.Textarea(attrs={"rows": 3}),
            "minutes": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].required = True
        self.fields["minutes"].required = True
        self.fields["held_on"].error_messages["required"] = _("Oppgi datoen møtet ble holdt.")
        self.fields["minutes"].error_messages["required"] = _(
            "Skriv et referat for et møte som er holdt."
        )


class RecruitmentNeedForm(forms.ModelForm):
    occupation = OccupationChoiceField(label=_("Yrke (STYRK-08)"))

    class Meta:
        model = RecruitmentNeed
        fields = ("title", "occupation", "positions", "description")
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"positions": {"min_value": _("Antall stillinger må være minst 1.")}}


class AgreementFilterForm(forms.Form):
    SORTS = {
        "virksomhet": (_("Virksomhet"), ["employer__name"]),
        "fylke": (_("Fylke"), ["county__name", "employer__name"]),
        "status": (_("Status"), ["status", "employer__name"]),
        "signert": (_("Signert"), ["signed_on"]),
        "endret": (_("Sist endret"), ["updated_at"]),
    }
    DEFAULT_SORT = "virksomhet"

    fylke = forms.ModelChoiceField(
        queryset=County.objects.all(), label=_("Fylke"), required=False, empty_label=_("Alle")
    )
    status = choice_filter(_("Status"), Agreement.Status.choices)
    kontakt = ContactChoiceField(
        label=_("Fast kontaktperson"), required=False, empty_label=_("Alle")
    )
    sorter = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, data, *, agreements):
        """`agreements`: what the user may see; the contact filter offers their contacts."""
        super().__init__(data)
        # The ids first: one small query, instead of a subquery the planner may repeat per user.
        contact_ids = list(
            agreements.order_by().values_list("fixed_contact_id", flat=True).distinct()
        )
        self.fields["kontakt"].queryset = (
            User.objects.filter(pk__in=contact_ids)
            .select_related("provider")
            .order_by("first_name", "last_name", "id")
        )

    def sort_key(self) -> str:
        key = self.cleaned_data.get("sorter") if self.is_valid() else ""
        return key if key and key.lstrip("-") in self.SORTS else self.DEFAULT_SORT

    def sort_columns(self) -> dict[str, dict]:
        """Per sortable column: its label, the sort a click on it gives, and its aria-sort."""
        current = self.sort_key()
        columns = {}
        for key, (label, _fields) in self.SORTS.items():
            if current.lstrip("-") == key:
                descending = current.startswith("-")
                next_key = key if descending else f"-{key}"
                aria_sort = "descending" if descending else "ascending"
            else:
                next_key, aria_sort = key, ""
            columns[key] = {"label": label, "next": next_key, "aria_sort": aria_sort}
        return columns

    def filter(self, agreements):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("fylke"):
            agreements = agreements.filter(county=data["fylke"])
        if data.get("status"):
            agreements = agreements.filter(status=data["status"])
        if data.get("kontakt"):
            agreements = agreements.filter(fixed_contact=data["kontakt"])
        key = self.sort_key()
        descending = key.startswith("-")
        order = [
            F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True)
            for name in self.SORTS[key.lstrip("-")][1]
        ]
        # Overdue follow-up comes first whatever the sort (issue 13, item 3).
        return agreements.order_by("-overdue", *order, "id")
