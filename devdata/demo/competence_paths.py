"""Demo competence paths (see `seed_demo`): one modelled on Aker Solutions Stord (20 picked
from the target group, 4 chosen after interviews, the course stage completed for some, one
dropped out, one hired) and paths in every other status, with participants at every status.

Written through the services (with the county's contact person as the actor) so the rows,
dated histories and the hire (a candidates Placement) are exactly what users produce; dates
are then laid in the past where the story needs it."""

import datetime

from django.utils import timezone

from accounts.models import County, MeasureProvider, Role, User
from candidates.models import Candidate, ConsentRequest, ShortlistEntry, Step
from candidates.services.pipeline import assessment_start
from candidates.services.shortlist import shortlist_for
from competence_paths.models import CompetencePath, Participant, PathTemplate
from competence_paths.services.participants import (
    participant_add,
    participant_record_outcome,
    participant_set_status,
    progress_record,
)
from competence_paths.services.paths import path_create, path_transition, template_initial
from employers.models import JobOpening

STORD_TITLE = "Stillasbygger – kompetanseløp"


def _opening(county: County, *, nth: int = 0) -> JobOpening | None:
    """The county's nth open opening (the first one when there are fewer)."""
    openings = list(
        JobOpening.objects.filter(employer__county=county, status=JobOpening.Status.OPEN)
        .select_related("employer")
        .order_by("id")[: nth + 1]
    )
    return openings[min(nth, len(openings) - 1)] if openings else None


def _entries(opening: JobOpening, contact: User, count: int, *, chosen: int) -> list:
    shortlist = shortlist_for(opening)
    taken = shortlist.entries.values("candidate_id")
    candidates = Candidate.objects.active().filter(county=opening.employer.county)
    entries = []
    for index, candidate in enumerate(candidates.exclude(pk__in=taken).order_by("id")[:count]):
        step = Step.WORK_TRIAL if index < chosen else Step.ASSESSING
        entry = ShortlistEntry.objects.create(
            shortlist=shortlist, candidate=candidate, step=step, source="search", added_by=contact
        )
        if index < chosen:
            ConsentRequest.objects.create(
                entry=entry,
                method=ConsentRequest.Method.MEETING,
                status=ConsentRequest.Status.GIVEN,
                requested_by=candidate.owner,
                responded_at=timezone.now(),
            )
            # Chosen for the work trial, so presented: the employer's assessment and its
            # six-month clock, as entry_move starts them.
            assessment_start(entry)
        entries.append(entry)
    return entries


def _path(template_name: str, opening: JobOpening, contact: User, start: datetime.date, **extra):
    template = PathTemplate.objects.get(county=None, name=template_name)
    initial, stages = template_initial(template, start=start)
    initial.update(extra)
    provider = (
        MeasureProvider.objects.filter(regions__county=opening.employer.county)
        .order_by("id")
        .first()
    )
    for stage in stages:
        if stage["deliverer"] == "provider":
            stage["provider"] = provider
    return path_create(
        employer=opening.employer,
        actor=contact,
        stages=stages,
        template=template,
        opening=opening,
        contact=contact,
        agreement=opening.employer.agreements.order_by("-id").first(),
        union_reps=list(opening.employer.people.filter(kind="union_rep")),
        **initial,
    )


def _added(path: CompetencePath, entry, contact: User) -> Participant:
    """Add a participant as if it happened a week before the path started."""
    participant = participant_add(path=path, entry=entry, actor=contact)
    day = min(path.planned_start, timezone.localdate()) - datetime.timedelta(weeks=1)
    Participant.objects.filter(pk=participant.pk).update(status_since=day)
    participant.status_changes.update(valid_from=day)
    participant.refresh_from_db()
    return participant


def _set(participant: Participant, actor: User, to: str, day: datetime.date, **kwargs) -> None:
    participant_set_status(participant=participant, to=to, valid_from=day, actor=actor, **kwargs)
    participant.refresh_from_db()


def _stord(county: County, contact: User, today: datetime.date) -> CompetencePath | None:
    opening = _opening(county)
    if opening is None:
        return None
    start = today - datetime.timedelta(weeks=6)
    path = _path(
        "Stord: stillasbygger",
        opening,
        contact,
        start,
        title=STORD_TITLE,
        hire_terms=("Vurderes for ansettelse med lønnstilskudd etter 3 måneder"),
    )
    entries = _entries(opening, contact, 20, chosen=4)
    path_transition(path=path, to="planned", actor=contact)
    path_transition(path=path, to="running", actor=contact)
    first_stage = path.stages.first()
    participants = [_added(path, e, contact) for e in entries[:4]]
    for participant in participants:
        _set(participant, contact, "taking_part", start)
    for participant in participants[:3]:
        progress_record(
            participant=participant, stage=first_stage, state="completed", actor=contact
        )
    _set(
        participants[3],
        contact,
        "dropped_out",
        start + datetime.timedelta(weeks=2),
        end_reason="no_show",
        note="Møtte ikke de to første ukene.",
    )
    participant_record_outcome(
        participant=participants[0],
        outcome="hired",
        actor=contact,
        hire={
            "start_date": today + datetime.timedelta(weeks=7),
            "position": "Stillasbygger",
            "contract_type": "permanent",
            "extent_percent": 100,
            "measures_used": ["wage_subsidy"],
            "contract_confirmed": True,
        },
    )
    return path


def _others(county: County, contact: User, today: datetime.date) -> int:
    opening = _opening(county, nth=1)
    if opening is None:
        return 0
    entries = _entries(opening, contact, 8, chosen=8)
    made = 0
    draft = _path("Springbrett", opening, contact, today + datetime.timedelta(weeks=8))
    _added(draft, entries[0], contact)
    made += 1
    planned = _path("Menn i helse", opening, contact, today + datetime.timedelta(weeks=3))
    path_transition(path=planned, to="planned", actor=contact)
    waiting = _added(planned, entries[1], contact)
    _set(waiting, contact, "waiting", today)
    never = _added(planned, entries[2], contact)
    _set(never, contact, "not_relevant", today, note="Takket nei før oppstart.")
    made += 1
    done = _path("JobbLoop", opening, contact, today - datetime.timedelta(weeks=60))
    path_transition(path=done, to="planned", actor=contact)
    path_transition(path=done, to="running", actor=contact)
    for entry in entries[3:5]:
        participant = _added(done, entry, contact)
        _set(participant, contact, "taking_part", done.planned_start)
        _set(participant, contact, "completed", done.ends_on + datetime.timedelta(days=1))
    participant_record_outcome(
        participant=participant, outcome="not_hired", actor=contact, not_hired_reason="no_position"
    )
    path_transition(path=done, to="completed", actor=contact)
    made += 1
    cancelled = _path(
        "Springbrett",
        opening,
        contact,
        today + datetime.timedelta(weeks=2),
        title="Springbrett – vår",
    )
    path_transition(path=cancelled, to="cancelled", actor=contact, reason="too_few")
    return made + 1


def seed() -> str:
    if CompetencePath.objects.exists():
        return "competence paths exist, nothing to do"
    today = timezone.localdate()
    made = 0
    for county in County.objects.filter(is_pilot=True).order_by("name"):
        contact = (
            User.objects.filter(role=Role.CONTACT_PERSON, county=county).order_by("id").first()
        )
        if contact is None:
            continue
        if county.name == "Vestland" and _stord(county, contact, today):
            made += 1
        made += _others(county, contact, today)
    return f"{made} competence paths"
