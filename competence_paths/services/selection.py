"""Selecting a path's participants through the candidates app's own flow.

A path selects on an opening: the one it is linked to, or else its own, created from the path
(target role, places, start) and shared at once so advisers and providers can propose their
candidates. The broad search, the shortlist, consent, presentation, interviews and the hire
then stay the opening's, unchanged (docs/competence_paths.md, "Selection")."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from candidates.matching.criteria import Area, Criteria
from candidates.models import EmployerAssessment, SearchRun, ShortlistEntry, Step
from candidates.services.pipeline import entry_move
from candidates.services.search import search_run_start
from core.activity import log_action
from employers.models import JobOpening
from employers.services.openings import opening_create, opening_publish

from ..models import CompetencePath, Participant, ParticipantStatus
from ..permissions import may_select
from .participants import ADDABLE, participant_create


def _opening_details(path: CompetencePath) -> dict:
    employer = path.employer
    # The search reads the opening's title and requirements as search words: only the
    # qualification goes there; the hire terms go in the description.
    description = _(
        "Kandidatene kvalifiseres i et kompetansehevende løp som starter %(start)s."
    ) % {"start": date_format(path.planned_start)}
    if path.hire_terms:
        description += " " + path.hire_terms
    return {
        "title": path.title,
        "occupation": path.target_role,
        "positions": path.places,
        "location": employer.municipality or employer.postal_place or employer.county.name,
        "start_date": path.planned_start,
        "description": description,
        "requirements_must": path.qualification or path.title,
        "competence_path_possible": True,
    }


@transaction.atomic
def selection_opening(*, path: CompetencePath, actor: User) -> JobOpening:
    """The opening the path selects on, created (and shared) the first time it is needed."""
    if not may_select(actor, path):
        raise PermissionDenied
    path = (
        CompetencePath.objects.select_for_update(of=("self",))
        .select_related("opening", "employer__county", "target_role")
        .get(pk=path.pk)
    )
    if path.status not in ADDABLE:
        raise ValidationError(_("Løpet er avsluttet."))
    if path.opening is not None:
        if path.opening.status != JobOpening.Status.OPEN:
            raise ValidationError(
                _(
                    "Stillingen løpet er koblet til, er ikke åpen. Publiser den, eller koble "
                    "løpet fra."
                )
            )
        return path.opening
    if path.target_role is None:
        raise ValidationError(_("Velg løpets målyrke (Endre løp) før du søker etter kandidater."))
    opening = opening_create(employer=path.employer, actor=actor, **_opening_details(path))
    opening_publish(opening=opening, actor=actor)
    path.opening = opening
    path.save(update_fields=["opening", "updated_at"])
    log_action(path, "competence_paths.path.opening_created", actor=actor, note=opening.title)
    return opening


def path_search_start(*, path: CompetencePath, actor: User) -> SearchRun:
    """The broad search for the path: its target role, in its county (the user narrows or
    widens it on the search page and runs it again)."""
    opening = selection_opening(path=path, actor=actor)
    query = ""
    if path.target_role_id and path.target_role_id != opening.occupation_id:
        query = path.target_role.name
    criteria = Criteria(area=Area.COUNTY, query=query)
    return search_run_start(opening=opening, actor=actor, criteria=criteria)


def path_entries(path: CompetencePath):
    """The path's shortlist, for its selection table: each entry with its candidate, the
    employer's assessment and whether it is already a participant (one query)."""
    if path.opening_id is None:
        return ShortlistEntry.objects.none()
    return (
        ShortlistEntry.objects.live()
        .filter(shortlist__opening_id=path.opening_id)
        .select_related("candidate", "employer_assessment", "path_participant")
        .order_by("candidate__last_name", "id")
    )


@transaction.atomic
def interview_record(
    *, path: CompetencePath, entry: ShortlistEntry, actor: User, held_on, note: str = ""
) -> ShortlistEntry:
    """Record an interview held with a presented candidate, through the opening's pipeline (a
    presented candidate first gets «Arbeidsgiver ønsker intervju»)."""
    if not may_select(actor, path):
        raise PermissionDenied
    if entry.shortlist.opening_id != path.opening_id:
        raise ValidationError(_("Kandidaten står ikke på kandidatlisten til løpet."))
    text = _("Intervju %(date)s.") % {"date": date_format(held_on)}
    if note.strip():
        text += " " + note.strip()
    if entry.step == Step.PRESENTED:
        entry = entry_move(entry=entry, to_step=Step.INTERVIEW_WANTED, actor=actor, reason=text)
    if entry.step != Step.INTERVIEW_WANTED:
        raise ValidationError(
            _("Intervju kan registreres for kandidater som er presentert for virksomheten.")
        )
    return entry_move(entry=entry, to_step=Step.INTERVIEW_HELD, actor=actor, reason=text)


def employer_chose(assessment: EmployerAssessment) -> Participant | None:
    """The employer marked a presented candidate «Aktuell»: on every path selecting on that
    opening, the candidate becomes a participant waiting to start (on the first such path: an
    entry is one path's participant at most). Called from the
    EmployerAssessment post_save receiver, inside the employer's transaction."""
    if assessment.status != EmployerAssessment.Status.RELEVANT or assessment.updated_by is None:
        return None
    entry = assessment.entry
    if Participant.objects.filter(entry=entry).exists():
        return None
    path = (
        CompetencePath.objects.filter(opening_id=entry.shortlist.opening_id, status__in=ADDABLE)
        .exclude(participants__candidate_id=entry.candidate_id)
        .order_by("planned_start", "id")
        .first()
    )
    if path is None:
        return None
    return participant_create(
        path=path,
        entry=entry,
        actor=assessment.updated_by,
        status=ParticipantStatus.WAITING,
        note=_("Valgt av virksomheten"),
    )
