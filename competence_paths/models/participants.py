"""Participants of a path, followed the way NAV's measure-participant service does it: a
status with a valid-from date, end reasons, and statuses that move by date on their own."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Candidate, Placement, ShortlistEntry
from core.fields import optional_one_to_one, user_fk

from .paths import CompetencePath, Stage


class ParticipantStatus(models.TextChoices):
    ASSESSING = "assessing", _("Vurderes")
    WAITING = "waiting", _("Venter på oppstart")
    TAKING_PART = "taking_part", _("Deltar")
    COMPLETED = "completed", _("Fullført")
    DROPPED_OUT = "dropped_out", _("Avbrutt")
    NOT_RELEVANT = "not_relevant", _("Ikke aktuell")


class EndReason(models.TextChoices):
    JOB_ELSEWHERE = "job_elsewhere", _("Fikk jobb et annet sted")
    ILLNESS = "illness", _("Sykdom")
    OTHER_SUPPORT = "other_support", _("Trenger annen bistand")
    NO_SHOW = "no_show", _("Møtte ikke opp")
    REQUIREMENTS = "requirements", _("Oppfylte ikke kravene")
    OTHER = "other", _("Annet")


class Outcome(models.TextChoices):
    IN_PROGRESS = "in_progress", _("Under arbeid")
    HIRED = "hired", _("Ansatt")
    NOT_HIRED = "not_hired", _("Ikke ansatt")


class NotHiredReason(models.TextChoices):
    NOT_SUITABLE = "not_suitable", _("Arbeidet passet ikke")
    NO_POSITION = "no_position", _("Virksomheten hadde ikke stilling likevel")
    OPEN_COMPETITION = "open_competition", _("En annen søker ble ansatt etter utlysning")
    CANDIDATE_DECLINED = "candidate_declined", _("Kandidaten takket nei")
    OTHER = "other", _("Annet")


S = ParticipantStatus
PARTICIPANT_TRANSITIONS = {
    S.ASSESSING: {S.WAITING, S.TAKING_PART, S.NOT_RELEVANT},
    S.WAITING: {S.ASSESSING, S.TAKING_PART, S.DROPPED_OUT, S.NOT_RELEVANT},
    S.TAKING_PART: {S.COMPLETED, S.DROPPED_OUT},
    S.COMPLETED: set(),
    S.DROPPED_OUT: set(),
    S.NOT_RELEVANT: set(),
}
FINAL_STATUSES = frozenset({S.COMPLETED, S.DROPPED_OUT, S.NOT_RELEVANT})


class ParticipantQuerySet(models.QuerySet):
    def for_path_page(self):
        return self.select_related("candidate__owner", "placement").order_by(
            "candidate__last_name", "id"
        )


class Participant(models.Model):
    ACTIVITY_PREFIX = "competence_paths.participant"
    Status = ParticipantStatus
    TRANSITIONS = PARTICIPANT_TRANSITIONS

    path = models.ForeignKey(CompetencePath, on_delete=models.CASCADE, related_name="participants")
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.PROTECT,
        related_name="competence_paths",
        verbose_name=_("kandidat"),
    )
    # The opening's shortlist entry the participant was chosen from: consent, presentation and
    # the hire (Placement) run through it.
    entry = optional_one_to_one(ShortlistEntry, models.PROTECT, related_name="path_participant")
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ParticipantStatus.choices,
        default=ParticipantStatus.ASSESSING,
    )
    status_since = models.DateField(_("gjelder fra"), default=timezone.localdate)
    end_reason = models.CharField(_("årsak"), max_length=20, choices=EndReason.choices, blank=True)
    end_note = models.CharField(_("forklaring"), max_length=300, blank=True)
    outcome = models.CharField(
        _("utfall"), max_length=20, choices=Outcome.choices, default=Outcome.IN_PROGRESS
    )
    not_hired_reason = models.CharField(
        _("hvorfor ikke ansatt"), max_length=20, choices=NotHiredReason.choices, blank=True
    )
    placement = optional_one_to_one(Placement, models.PROTECT, related_name="path_participant")
    added_by = user_fk()
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("deltaker")
        verbose_name_plural = _("deltakere")
        constraints = [
            models.UniqueConstraint(fields=["path", "candidate"], name="participant_once_per_path"),
            models.CheckConstraint(
                condition=Q(status="dropped_out", end_reason__gt="")
                | (~Q(status="dropped_out") & Q(end_reason="")),
                name="participant_dropped_out_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(outcome="hired") | Q(placement__isnull=False),
                name="participant_hired_has_placement",
            ),
            models.CheckConstraint(
                condition=Q(outcome="not_hired", not_hired_reason__gt="")
                | (~Q(outcome="not_hired") & Q(not_hired_reason="")),
                name="participant_not_hired_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["path", "status"], name="participant_path_status_idx")]

    def __str__(self) -> str:
        return str(self.candidate)


class ParticipantStatusChange(models.Model):
    """One dated status: what, valid from which day, why, by whom. A change for a future day
    waits (`applied_at` empty) until the nightly task applies it on that day; a newer change
    replaces a waiting one (`replaced_at`)."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("status"), max_length=20, choices=ParticipantStatus.choices)
    valid_from = models.DateField(_("gjelder fra"))
    end_reason = models.CharField(_("årsak"), max_length=20, choices=EndReason.choices, blank=True)
    note = models.CharField(_("merknad"), max_length=300, blank=True)
    actor = user_fk(optional=True)
    created_at = models.DateTimeField(default=timezone.now)
    applied_at = models.DateTimeField(null=True, blank=True)
    replaced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("statusendring")
        verbose_name_plural = _("statushistorikk")
        ordering = ["valid_from", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant"],
                condition=Q(applied_at__isnull=True, replaced_at__isnull=True),
                name="one_waiting_status_change",
            )
        ]
        indexes = [
            models.Index(
                fields=["valid_from"],
                condition=Q(applied_at__isnull=True, replaced_at__isnull=True),
                name="status_change_waiting_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.valid_from})"

    @property
    def is_waiting(self) -> bool:
        return self.applied_at is None and self.replaced_at is None


class StageProgress(models.Model):
    class State(models.TextChoices):
        STARTED = "started", _("Startet")
        COMPLETED = "completed", _("Fullført")
        NOT_COMPLETED = "not_completed", _("Ikke fullført")

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="progress")
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="progress")
    state = models.CharField(_("status"), max_length=20, choices=State.choices)
    note = models.CharField(_("merknad"), max_length=300, blank=True)
    updated_by = user_fk()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("framdrift per trinn")
        verbose_name_plural = _("framdrift per trinn")
        constraints = [
            models.UniqueConstraint(fields=["participant", "stage"], name="progress_once_per_stage")
        ]

    def __str__(self) -> str:
        return f"{self.stage}: {self.get_state_display()}"
