from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.forms import DateTimeInput, checkboxes, choice_filter, date_field
from core.versioning import VersionedFormMixin

from ..models import DialogueEntry, Employer
from ..models.dialogue import SUMMARY_MAX_LENGTH
from ..selectors.dialogue import task_owner_choices
from ..services.dialogue import NextStep


class DialogueEntryForm(VersionedFormMixin, forms.Form):
    occurred_at = forms.DateTimeField(
        label=_("Tidspunkt"),
        widget=DateTimeInput(),
        error_messages={"required": _("Oppgi når kontakten var.")},
    )
    channel = forms.ChoiceField(
        label=_("Kanal"),
        choices=DialogueEntry.Channel.choices,
        error_messages={"required": _("Velg hvordan dere hadde kontakt.")},
    )
    topics = checkboxes(
        _("Tema"),
        DialogueEntry.Topic.choices,
        required=True,
        error_messages={"required": _("Velg minst ett tema.")},
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Deltakere fra virksomheten"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    others_present = forms.CharField(
        label=_("Andre til stede"),
        max_length=300,
        required=False,
        help_text=_("For eksempel tillitsvalgt, en kollega fra NAV eller fra en leverandør."),
    )
    summary = forms.CharField(
        label=_("Sammendrag"),
        max_length=SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Skriv om virksomheten: behov, hva dere ble enige om og videre plan. "
            "Høyst %(limit)d tegn."
        )
        % {"limit": SUMMARY_MAX_LENGTH},
        error_messages={
            "required": _("Skriv et kort sammendrag av kontakten."),
            "max_length": _(
                "Sammendraget kan ikke være lengre enn %(limit_value)d tegn (nå: %(show_value)d)."
            ),
        },
    )
    no_sensitive_data_confirmed = forms.BooleanField(
        label=_(
            "Jeg bekrefter at teksten ikke inneholder sensitive personopplysninger om kandidater "
            "(som navn, fødselsnummer, helse eller diagnoser)."
        ),
        error_messages={
            "required": _(
                "Du må bekrefte at det ikke står sensitive personopplysninger i teksten. "
                "Fjern slike opplysninger før du lagrer."
            )
        },
    )

    def __init__(self, *args, employer: Employer, **kwargs):
        super().__init__(*args, **kwargs)
        # Removed people stay choosable on the entries they were part of, and only there.
        already = [person.pk for person in self.initial.get("participants", [])]
        people = employer.people.filter(Q(removed_at__isnull=True) | Q(pk__in=already))
        if people.exists():
            self.fields["participants"].queryset = people
        else:
            del self.fields["participants"]
        if not self.is_bound and "occurred_at" not in self.initial:
            self.initial["occurred_at"] = timezone.localtime().replace(second=0, microsecond=0)

    def clean_occurred_at(self):
        occurred_at = self.cleaned_data["occurred_at"]
        if timezone.localtime(occurred_at).date() > timezone.localdate():
            raise forms.ValidationError(
                _("Kontakten kan ikke være fram i tid. Legg inn det som skal skje som neste steg.")
            )
        return occurred_at

    @classmethod
    def initial_from(cls, entry: DialogueEntry) -> dict:
        return {
            "occurred_at": timezone.localtime(entry.occurred_at),
            "channel": entry.channel,
            "topics": entry.topics,
            "participants": list(entry.participants.all()),
            "others_present": entry.others_present,
            "summary": entry.summary,
        }


class TaskOwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user: User) -> str:
        organisation = user.provider.name if user.provider_id else user.role_label
        return f"{user} ({organisation})"


class NextStepForm(forms.Form):
    prefix = "neste"

    description = forms.CharField(
        label=_("Neste steg"),
        max_length=500,
        required=False,
        help_text=_("Blir en oppgave med påminnelse på e-post om morgenen på fristdagen."),
    )
    due_date = date_field(_("Frist"), required=False)
    owner = TaskOwnerChoiceField(
        label=_("Ansvarlig"),
        queryset=User.objects.none(),
        required=False,
        empty_label=None,
    )

    def __init__(self, *args, employer: Employer, author: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.author = author
        self.fields["owner"].queryset = task_owner_choices(employer=employer, author=author)
        self.initial.setdefault("owner", author.pk)

    def clean(self):
        cleaned = super().clean()
        description, due_date = cleaned.get("description"), cleaned.get("due_date")
        if description and not due_date and "due_date" not in self.errors:
            self.add_error("due_date", _("Sett en frist for neste steg."))
        if due_date and not description:
            self.add_error("description", _("Beskriv hva neste steg er."))
        if due_date and due_date < timezone.localdate():
            self.add_error("due_date", _("Fristen kan ikke være tilbake i tid."))
        return cleaned

    def next_step(self) -> NextStep | None:
        if not self.cleaned_data.get("description"):
            return None
        return NextStep(
            description=self.cleaned_data["description"],
            due_date=self.cleaned_data["due_date"],
            owner=self.cleaned_data.get("owner") or self.author,
        )


def _select() -> forms.Select:
    return forms.Select(attrs={"class": "form-select"})


class TimelineFilterForm(forms.Form):
    tema = choice_filter(
        _("Tema"), DialogueEntry.Topic.choices, everything=_("Alle tema"), widget=_select()
    )
    kanal = choice_filter(
        _("Kanal"), DialogueEntry.Channel.choices, everything=_("Alle kanaler"), widget=_select()
    )
    sorter = forms.ChoiceField(
        label=_("Sortering"),
        choices=[("nyeste", _("Nyeste først")), ("eldste", _("Eldste først"))],
        widget=_select(),
        required=False,
    )

    def filters(self) -> dict:
        """Keyword arguments for selectors.dialogue_timeline; unknown values show everything."""
        if not self.is_valid():
            return {}
        return {
            "topic": self.cleaned_data["tema"],
            "channel": self.cleaned_data["kanal"],
            "oldest_first": self.cleaned_data["sorter"] == "eldste",
        }
