"""What moves by date without anyone clicking (beat, every night, Europe/Oslo days):

- a planned path starts running on its start day and completes the day after its last stage;
- a participant's status set for a future day takes effect on that day;
- a participant waiting to start takes part from the path's start day, and one taking part has
  completed the day after the path ends — unless someone changed the status (then it is no
  longer waiting / taking part) or a change is already waiting for a later day.

Every move locks its row and checks the state again, so a second run (or a second worker)
finds nothing left to do."""

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef

from core.transitions import may_transition

from ..models import CompetencePath, Participant, ParticipantStatus, ParticipantStatusChange
from .participants import _apply
from .paths import path_transition

S = ParticipantStatus


def _move_path(path_id: int, to: str) -> bool:
    with transaction.atomic():
        path = CompetencePath.objects.select_for_update().get(pk=path_id)
        if not may_transition(path, to):
            return False
        path_transition(path=path, to=to, actor=None)
        return True


def _paths_by_date(today: datetime.date) -> int:
    moved = 0
    starting = CompetencePath.objects.filter(
        status=CompetencePath.Status.PLANNED, planned_start__lte=today
    ).values_list("pk", flat=True)
    for path_id in list(starting):
        moved += _move_path(path_id, CompetencePath.Status.RUNNING)
    ending = CompetencePath.objects.filter(
        status=CompetencePath.Status.RUNNING, ends_on__lt=today
    ).values_list("pk", flat=True)
    for path_id in list(ending):
        moved += _move_path(path_id, CompetencePath.Status.COMPLETED)
    return moved


def _waiting_changes(today: datetime.date) -> int:
    applied = 0
    due = ParticipantStatusChange.objects.filter(
        applied_at=None, replaced_at=None, valid_from__lte=today
    ).values_list("pk", flat=True)
    for change_id in list(due):
        with transaction.atomic():
            change = (
                ParticipantStatusChange.objects.select_for_update()
                .filter(pk=change_id, applied_at=None, replaced_at=None)
                .first()
            )
            if change is None:
                continue
            participant = Participant.objects.select_for_update().get(pk=change.participant_id)
            if not may_transition(participant, change.status):
                # Someone moved the participant meanwhile to where this change cannot follow.
                change.replaced_at = change.created_at
                change.save(update_fields=["replaced_at"])
                continue
            _apply(participant, change, actor=None)
            applied += 1
    return applied


def _participants_by_path_dates(today: datetime.date) -> int:
    waiting_change = ParticipantStatusChange.objects.filter(
        participant=OuterRef("pk"), applied_at=None, replaced_at=None
    )
    moves = [
        (S.WAITING, S.TAKING_PART, {"path__planned_start__lte": today}, "planned_start"),
        (S.TAKING_PART, S.COMPLETED, {"path__ends_on__lt": today}, "ends_on"),
    ]
    moved = 0
    for from_status, to_status, by_date, date_field in moves:
        due = (
            Participant.objects.filter(
                status=from_status,
                path__status__in=(CompetencePath.Status.RUNNING, CompetencePath.Status.COMPLETED),
                **by_date,
            )
            .exclude(Exists(waiting_change))
            .values_list("pk", "path__planned_start", "path__ends_on")
        )
        for participant_id, starts, ends in list(due):
            valid_from = starts if date_field == "planned_start" else ends + datetime.timedelta(1)
            with transaction.atomic():
                participant = Participant.objects.select_for_update().get(pk=participant_id)
                if participant.status != from_status:
                    continue
                change = ParticipantStatusChange.objects.create(
                    participant=participant, status=to_status, valid_from=valid_from
                )
                _apply(participant, change, actor=None)
                moved += 1
    return moved


def statuses_move_by_date(*, today: datetime.date) -> int:
    """Run every move due on `today` (a Europe/Oslo date); returns how many moved."""
    moved = _paths_by_date(today)
    moved += _waiting_changes(today)
    moved += _participants_by_path_dates(today)
    return moved
