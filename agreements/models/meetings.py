"""Follow-up meetings (oppfølgingsmøter), the recruitment needs found in them, and the
reminders sent about them."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import optional_fk, optional_one_to_one
from employers.models import JobOpening
from employers.models.occupations import occupation_fk
from notifications.models import SentReminder

from .agreement import Agreement

DEFAULT_START = datetime.time(10, 0)
DEFAULT_DURATION = datetime.timedelta(hours=1)


class Assessment(models.TextChoices):
    VERY_GOOD = "very_good", _("Svært godt")
    GOOD = "good", _("Godt")
    MIXED = "mixed", _("Både og")
    POOR = "poor", _("Dårlig")


class FollowUpMeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(agreement__in=Agreement.objects.visible_to(user))

    def planned(self):
        return self.filter(held_on__isnull=True, cancelled_at__isnull=True)

    def held(self):
        return self.filter(held_on__isnull=False)


class FollowUpMeeting(models.Model):
    Assessment = Assessment

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("avtale")
    )
    # The generated slot in the rolling plan; never changes, so the plan never creates a
    # meeting twice, even when this one is moved to another day. Empty for extra meetings.
    plan_date = models.DateField(_("planlagt i møteplanen"), null=True, blank=True)
    planned_date = models.DateField(_("planlagt dato"))
    start_time = models.TimeField(_("klokkeslett"), default=DEFAULT_START)
    location = models.CharField(_("sted"), max_length=200, blank=True)
    held_on = models.DateField(_("holdt dato"), null=True, blank=True)
    nav_participants = models.CharField(_("deltakere fra NAV"), max_length=300, blank=True)
    employer_participants = models.CharField(
        _("deltakere fra virksomheten"), max_length=300, blank=True
    )
    union_rep_present = models.BooleanField(_("tillitsvalgt til stede"), default=False)
    provider_participants = models.CharField(
        _("deltakere fra tiltaksleverandør"), max_length=300, blank=True
    )
    agenda = models.TextField(_("agenda"), blank=True, max_length=3000)
    minutes = models.TextField(_("referat"), blank=True, max_length=10000)
    # The contact person chooses per meeting; the employer's portal shows shared minutes only.
    minutes_shared = models.BooleanField(
        _("del referatet med virksomheten"),
        default=False,
        help_text=_("Virksomheten ser da referatet i historikken i portalen."),
    )
    assessment = models.CharField(
        _("vurdering av samarbeidet"), max_length=20, choices=Assessment.choices, blank=True
    )
    # The calendar invitation's SEQUENCE: raised on every change the participants should see.
    ics_sequence = models.PositiveIntegerField(default=0)
    # The SEQUENCE last e-mailed to the participants; the invitation task sends only when it
    # is behind, so a duplicated task sends nothing.
    invited_sequence = models.PositiveIntegerField(null=True, blank=True)
    # The SEQUENCE whose e-mail is being sent, claimed before sending (core.mail): a worker
    # killed mid-send leaves it, and no re-run sends that version again.
    invitation_claimed_sequence = models.PositiveIntegerField(null=True, blank=True)
    # A meeting with content (agenda, needs, a sent invitation) is cancelled, never deleted:
    # the record stays and those invited get a calendar cancellation.
    cancelled_at = models.DateTimeField(_("avlyst"), null=True, blank=True)
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = FollowUpMeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("oppfølgingsmøte")
        verbose_name_plural = _("oppfølgingsmøter")
        ordering = ["planned_date", "id"]
        indexes = [
            models.Index(fields=["agreement", "planned_date"], name="meeting_agreement_date_idx"),
            models.Index(
                fields=["planned_date"],
                condition=Q(held_on__isnull=True),
                name="meeting_planned_idx",
            ),
            models.Index(fields=["agreement", "-held_on"], name="meeting_held_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "plan_date"], name="meeting_one_per_plan_slot"
            ),
            models.CheckConstraint(
                condition=Q(held_on__isnull=True) | Q(cancelled_at__isnull=True),
                name="meeting_not_both_held_and_cancelled",
            ),
            models.CheckConstraint(
                condition=Q(held_on__isnull=True) | ~Q(minutes=""),
                name="meeting_held_has_minutes",
                violation_error_message=_("Skriv et referat for et møte som er holdt."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement}: {self.planned_date:%d.%m.%Y}"

    @property
    def is_held(self) -> bool:
        return self.held_on is not None

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def was_invited(self) -> bool:
        return self.invited_sequence is not None

    @property
    def is_invitation_claimed(self) -> bool:
        """This version's invitation is being sent, or its send died halfway."""
        return self.invitation_claimed_sequence == self.ics_sequence

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        is_open = not self.is_held and not self.is_cancelled
        return is_open and self.planned_date < (today or timezone.localdate())

    @property
    def starts_at(self) -> datetime.datetime:
        tz = timezone.get_default_timezone()
        return datetime.datetime.combine(self.planned_date, self.start_time, tzinfo=tz)

    @property
    def ics_uid(self) -> str:
        return f"oppfolgingsmote-{self.pk}@vi-inkluderer.nav.no"


class RecruitmentNeed(models.Model):
    """A recruitment need found in a meeting; becomes a job opening draft in one click."""

    meeting = models.ForeignKey(
        FollowUpMeeting, on_delete=models.CASCADE, related_name="needs", verbose_name=_("møte")
    )
    title = models.CharField(_("stillingstittel"), max_length=200)
    occupation = occupation_fk(related_name="+")
    positions = models.PositiveSmallIntegerField(_("antall stillinger"), default=1)
    description = models.TextField(_("hva som trengs"), max_length=3000)
    # One opening per need: the one-to-one makes a second conversion impossible.
    opening = optional_one_to_one(
        JobOpening, models.SET_NULL, related_name="recruitment_need", verbose_name=_("stilling")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("rekrutteringsbehov fra møte")
        verbose_name_plural = _("rekrutteringsbehov fra møter")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(positions__gte=1), name="need_positions_min_1")
        ]

    def __str__(self) -> str:
        return self.title


class ReminderKind(models.TextChoices):
    BEFORE_14_DAYS = "before_14", _("14 dager før møtet")
    BEFORE_2_DAYS = "before_2", _("2 dager før møtet")
    OVERDUE = "overdue", _("Møtet er ikke registrert som holdt")
    NO_MEETING = "no_meeting", _("Ingen møter på over 6 måneder")


class Reminder(SentReminder):
    """A reminder that went out, never twice (notifications.SentReminder). `due_on` is the
    meeting's planned date, or the day six months after the last held meeting: moving a
    meeting gives it new reminders."""

    Kind = ReminderKind

    kind = models.CharField(max_length=20, choices=Kind.choices)
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reminders")
    meeting = optional_fk(FollowUpMeeting, models.CASCADE, related_name="reminders")

    class Meta(SentReminder.Meta):
        constraints = [
            SentReminder.once_constraint("agreement", "meeting", name="reminder_once"),
            models.CheckConstraint(
                condition=Q(kind="no_meeting", meeting__isnull=True)
                | (~Q(kind="no_meeting") & Q(meeting__isnull=False)),
                name="reminder_meeting_matches_kind",
            ),
        ]
