from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from core.fields import user_fk
from core.transitions import may_transition
from employers.models import JobOpening

from .candidate import Candidate


def openings_managed_by(user):
    """The openings whose shortlist a user works as the contact side: administrators all; a
    contact person those they recorded, those of employers they are the fixed contact for, and
    every opening in their county (market contacts cover for each other)."""
    if not user.is_authenticated or not user.is_active:
        return JobOpening.objects.none()
    if user.role == Role.ADMIN:
        return JobOpening.objects.all()
    if user.role == Role.CONTACT_PERSON:
        return JobOpening.objects.filter(
            Q(recorded_by=user)
            | Q(employer__fixed_contact=user)
            | Q(employer__county_id=user.county_id)
        )
    return JobOpening.objects.none()


class Shortlist(models.Model):
    """The candidate list (kandidatliste) of one opening. Closed when the opening is filled or
    cancelled, so everyone sees the work is done."""

    opening = models.OneToOneField(
        JobOpening, on_delete=models.PROTECT, related_name="shortlist", verbose_name=_("stilling")
    )
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)
    closed_at = models.DateTimeField(_("lukket"), null=True, blank=True)

    class Meta:
        verbose_name = _("kandidatliste")
        verbose_name_plural = _("kandidatlister")

    def __str__(self) -> str:
        return str(self.opening)

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class Step(models.TextChoices):
    PROPOSED = "proposed", _("Foreslått")
    ASSESSING = "assessing", _("Vurderes")
    CONSENT_REQUESTED = "consent_requested", _("Samtykke etterspurt")
    CONSENT_GIVEN = "consent_given", _("Samtykke gitt")
    CONSENT_DECLINED = "consent_declined", _("Samtykke avslått")
    PRESENTED = "presented", _("Presentert for arbeidsgiver")
    INTERVIEW_WANTED = "interview_wanted", _("Arbeidsgiver ønsker intervju")
    NOT_RELEVANT = "not_relevant", _("Ikke aktuell for arbeidsgiver")
    INTERVIEW_HELD = "interview_held", _("Intervju holdt")
    WORK_TRIAL = "work_trial", _("Arbeidsutprøving")
    HIRED = "hired", _("Ansatt")
    NOT_HIRED = "not_hired", _("Ikke ansatt")
    WITHDRAWN = "withdrawn", _("Trukket")


# The pipeline. "Withdrawn" is reachable from every step that is not final; "hired" only after
# the candidate was presented to the employer (NAV's own rule).
_NEXT = {
    Step.PROPOSED: {Step.ASSESSING, Step.CONSENT_REQUESTED, Step.CONSENT_GIVEN},
    Step.ASSESSING: {Step.CONSENT_REQUESTED, Step.CONSENT_GIVEN},
    Step.CONSENT_REQUESTED: {Step.CONSENT_GIVEN, Step.CONSENT_DECLINED, Step.ASSESSING},
    Step.CONSENT_GIVEN: {Step.PRESENTED},
    # A candidate who declined may ask again, or change their mind in a meeting.
    Step.CONSENT_DECLINED: {Step.CONSENT_REQUESTED, Step.CONSENT_GIVEN},
    Step.PRESENTED: {Step.INTERVIEW_WANTED, Step.NOT_RELEVANT},
    Step.INTERVIEW_WANTED: {Step.INTERVIEW_HELD, Step.NOT_RELEVANT},
    Step.INTERVIEW_HELD: {Step.WORK_TRIAL, Step.HIRED, Step.NOT_HIRED},
    Step.WORK_TRIAL: {Step.HIRED, Step.NOT_HIRED},
}
FINAL_STEPS = frozenset({Step.HIRED, Step.NOT_HIRED, Step.NOT_RELEVANT, Step.WITHDRAWN})
TRANSITIONS = {
    step: frozenset(
        _NEXT.get(step, set()) | ({Step.WITHDRAWN} if step not in FINAL_STEPS else set())
    )
    for step in Step
}
# What happens next, as the candidate's owner (adviser, provider) reads it on the home page:
# the owner asks for consent, the contact person presents and arranges the interview, the
# employer answers.
OWNER_NEXT_ACTION = {
    Step.PROPOSED: _("Kontaktpersonen vurderer forslaget"),
    Step.ASSESSING: _("Innhent kandidatens samtykke"),
    Step.CONSENT_REQUESTED: _("Venter på kandidatens svar på samtykket"),
    Step.CONSENT_GIVEN: _("Kontaktpersonen presenterer kandidaten for arbeidsgiveren"),
    Step.CONSENT_DECLINED: _("Snakk med kandidaten, eller trekk forslaget"),
    Step.PRESENTED: _("Venter på arbeidsgiverens svar"),
    Step.INTERVIEW_WANTED: _("Kontaktpersonen avtaler intervjuet; forbered kandidaten"),
    Step.INTERVIEW_HELD: _("Venter på arbeidsgiverens beslutning"),
    Step.WORK_TRIAL: _("Følg opp arbeidsutprøvingen"),
}
# The steps from the presentation on: the employer sees the candidate at these (given a valid
# consent).
EMPLOYER_VISIBLE_STEPS = frozenset(
    {
        Step.PRESENTED,
        Step.INTERVIEW_WANTED,
        Step.NOT_RELEVANT,
        Step.INTERVIEW_HELD,
        Step.WORK_TRIAL,
        Step.HIRED,
        Step.NOT_HIRED,
    }
)


class ShortlistEntryQuerySet(models.QuerySet):
    def live(self):
        return self.filter(archived_at__isnull=True)

    def managed_by(self, user):
        return self.filter(shortlist__opening__in=openings_managed_by(user))

    def visible_to(self, user):
        """Entries a user may see in full: the contact side of the opening, and the candidate's
        owner. Employer users see entries only through candidates.selectors.pipeline."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == Role.ADMIN:
            return self
        return self.filter(
            Q(shortlist__opening__in=openings_managed_by(user)) | Q(candidate__owner=user)
        )


class ShortlistEntry(models.Model):
    """One candidate on one opening's shortlist, with where they are in the pipeline."""

    ACTIVITY_PREFIX = "candidates.entry"
    STATUS_FIELD = "step"
    TRANSITIONS = TRANSITIONS

    class Source(models.TextChoices):
        SEARCH = "search", _("Fra søk")
        PROPOSAL = "proposal", _("Foreslått av oppfølger")

    shortlist = models.ForeignKey(
        Shortlist, on_delete=models.CASCADE, related_name="entries", verbose_name=_("liste")
    )
    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.PROTECT,
        related_name="shortlist_entries",
        verbose_name=_("kandidat"),
    )
    step = models.CharField(_("steg"), max_length=20, choices=Step.choices, default=Step.PROPOSED)
    source = models.CharField(_("kilde"), max_length=10, choices=Source.choices)
    motivation = models.TextField(_("begrunnelse"), blank=True, max_length=2000)
    added_by = user_fk(_("lagt til av"))
    # Removed candidates are archived, not deleted, so the removal can be undone.
    archived_at = models.DateTimeField(_("fjernet fra listen"), null=True, blank=True)
    created_at = models.DateTimeField(_("lagt til"), default=timezone.now)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = ShortlistEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("kandidat på liste")
        verbose_name_plural = _("kandidater på lister")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["shortlist", "candidate"], name="shortlist_entry_unique_candidate"
            )
        ]
        indexes = [
            models.Index(fields=["shortlist", "step"], name="shortlist_entry_step_idx"),
            models.Index(
                fields=["candidate"],
                condition=Q(archived_at__isnull=True),
                name="shortlist_entry_live_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} @ {self.shortlist_id}: {self.step}"

    @property
    def owner_next_action(self) -> str:
        return OWNER_NEXT_ACTION.get(self.step, "")

    def can_move_to(self, step: str) -> bool:
        return may_transition(self, step)

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None
