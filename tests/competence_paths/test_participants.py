import datetime
import zoneinfo
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import Role
from competence_paths.models import CompetencePath, Participant, ParticipantStatusChange
from competence_paths.services.nightly import statuses_move_by_date
from competence_paths.services.participants import participant_set_status, progress_record
from competence_paths.tasks import move_path_statuses_by_date
from tests.factories import user_with_role

from .factories import add_participant, make_path

pytestmark = pytest.mark.django_db
D = datetime.date
OSLO = zoneinfo.ZoneInfo("Europe/Oslo")


def _set_status(participant, to, valid_from=None, **fields):
    """The path's contact sets the participant's status from `valid_from` (default today)."""
    return participant_set_status(
        participant=participant,
        to=to,
        valid_from=valid_from or timezone.localdate(),
        actor=participant.path.contact,
        **fields,
    )


def _participant_at(path, status, **fields):
    """A participant of the path put at `status` directly, as if moved there earlier."""
    participant = add_participant(path)
    Participant.objects.filter(pk=participant.pk).update(status=status, **fields)
    participant.refresh_from_db()
    return participant


def _statuses(path):
    return dict(path.participants.values_list("pk", "status"))


def test_a_status_set_for_today_applies_at_once_with_its_history():
    path = make_path()
    participant = add_participant(path)
    today = timezone.localdate()
    _set_status(participant, "waiting")
    participant.refresh_from_db()
    assert participant.status == "waiting" and participant.status_since == today
    assert list(participant.status_changes.values_list("status", flat=True)) == [
        "assessing",
        "waiting",
    ]


def test_a_status_set_for_a_future_day_waits_for_that_day():
    path = make_path()
    participant = add_participant(path)
    day = timezone.localdate() + datetime.timedelta(days=3)
    change = _set_status(participant, "waiting", day)
    participant.refresh_from_db()
    assert participant.status == "assessing" and change.is_waiting
    statuses_move_by_date(today=day - datetime.timedelta(days=1))
    participant.refresh_from_db()
    assert participant.status == "assessing"
    statuses_move_by_date(today=day)
    participant.refresh_from_db()
    assert participant.status == "waiting" and participant.status_since == day


def test_a_new_status_replaces_one_still_waiting():
    path = make_path()
    participant = add_participant(path)
    day = timezone.localdate() + datetime.timedelta(days=3)
    _set_status(participant, "waiting", day)
    _set_status(participant, "not_relevant", day)
    waiting = ParticipantStatusChange.objects.filter(
        participant=participant, applied_at=None, replaced_at=None
    )
    assert list(waiting.values_list("status", flat=True)) == ["not_relevant"]


def test_dropping_out_needs_a_reason_and_other_needs_text():
    path = make_path()
    participant = add_participant(path)
    _set_status(participant, "taking_part")
    with pytest.raises(ValidationError):
        _set_status(participant, "dropped_out")
    with pytest.raises(ValidationError):
        _set_status(participant, "dropped_out", end_reason="other")
    _set_status(participant, "dropped_out", end_reason="illness")
    participant.refresh_from_db()
    assert (participant.status, participant.end_reason) == ("dropped_out", "illness")


def test_a_completed_participant_cannot_go_back_to_taking_part():
    path = make_path()
    participant = add_participant(path)
    for to in ("taking_part", "completed"):
        _set_status(participant, to)
    with pytest.raises(ValidationError):
        _set_status(participant, "taking_part")


def test_the_owner_follows_their_own_participant_but_not_others():
    path = make_path()
    adviser = user_with_role(Role.ADVISER)
    own = add_participant(path, owner=adviser)
    other = add_participant(path)
    today = timezone.localdate()
    participant_set_status(participant=own, to="waiting", valid_from=today, actor=adviser)
    with pytest.raises(PermissionDenied):
        participant_set_status(participant=other, to="waiting", valid_from=today, actor=adviser)


def test_nightly_moves_path_and_waiting_participants_on_the_start_day_only():
    start = D(2026, 3, 2)
    path = make_path(start=start, weeks=(4, 8), status=CompetencePath.Status.PLANNED)
    waiting = _participant_at(path, "waiting")
    assessing = add_participant(path)
    statuses_move_by_date(today=start - datetime.timedelta(days=1))
    path.refresh_from_db()
    assert path.status == "planned"
    assert statuses_move_by_date(today=start) == 2
    path.refresh_from_db()
    assert path.status == "running"
    assert _statuses(path) == {waiting.pk: "taking_part", assessing.pk: "assessing"}
    assert statuses_move_by_date(today=start) == 0


def test_nightly_completes_on_the_day_after_the_path_ends_and_is_idempotent():
    start = D(2026, 3, 2)
    path = make_path(start=start, weeks=(4, 8), status=CompetencePath.Status.RUNNING)
    taking_part = _participant_at(path, "taking_part")
    dropped = _participant_at(path, "dropped_out", end_reason="illness")
    statuses_move_by_date(today=path.ends_on)
    path.refresh_from_db()
    assert path.status == "running"
    assert statuses_move_by_date(today=path.ends_on + datetime.timedelta(days=1)) == 2
    assert statuses_move_by_date(today=path.ends_on + datetime.timedelta(days=1)) == 0
    path.refresh_from_db()
    assert path.status == "completed"
    assert _statuses(path) == {taking_part.pk: "completed", dropped.pk: "dropped_out"}
    change = taking_part.status_changes.get(status="completed")
    assert change.valid_from == path.ends_on + datetime.timedelta(days=1) and change.actor is None


def test_nightly_leaves_a_participant_someone_gave_a_later_status():
    start = timezone.localdate()
    path = make_path(start=start, status=CompetencePath.Status.PLANNED)
    participant = _participant_at(path, "waiting")
    _set_status(participant, "not_relevant", start + datetime.timedelta(days=5))
    statuses_move_by_date(today=start)
    participant.refresh_from_db()
    assert participant.status == "waiting"


def test_the_beat_task_counts_the_day_in_oslo():
    # 23:30 UTC on 1 March is 00:30 on 2 March in Oslo: the path starts "today".
    start = D(2026, 3, 2)
    path = make_path(start=start, status=CompetencePath.Status.PLANNED)
    late_utc = datetime.datetime(2026, 3, 1, 23, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=late_utc):
        move_path_statuses_by_date()
    path.refresh_from_db()
    assert path.status == "running"


def test_progress_per_stage_is_one_row_updated_in_place():
    path = make_path()
    participant = add_participant(path)
    stage = path.stages.first()
    progress_record(participant=participant, stage=stage, state="started", actor=path.contact)
    progress_record(
        participant=participant, stage=stage, state="completed", actor=path.contact, note="Bestått"
    )
    assert list(participant.progress.values_list("state", "note")) == [("completed", "Bestått")]
