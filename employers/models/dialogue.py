"""Contact history (kontakthistorikk): every contact NAV or a provider has with an employer,
the edits kept as revisions, and the next steps that become tasks for their owners."""

import datetime

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from accounts.models import MeasureProvider, Role
from core.fields import optional_fk, user_fk

from .employer import Employer, EmployerPerson

SUMMARY_MAX_LENGTH = 5000


class DialogueChannel(models.TextChoices):
    MEETING = "meeting", _("Møte")
    PHONE = "phone", _("Telefon")
    EMAIL = "email", _("E-post")
    VIDEO = "video", _("Videomøte")
    VISIT = "visit", _("Besøk på arbeidsplassen")
    EVENT = "event", _("Arrangement")


class DialogueTopic(models.TextChoices):
    RECRUITMENT_NEED = "recruitment_need", _("Rekrutteringsbehov")
    FOLLOW_UP = "follow_up", _("Oppfølging")
    MEASURES = "measures", _("Tiltak og tilskudd")
    CANDIDATE = "candidate", _("Kandidatsak")
    AGREEMENT = "agreement", _("Avtale")


class DialogueEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Contact history is about employers, not candidates: every staff and provider user
        sees all of it (that is what lets them coordinate); employer users see none."""
        if not user.is_authenticated or user.role == Role.EMPLOYER_USER:
            return self.none()
        return self

    def for_timeline(self):
        revised = DialogueEntryRevision.objects.filter(entry=models.OuterRef("pk"))
        return (
            self.select_related("author", "author_provider", "next_step__owner")
            .prefetch_related("participants")
            .annotate(has_revisions=models.Exists(revised))
        )


class DialogueEntry(models.Model):
    Channel = DialogueChannel
    Topic = DialogueTopic

    employer = models.ForeignKey(
        Employer,
        on_delete=models.PROTECT,
        related_name="dialogue_entries",
        verbose_name=_("virksomhet"),
    )
    occurred_at = models.DateTimeField(_("tidspunkt"))
    channel = models.CharField(_("kanal"), max_length=20, choices=Channel.choices)
    author = user_fk(_("registrert av"), related_name="dialogue_entries")
    # The provider the author worked for when writing; kept even if they change employer.
    author_provider = optional_fk(
        MeasureProvider,
        models.PROTECT,
        related_name="dialogue_entries",
        verbose_name=_("tiltaksleverandør"),
    )
    participants = models.ManyToManyField(
        EmployerPerson,
        blank=True,
        related_name="dialogue_entries",
        verbose_name=_("deltakere fra virksomheten"),
    )
    others_present = models.CharField(_("andre til stede"), max_length=300, blank=True)
    topics = ArrayField(
        models.CharField(max_length=30, choices=Topic.choices), verbose_name=_("tema")
    )
    summary = models.TextField(
        _("sammendrag"),
        max_length=SUMMARY_MAX_LENGTH,
        validators=[
            MaxLengthValidator(
                SUMMARY_MAX_LENGTH,
                message=_("Sammendraget kan ikke være lengre enn %(limit_value)d tegn."),
            )
        ],
    )
    # NAV's employer CRM has the same rule: the author confirms there is no sensitive personal
    # information about candidates in the text (health, diagnoses, national id numbers).
    no_sensitive_data_confirmed = models.BooleanField(
        _("bekreftet uten sensitive personopplysninger"), default=False
    )
    created_at = models.DateTimeField(_("registrert"), default=timezone.now)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = DialogueEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("kontakt")
        verbose_name_plural = _("kontakthistorikk")
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["employer", "-occurred_at"], name="dialogue_employer_time_idx"),
            GinIndex(fields=["topics"], name="dialogue_topics_idx"),
            models.Index(fields=["author", "-occurred_at"], name="dialogue_author_time_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(no_sensitive_data_confirmed=True),
                name="dialogue_no_sensitive_data_confirmed",
                violation_error_message=_(
                    "Du må bekrefte at det ikke står sensitive personopplysninger i teksten."
                ),
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("summary"), SUMMARY_MAX_LENGTH),
                name="dialogue_summary_max_length",
            ),
            models.CheckConstraint(
                condition=Q(topics__len__gte=1)
                & Q(topics__contained_by=list(DialogueTopic.values)),
                name="dialogue_topics_known_and_not_empty",
                violation_error_message=_("Velg minst ett tema."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employer.name}: {self.get_channel_display()} {self.occurred_at:%d.%m.%Y}"

    @property
    def topic_labels(self) -> list[str]:
        return [self.Topic(topic).label for topic in self.topics]

    @property
    def author_organisation(self) -> str:
        return self.author_provider.name if self.author_provider_id else "NAV"

    def current_display(self) -> list[tuple[str, str, str]]:
        return readable_snapshot(self.snapshot())

    def snapshot(self) -> dict:
        """The fields an author can change, as JSON, for the entry's revision history."""
        return {
            "occurred_at": self.occurred_at.astimezone(datetime.UTC).isoformat(),
            "channel": self.channel,
            "topics": list(self.topics),
            "participants": sorted(str(person) for person in self.participants.all()),
            "others_present": self.others_present,
            "summary": self.summary,
        }


class DialogueEntryRevision(models.Model):
    """The version of an entry as it was before one change (who changed it, and when)."""

    entry = models.ForeignKey(DialogueEntry, on_delete=models.CASCADE, related_name="revisions")
    changed_by = user_fk(_("endret av"))
    changed_at = models.DateTimeField(_("endret"), default=timezone.now)
    changed_fields = ArrayField(models.CharField(max_length=30), verbose_name=_("endrede felt"))
    previous = models.JSONField(_("forrige versjon"))

    FIELD_LABELS = {
        "occurred_at": _("Tidspunkt"),
        "channel": _("Kanal"),
        "topics": _("Tema"),
        "participants": _("Deltakere fra virksomheten"),
        "others_present": _("Andre til stede"),
        "summary": _("Sammendrag"),
    }

    class Meta:
        verbose_name = _("tidligere versjon av kontakt")
        verbose_name_plural = _("tidligere versjoner av kontakter")
        ordering = ["-changed_at", "-id"]
        indexes = [
            models.Index(fields=["entry", "-changed_at"], name="dialogue_revision_entry_idx")
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} @ {self.changed_at:%d.%m.%Y %H:%M}"

    @property
    def changed_labels(self) -> list[str]:
        return [str(self.FIELD_LABELS[name]) for name in self.changed_fields]

    def previous_display(self) -> list[tuple[str, str, str, bool]]:
        """(field name, label, previous value, whether this change touched it)."""
        return [
            (name, label, value, name in self.changed_fields)
            for name, label, value in readable_snapshot(self.previous)
        ]


def readable_snapshot(values: dict) -> list[tuple[str, str, str]]:
    """(field name, label, readable value) for a DialogueEntry.snapshot()."""
    occurred_at = timezone.localtime(parse_datetime(values["occurred_at"]))
    readable = {
        "occurred_at": date_format(occurred_at, "DATETIME_FORMAT"),
        "channel": str(DialogueChannel(values["channel"]).label),
        "topics": ", ".join(str(DialogueTopic(topic).label) for topic in values["topics"]),
        "participants": ", ".join(values["participants"]),
        "others_present": values["others_present"],
        "summary": values["summary"],
    }
    return [
        (name, str(label), readable[name])
        for name, label in DialogueEntryRevision.FIELD_LABELS.items()
    ]


class TaskQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A task belongs to its owner: "Mine oppgaver" is a personal list."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)

    def open(self):
        return self.filter(status=Task.Status.OPEN)

    def due_for_reminder(self, today):
        return self.open().filter(due_date__lte=today, reminder_sent_at__isnull=True)


class Task(models.Model):
    """The next step agreed in a contact, owned by one person until it is done."""

    class Status(models.TextChoices):
        OPEN = "open", _("Åpen")
        DONE = "done", _("Utført")

    entry = models.OneToOneField(
        DialogueEntry,
        on_delete=models.CASCADE,
        related_name="next_step",
        verbose_name=_("kontakt"),
    )
    owner = user_fk(_("ansvarlig"), related_name="tasks")
    description = models.CharField(_("neste steg"), max_length=500)
    due_date = models.DateField(_("frist"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    done_at = models.DateTimeField(_("utført"), null=True, blank=True)
    # Set in the same transaction that sends the reminder, under a row lock (see
    # services.dialogue.task_send_due_reminders): a second run finds it set and sends nothing.
    reminder_sent_at = models.DateTimeField(_("påminnelse sendt"), null=True, blank=True)
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("oppgave")
        verbose_name_plural = _("oppgaver")
        ordering = ["due_date", "id"]
        indexes = [
            models.Index(fields=["owner", "status", "due_date"], name="task_owner_status_due_idx"),
            models.Index(
                fields=["due_date"],
                condition=Q(status="open", reminder_sent_at__isnull=True),
                name="task_reminder_due_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="done", done_at__isnull=False)
                | Q(status="open", done_at__isnull=True),
                name="task_done_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def employer(self) -> Employer:
        return self.entry.employer

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def is_overdue(self, today=None) -> bool:
        return self.is_open and self.due_date < (today or timezone.localdate())
