"""Following participants: dated statuses (a status for a future day waits for that day),
progress per stage, the outcome, and the nightly moves by date."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from candidates.models import ShortlistEntry
from candidates.services.pipeline import entry_hire
from core.activity import log_action
from core.transitions import may_transition, transition

from ..models import (
    CompetencePath,
    EndReason,
    Outcome,
    Participant,
    ParticipantStatus,
    ParticipantStatusChange,
    Stage,
    StageProgress,
)
from ..permissions import may_follow, may_manage

ADDABLE = (
    CompetencePath.Status.DRAFT,
    CompetencePath.Status.PLANNED,
    CompetencePath.Status.RUNNING,
)


@transaction.atomic
def participant_add(*, path: CompetencePath, entry: ShortlistEntry, actor: User) -> Participant:
    """Take a candidate from the opening's shortlist into the path (status «Vurderes»)."""
    if not may_manage(actor, path):
        raise PermissionDenied
    if path.status not in ADDABLE:
        raise ValidationError(_("Løpet er avsluttet."))
    if path.opening_id is None or entry.shortlist.opening_id != path.opening_id:
        raise ValidationError(_("Kandidaten står ikke på kandidatlisten til løpets stilling."))
    if path.participants.filter(candidate_id=entry.candidate_id).exists():
        raise ValidationError(_("Kandidaten er allerede med i løpet."))
    return participant_create(path=path, entry=entry, actor=actor)


def participant_create(
    *,
    path: CompetencePath,
    entry: ShortlistEntry,
    actor: User,
    status: str = ParticipantStatus.ASSESSING,
    note: str = "",
) -> Participant:
    """The participant row, its first dated status and the history line (callers check who
    may add and whether the path still takes participants)."""
    today = timezone.localdate()
    participant = Participant.objects.create(
        path=path,
        candidate=entry.candidate,
        entry=entry,
        added_by=actor,
        status=status,
        status_since=today,
    )
    ParticipantStatusChange.objects.create(
        participant=participant,
        status=participant.status,
        valid_from=today,
        actor=actor,
        note=note,
        applied_at=timezone.now(),
    )
    log_action(
        participant,
        "competence_paths.participant.added",
        actor=actor,
        to_state=participant.status,
        note=note,
    )
    return participant


def _lock(participant: Participant) -> Participant:
    return (
        Participant.objects.select_for_update(of=("self",))
        .select_related("path", "candidate")
        .get(pk=participant.pk)
    )


def _apply(
    participant: Participant, change: ParticipantStatusChange, *, actor: User | None
) -> None:
    participant.end_reason = change.end_reason
    participant.end_note = change.note if change.end_reason == EndReason.OTHER else ""
    participant.status_since = change.valid_from
    transition(
        participant,
        to=change.status,
        actor=actor,
        note=change.note,
        fields=["end_reason", "end_note", "status_since"],
        data={"valid_from": change.valid_from.isoformat()},
    )
    change.applied_at = timezone.now()
    change.save(update_fields=["applied_at"])


@transaction.atomic
def participant_set_status(
    *,
    participant: Participant,
    to: str,
    valid_from: datetime.date,
    actor: User,
    end_reason: str = "",
    note: str = "",
) -> ParticipantStatusChange:
    """Set a status from a day. Today or earlier applies now; a later day waits for the
    nightly task. A new change replaces one still waiting."""
    participant = _lock(participant)
    if not may_follow(actor, participant):
        raise PermissionDenied
    if to == ParticipantStatus.DROPPED_OUT and not end_reason:
        raise ValidationError({"end_reason": _("Oppgi hvorfor deltakeren avbrøt.")})
    if end_reason == EndReason.OTHER and not note.strip():
        raise ValidationError({"note": _("Forklar årsaken når du velger «Annet».")})
    if not may_transition(participant, to):
        raise ValidationError(
            _("Statusen kan ikke endres fra «%(from)s» til «%(to)s».")
            % {"from": participant.get_status_display(), "to": ParticipantStatus(to).label}
        )
    if valid_from < participant.status_since:
        raise ValidationError(
            {"valid_from": _("Datoen kan ikke være før den gjeldende statusen startet.")}
        )
    now = timezone.now()
    participant.status_changes.filter(applied_at=None, replaced_at=None).update(replaced_at=now)
    change = ParticipantStatusChange.objects.create(
        participant=participant,
        status=to,
        valid_from=valid_from,
        end_reason=end_reason if to == ParticipantStatus.DROPPED_OUT else "",
        note=note.strip(),
        actor=actor,
    )
    if valid_from <= timezone.localdate():
        _apply(participant, change, actor=actor)
    return change


@transaction.atomic
def progress_record(
    *, participant: Participant, stage: Stage, state: str, actor: User, note: str = ""
) -> StageProgress:
    participant = _lock(participant)
    if not may_follow(actor, participant):
        raise PermissionDenied
    if stage.path_id != participant.path_id:
        raise ValidationError(_("Trinnet hører til et annet løp."))
    progress, _created = StageProgress.objects.update_or_create(
        participant=participant,
        stage=stage,
        defaults={"state": state, "note": note.strip(), "updated_by": actor},
    )
    log_action(
        participant,
        "competence_paths.participant.progress",
        actor=actor,
        note=f"{stage.title}: {progress.get_state_display()}"
        + (f" – {note.strip()}" if note.strip() else ""),
        data={"stage": stage.pk, "state": state},
    )
    return progress


@transaction.atomic
def participant_record_outcome(
    *,
    participant: Participant,
    outcome: str,
    actor: User,
    not_hired_reason: str = "",
    hire: dict | None = None,
) -> Participant:
    """Hired links the entry's Placement, or records the hire through the opening's pipeline
    (which creates the Placement); not hired needs a reason."""
    participant = _lock(participant)
    if not may_manage(actor, participant.path):
        raise PermissionDenied
    participant.not_hired_reason = ""
    if outcome == Outcome.HIRED:
        entry = participant.entry
        if entry is None:
            raise ValidationError(_("Deltakeren er ikke knyttet til en kandidatliste."))
        placement = getattr(entry, "placement", None)
        if placement is None:
            placement = entry_hire(entry=entry, actor=actor, **(hire or {}))
        participant.placement = placement
    elif outcome == Outcome.NOT_HIRED:
        if not not_hired_reason:
            raise ValidationError(
                {"not_hired_reason": _("Oppgi hvorfor deltakeren ikke ble ansatt.")}
            )
        participant.not_hired_reason = not_hired_reason
    participant.outcome = outcome
    participant.save(update_fields=["outcome", "not_hired_reason", "placement", "updated_at"])
    log_action(
        participant,
        f"competence_paths.participant.outcome_{outcome}",
        actor=actor,
        note=participant.get_not_hired_reason_display() if not_hired_reason else "",
    )
    return participant
