from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import County, Role, User
from accounts.validators import clean_orgnr
from core.forms import note_field

from ..models import Employer, Lead, ResourceGroup, ResourceGroupMember


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: ResourceGroupMember) -> str:
        return f"{obj.name} ({obj.organisation}) – {obj.group}"


class OrgnrField(forms.CharField):
    """An orgnr typed with or without spaces ("974 760 673"), stored as 9 digits."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("label", _("Organisasjonsnummer"))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return clean_orgnr(value) if value else ""


class LeadForm(forms.Form):
    """A tip about an employer. With a known employer only the reason and who suggested it
    are asked for."""

    employer_name = forms.CharField(label=_("Virksomhetens navn"), max_length=200)
    orgnr = OrgnrField(
        required=False,
        help_text=_("Valgfritt. Finnes virksomheten i registeret, kobles tipset til den."),
    )
    county = forms.ModelChoiceField(queryset=County.objects.all(), label=_("Fylke"))
    reason = forms.CharField(
        label=_("Hvorfor er virksomheten aktuell?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For eksempel rekrutteringsbehov, vekst eller vilje til å inkludere."),
    )
    suggested_by = MemberChoiceField(
        queryset=ResourceGroupMember.objects.none(),
        required=False,
        label=_("Foreslått av (medlem av ressursgruppen)"),
        empty_label=_("Ingen – jeg foreslår selv"),
    )

    def __init__(self, *args, user: User, employer: Employer | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        members = ResourceGroupMember.objects.filter(
            group__in=ResourceGroup.objects.visible_to(user)
        ).select_related("group__county")
        self.fields["suggested_by"].queryset = members.order_by("group__county__name", "name")
        self.fields["county"].initial = employer.county_id if employer else user.county_id
        if employer is not None:
            del self.fields["employer_name"], self.fields["orgnr"]

    def clean(self):
        cleaned = super().clean()
        member, county = cleaned.get("suggested_by"), cleaned.get("county")
        if member and county and member.group.county_id != county.pk:
            self.add_error(
                "suggested_by", _("Medlemmet hører til ressursgruppen i et annet fylke.")
            )
        return cleaned


class LeadAssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        queryset=User.objects.none(), label=_("Markedskontakt"), empty_label=_("Velg")
    )
    note = note_field(_("Beskjed til markedskontakten"))

    def __init__(self, *args, lead: Lead, **kwargs):
        super().__init__(*args, prefix="fordel", **kwargs)
        self.fields["assignee"].queryset = User.objects.filter(
            role=Role.CONTACT_PERSON, county_id=lead.county_id, is_active=True
        ).select_related("office")
        self.fields["assignee"].label_from_instance = lambda user: (
            f"{user} ({user.office})" if user.office_id else str(user)
        )


class LeadAcceptForm(forms.Form):
    orgnr = OrgnrField(
        required=False,
        help_text=_(
            "Trengs for å registrere virksomheten. Finnes den allerede, kobles tipset til den."
        ),
    )
    sector = forms.ChoiceField(
        label=_("Sektor"), choices=Employer.Sector.choices, initial=Employer.Sector.PRIVATE
    )
    note = note_field(_("Merknad"))

    def __init__(self, *args, lead: Lead, **kwargs):
        super().__init__(*args, prefix="ta-inn", **kwargs)
        if lead.employer_id:
            del self.fields["orgnr"], self.fields["sector"]
        else:
            self.fields["orgnr"].initial = lead.orgnr


class LeadCloseForm(forms.Form):
    reason = note_field(_("Hvorfor avsluttes tipset?"), required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="avslutt", **kwargs)


class LeadFilterForm(forms.Form):
    OPEN = "apne"
    ALL = "alle"
    STATUS_CHOICES = [
        (OPEN, _("Åpne (nye og tildelte)")),
        *Lead.Status.choices,
        (ALL, _("Alle")),
    ]
    SORTS = {"eldste": "created_at", "nyeste": "-created_at"}

    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    fylke = forms.ModelChoiceField(
        queryset=County.objects.all(), label=_("Fylke"), required=False, empty_label=_("Alle")
    )
    sorter = forms.ChoiceField(
        label=_("Sortering"),
        choices=[("eldste", _("Eldste først")), ("nyeste", _("Nyeste først"))],
        required=False,
    )

    def filter(self, leads):
        data = self.cleaned_data if self.is_valid() else {}
        status = data.get("status") or self.OPEN
        if status == self.OPEN:
            leads = leads.filter(status__in=Lead.OPEN_STATUSES)
        elif status != self.ALL:
            leads = leads.filter(status=status)
        if data.get("fylke"):
            leads = leads.filter(county=data["fylke"])
        return leads.order_by(self.SORTS[data.get("sorter") or "eldste"], "id")
