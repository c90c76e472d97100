import datetime

from accounts.models import Role
from candidates.services.shortlist import shortlist_for
from competence_paths.models import CompetencePath, Participant, PathTemplate
from competence_paths.services.participants import participant_add
from competence_paths.services.paths import path_create
from tests.candidates.factories import CandidateFactory, ShortlistEntryFactory
from tests.employers.factories import EmployerFactory, JobOpeningFactory
from tests.factories import user_with_role

STORD = "Stord: stillasbygger"


def stages(*weeks: int) -> list[dict]:
    return [
        {
            "kind": "course",
            "title": f"Trinn {n}",
            "duration_weeks": w,
            "deliverer": "employer",
            "place": "",
        }
        for n, w in enumerate(weeks, 1)
    ]


def make_path(
    *, contact=None, employer=None, start=None, weeks=(4, 8), status=None, **fields
) -> CompetencePath:
    employer = employer or EmployerFactory()
    contact = contact or user_with_role(Role.CONTACT_PERSON, county=employer.county)
    opening = fields.pop("opening", None) or JobOpeningFactory(employer=employer)
    if fields.pop("without_opening", False):
        opening = None
    path = path_create(
        employer=employer,
        actor=contact,
        stages=stages(*weeks),
        title=fields.pop("title", "Stillasbygger"),
        places=fields.pop("places", 4),
        planned_start=start or datetime.date(2026, 3, 2),
        contact=contact,
        opening=opening,
        **fields,
    )
    if status:
        CompetencePath.objects.filter(pk=path.pk).update(status=status)
        path.refresh_from_db()
    return path


def add_participant(path: CompetencePath, *, owner=None, **entry_fields) -> Participant:
    candidate = CandidateFactory(**({"owner": owner} if owner else {}))
    entry = ShortlistEntryFactory(
        shortlist=shortlist_for(path.opening), candidate=candidate, **entry_fields
    )
    return participant_add(path=path, entry=entry, actor=path.contact)


def stord_template() -> PathTemplate:
    return PathTemplate.objects.get(county=None, name=STORD)
