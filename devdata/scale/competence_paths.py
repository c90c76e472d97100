"""National-scale competence paths for benchmarks (`manage.py seed_scale`): at scale 1, 600
paths with 6,000 participants (about ten each) spread over every county, on the employers
and candidates of the county, with dated status histories and stage progress. The bench
contact person gets a running path with 40 participants whatever the scale."""

import datetime
import itertools
import random

from django.db.models import Case, When
from django.utils import timezone

from accounts.models import Role, User
from candidates.models import Candidate
from competence_paths.models import (
    CompetencePath,
    Participant,
    ParticipantStatusChange,
    Stage,
    StageProgress,
)
from competence_paths.services.paths import stage_dates
from employers.models import Employer

PATHS = 600
PARTICIPANTS_PER_PATH = 10
BENCH_CONTACT = "contact_person.0.0@skala.no"
BENCH_PARTICIPANTS = 40
TITLE = "Skala kompetanseløp"
S = CompetencePath.Status
P = Participant.Status
# (status, weeks from start to today) per path; participants follow their path's status.
PATH_PLANS = [(S.RUNNING, 5), (S.PLANNED, -4), (S.COMPLETED, 20), (S.DRAFT, -8), (S.CANCELLED, -2)]
PARTICIPANT_STATUS = {
    S.DRAFT: [P.ASSESSING],
    S.PLANNED: [P.WAITING, P.WAITING, P.ASSESSING, P.NOT_RELEVANT],
    S.RUNNING: [P.TAKING_PART] * 6 + [P.DROPPED_OUT],
    S.COMPLETED: [P.COMPLETED] * 5 + [P.DROPPED_OUT],
    S.CANCELLED: [P.NOT_RELEVANT],
}


def _contacts_by_county() -> dict[int, list[User]]:
    contacts: dict[int, list[User]] = {}
    users = User.objects.filter(role=Role.CONTACT_PERSON, is_active=True)
    for user in users.order_by(Case(When(email=BENCH_CONTACT, then=0), default=1), "pk"):
        contacts.setdefault(user.county_id, []).append(user)
    return contacts


def _path(n, employer, contact, plan, today, rng) -> CompetencePath:
    status, weeks_ago = plan
    start = today - datetime.timedelta(weeks=weeks_ago)
    weeks = [4, 8] if n % 2 else [2, 6, 4]
    dates = stage_dates(start, weeks)
    path = CompetencePath(
        employer=employer,
        county_id=employer.county_id,
        title=f"{TITLE} {n + 1}",
        qualification=rng.choice(["Fagbrev", "Truckførerbevis", "Vekterkurs", "Helsefagarbeider"]),
        places=rng.choice([2, 4, 6, 10]),
        planned_start=start,
        ends_on=dates[-1][1],
        measures=["work_training", "wage_subsidy"],
        hire_decision_on=dates[-1][1],
        status=status,
        cancel_reason="too_few" if status == S.CANCELLED else "",
        contact=contact,
        created_by=contact,
    )
    path._weeks = weeks
    return path


def seed_scale(scale: float) -> str:
    if CompetencePath.objects.filter(title__startswith=TITLE).exists():
        return "already there"
    rng = random.Random(12)
    today = timezone.localdate()
    contacts = _contacts_by_county()
    employers = {
        county_id: list(Employer.objects.filter(county_id=county_id).order_by("pk")[:200])
        for county_id in contacts
    }
    candidates = {
        county_id: list(
            Candidate.objects.filter(county_id=county_id, is_active=True)
            .order_by("pk")
            .values_list("pk", flat=True)[:5_000]
        )
        for county_id in contacts
    }
    counties = [c for c in contacts if employers[c] and candidates[c]]
    paths = []
    for n in range(max(1, round(PATHS * scale))):
        county_id = counties[n % len(counties)]
        contact = contacts[county_id][(n // len(counties)) % len(contacts[county_id])]
        plan = PATH_PLANS[0] if n == 0 else PATH_PLANS[n % len(PATH_PLANS)]
        employer = employers[county_id][n % len(employers[county_id])]
        paths.append(_path(n, employer, contact, plan, today, rng))
    weeks = [path._weeks for path in paths]
    CompetencePath.objects.bulk_create(paths, batch_size=1_000)
    stages = Stage.objects.bulk_create(
        Stage(
            path=path,
            order=order,
            kind="course" if order == 1 else "work_training",
            title=f"Trinn {order}",
            duration_weeks=w,
            starts_on=starts_on,
            ends_on=ends_on,
        )
        for path, path_weeks in zip(paths, weeks, strict=True)
        for order, (w, (starts_on, ends_on)) in enumerate(
            zip(path_weeks, stage_dates(path.planned_start, path_weeks), strict=True), 1
        )
    )
    first_stage = {stage.path_id: stage for stage in stages if stage.order == 1}
    participants = []
    used = {county_id: itertools.cycle(ids) for county_id, ids in candidates.items()}
    for n, path in enumerate(paths):
        count = BENCH_PARTICIPANTS if n == 0 else PARTICIPANTS_PER_PATH
        if n:
            count = round(count * min(1.0, scale * 10)) or 1
        # (path, candidate) is unique: never more than the county has.
        count = min(count, len(candidates[path.county_id]))
        for k in range(count):
            status = PARTICIPANT_STATUS[path.status][k % len(PARTICIPANT_STATUS[path.status])]
            participants.append(
                Participant(
                    path=path,
                    candidate_id=next(used[path.county_id]),
                    status=status,
                    status_since=min(path.planned_start, today),
                    end_reason="illness" if status == P.DROPPED_OUT else "",
                    added_by=path.contact,
                )
            )
    Participant.objects.bulk_create(participants, batch_size=5_000)
    ParticipantStatusChange.objects.bulk_create(
        (
            ParticipantStatusChange(
                participant=p,
                status=p.status,
                valid_from=p.status_since,
                end_reason=p.end_reason,
                actor=p.added_by,
                applied_at=timezone.now(),
            )
            for p in participants
        ),
        batch_size=5_000,
    )
    StageProgress.objects.bulk_create(
        (
            StageProgress(
                participant=p,
                stage=first_stage[p.path_id],
                state="completed",
                updated_by=p.added_by,
            )
            for p in participants
            if p.status in (P.TAKING_PART, P.COMPLETED)
        ),
        batch_size=5_000,
    )
    return f"{len(paths)} paths, {len(participants)} participants"
