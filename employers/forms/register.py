from django import forms
from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from accounts.forms import RegionChoiceField, RegionInCountyMixin
from accounts.models import County, Region, Role, User
from accounts.validators import clean_orgnr
from core.forms import choice_filter
from core.sorting import sort_columns, sort_field
from core.versioning import StartAgainMixin, VersionedFormMixin

from ..models import Employer, EmployerPerson, Industry
from ..models.employer import status_rank


class OrgnrForm(forms.Form):
    orgnr = forms.CharField(
        label=_("Organisasjonsnummer"),
        max_length=20,
        help_text=_("9 siffer, for eksempel 974 760 673."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_orgnr(self) -> str:
        return clean_orgnr(self.cleaned_data["orgnr"])


class FixedContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user: User) -> str:
        where = user.provider.name if user.provider_id else (user.county or "")
        return f"{user.get_full_name() or user.email} – {user.role_label}, {where}"


def fixed_contact_candidates() -> QuerySet[User]:
    """A fixed contact person is a NAV contact person or someone at a measure provider
    (evaluation ch. 4 and 8)."""
    return (
        User.objects.filter(is_active=True, role__in=[Role.CONTACT_PERSON, Role.PROVIDER_STAFF])
        .select_related("county", "provider")
        .order_by("first_name", "last_name", "email")
    )


class EmployerForm(RegionInCountyMixin, StartAgainMixin, forms.ModelForm):
    """The employer's facts. The orgnr is fixed once registered; on creation it comes from
    the first step (OrgnrForm) as a hidden field."""

    changed_meanwhile_message = _(
        "Noen andre har endret virksomheten mens du redigerte. Sjekk feltene og lagre "
        "på nytt for å beholde dine endringer."
    )

    parent_orgnr = forms.CharField(
        label=_("Hovedenhet (organisasjonsnummer)"),
        required=False,
        max_length=20,
        help_text=_("For underenheter. Hovedenheten må være registrert her først."),
    )
    region = RegionChoiceField(
        label=_("Region / markedsområde"),
        queryset=Region.objects.select_related("county"),
        required=False,
    )
    fixed_contact = FixedContactChoiceField(
        label=_("Fast kontaktperson"),
        queryset=fixed_contact_candidates(),
        required=False,
        help_text=_("Markedskontakten eller tiltaksleverandøren virksomheten har som sin ene dør."),
    )
    website = forms.URLField(
        label=_("Nettside"), required=False, assume_scheme="https", max_length=200
    )
    # When the edit began (the employer's updated_at), to catch someone else's save meanwhile.
    version = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Employer
        fields = [
            "orgnr",
            "name",
            "parent_orgnr",
            "sector",
            "industry",
            "status",
            "fixed_contact",
            "county",
            "region",
            "municipality",
            "street_address",
            "postal_code",
            "postal_place",
            "employee_band",
            "website",
            "needs_notes",
        ]
        widgets = {
            "orgnr": forms.HiddenInput,
            "needs_notes": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "needs_notes": _(
                "Hva arbeidsplassen trenger, og hva den kan tilrettelegge. "
                "Ikke skriv opplysninger om enkeltpersoner her."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The statuses Employer.TRANSITIONS allows from the current one, and staying.
            current = self.instance.status
            allowed = {current, *Employer.TRANSITIONS[current]}
            self.fields["status"].choices = [
                choice for choice in Employer.Status.choices if choice[0] in allowed
            ]
            del self.fields["orgnr"]
            self.fields["version"].initial = self.instance.updated_at.isoformat()
            if self.instance.parent_id:
                self.fields["parent_orgnr"].initial = self.instance.parent.orgnr
        else:
            del self.fields["version"]
        self.fields["industry"].empty_label = _("Velg næring")
        self.fields["county"].empty_label = _("Velg fylke")
        self.fields["region"].empty_label = _("Ingen region valgt")
        self.fields["fixed_contact"].empty_label = _("Ingen fast kontaktperson ennå")
        self.fields["sector"].choices = [("", _("Velg sektor")), *Employer.Sector.choices]
        self.fields["employee_band"].choices = [
            ("", _("Ikke oppgitt")),
            *Employer.EmployeeBand.choices,
        ]

    def _own_orgnr(self) -> str:
        return self.instance.orgnr if self.instance.pk else self.cleaned_data.get("orgnr", "")

    def clean_orgnr(self) -> str:
        return clean_orgnr(self.cleaned_data["orgnr"])

    def clean_parent_orgnr(self) -> Employer | None:
        value = self.cleaned_data["parent_orgnr"]
        if not value:
            return None
        orgnr = clean_orgnr(value)
        if orgnr == self._own_orgnr():
            raise forms.ValidationError(_("En virksomhet kan ikke være sin egen hovedenhet."))
        parent = Employer.objects.filter(orgnr=orgnr).first()
        if parent is None:
            raise forms.ValidationError(
                _(
                    "Ingen registrert virksomhet har dette organisasjonsnummeret. "
                    "Registrer hovedenheten først."
                )
            )
        return parent

    def employer_data(self) -> dict:
        """Model field values for the services (the parent's orgnr becomes the parent)."""
        data = {name: self.cleaned_data[name] for name in self.fields if name != "version"}
        data["parent"] = data.pop("parent_orgnr")
        return data


class EmployerPersonForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = EmployerPerson
        fields = ["kind", "name", "title", "email", "phone"]
        widgets = {"kind": forms.RadioSelect}
        labels = {"kind": _("Rolle hos virksomheten")}


# Sort keys offered by the list ("-navn" sorts the other way); "endret" starts newest first.
SORTS = {
    "navn": _("Navn"),
    "fylke": _("Fylke"),
    "status": _("Status"),
    "endret": _("Sist endret"),
}


class EmployerFilterForm(forms.Form):
    """The list's search, filters and sorting, read from the query string."""

    sok = forms.CharField(label=_("Søk på navn eller organisasjonsnummer"), required=False)
    fylke = forms.ModelChoiceField(
        label=_("Fylke"),
        queryset=County.objects.all(),
        required=False,
        empty_label=_("Alle fylker"),
    )
    region = RegionChoiceField(
        label=_("Region / markedsområde"),
        queryset=Region.objects.select_related("county"),
        required=False,
        empty_label=_("Alle regioner"),
    )
    sektor = choice_filter(_("Sektor"), Employer.Sector.choices, everything=_("Begge sektorer"))
    naering = forms.ModelChoiceField(
        label=_("Næring"),
        queryset=Industry.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Alle næringer"),
    )
    status = choice_filter(
        _("Status i modellen"), Employer.Status.choices, everything=_("Alle statuser")
    )
    avtale = forms.BooleanField(label=_("Bare virksomheter med avtale"), required=False)
    mine = forms.BooleanField(
        label=_("Bare mine virksomheter (der jeg er fast kontaktperson)"), required=False
    )
    sorter = sort_field(SORTS)

    def sort_key(self) -> str:
        return self.cleaned_data.get("sorter") or "navn"

    def sort_columns(self) -> dict[str, dict]:
        return sort_columns(self.sort_key(), SORTS)

    def filter(self, employers: QuerySet[Employer], user: User) -> QuerySet[Employer]:
        """Apply the valid filters; an invalid one (shown as an error) is left out."""
        data = self.cleaned_data
        if data.get("sok"):
            employers = employers.search(data["sok"])
        exact = {
            "county": data.get("fylke"),
            "region": data.get("region"),
            "sector": data.get("sektor"),
            "industry": data.get("naering"),
            "status": data.get("status"),
        }
        employers = employers.filter(**{k: v for k, v in exact.items() if v})
        # "Has agreement" is the status until agreements arrive as their own records.
        if data.get("avtale"):
            employers = employers.filter(status=Employer.Status.AGREEMENT)
        if data.get("mine"):
            employers = employers.filter(fixed_contact=user)
        return employers.order_by(*self._ordering())

    def _ordering(self) -> list:
        key = self.sort_key()
        descending = key.startswith("-")
        if key.lstrip("-") == "navn":
            # Name then id, in one direction, walks the (name, id) index.
            return [F("name").desc(), F("id").desc()] if descending else ["name", "id"]
        column = {
            "fylke": F("county__name"),
            "status": status_rank(),
            "endret": F("updated_at"),
        }[key.lstrip("-")]
        return [column.desc() if descending else column.asc(), F("name").asc(), F("id").asc()]
