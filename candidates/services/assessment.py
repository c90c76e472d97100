"""The employer's own assessment of a candidate presented to it, and the candidate leaving the
employer's view: removed by the employer, or six months after the presentation."""

import datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from core.activity import log_action

from ..models import EmployerAssessment, ShortlistEntry, Step
from .pipeline import lock_entry, notify_contact_side, notify_owner

# NAV's own candidate service keeps a presented CV for six months; a hire keeps it for good.
VISIBLE_FOR = relativedelta(months=6)


def _check_employer(actor: User, entry: ShortlistEntry) -> None:
    opening = entry.shortlist.opening
    if actor.role != Role.EMPLOYER_USER or actor.acting_employer_id != opening.employer_id:
        raise PermissionDenied


def _locked_assessment(entry: ShortlistEntry) -> EmployerAssessment:
    assessment, _created = EmployerAssessment.objects.select_for_update().get_or_create(entry=entry)
    if assessment.is_gone:
        raise ValidationError(_("Kandidaten er ikke lenger synlig for dere."))
    return assessment


def _tell_nav(entry: ShortlistEntry, *, actor: User, title: str, body: str = "") -> None:
    notify_owner(entry, actor=actor, title=title, body=body)
    notify_contact_side(entry, actor=actor, title=title, body=body)


@transaction.atomic
def assessment_set(
    *, entry: ShortlistEntry, actor: User, status: str, reason: str = ""
) -> EmployerAssessment:
    """The employer changes its own assessment; the candidate's owner and the contact person
    are told. Only "ikke aktuell" keeps a reason."""
    entry = lock_entry(entry, allow_closed=True)
    _check_employer(actor, entry)
    assessment = _locked_assessment(entry)
    reason = reason.strip() if status == EmployerAssessment.Status.NOT_RELEVANT else ""
    if (assessment.status, assessment.reason) == (status, reason):
        return assessment
    from_status = assessment.status
    assessment.status = status
    assessment.reason = reason
    assessment.updated_by = actor
    assessment.save(update_fields=["status", "reason", "updated_by", "updated_at"])
    log_action(
        entry,
        "candidates.assessment.changed",
        actor=actor,
        note=reason,
        from_state=from_status,
        to_state=status,
    )
    opening = entry.shortlist.opening
    _tell_nav(
        entry,
        actor=actor,
        title=_("%(employer)s: en kandidat til %(opening)s er «%(status)s»")
        % {
            "employer": opening.employer.name,
            "opening": opening.title,
            "status": assessment.get_status_display().lower(),
        },
    )
    return assessment


@transaction.atomic
def assessment_remove(*, entry: ShortlistEntry, actor: User) -> EmployerAssessment:
    """The employer removes a candidate from its view, for good."""
    entry = lock_entry(entry, allow_closed=True)
    _check_employer(actor, entry)
    assessment = _locked_assessment(entry)
    assessment.gone_at = timezone.now()
    assessment.gone_why = EmployerAssessment.Gone.REMOVED
    assessment.updated_by = actor
    assessment.save(update_fields=["gone_at", "gone_why", "updated_by", "updated_at"])
    log_action(entry, "candidates.assessment.removed", actor=actor)
    _tell_nav(
        entry,
        actor=actor,
        title=_("%(employer)s har fjernet en kandidat til %(opening)s fra sin visning")
        % {
            "employer": entry.shortlist.opening.employer.name,
            "opening": entry.shortlist.opening.title,
        },
    )
    return assessment


def expiry_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - VISIBLE_FOR


def expired_assessments(now: datetime.datetime | None = None):
    """Still visible, presented more than six months ago, and not hired."""
    return EmployerAssessment.objects.filter(
        gone_at__isnull=True, presented_at__lt=expiry_cutoff(now)
    ).exclude(Q(entry__step=Step.HIRED) | Q(status=EmployerAssessment.Status.GOT_JOB))


@transaction.atomic
def assessments_expire(*, now: datetime.datetime | None = None) -> int:
    """Hide every presentation older than six months from the employer. Idempotent: a second
    run finds nothing left to hide."""
    now = now or timezone.now()
    ids = list(expired_assessments(now).select_for_update(skip_locked=True).values_list("pk"))
    return EmployerAssessment.objects.filter(pk__in=[pk for (pk,) in ids]).update(
        gone_at=now, gone_why=EmployerAssessment.Gone.EXPIRED, updated_at=now
    )
