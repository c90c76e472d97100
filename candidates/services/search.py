"""Broad searches: start one for an opening, run it (from the Celery task), re-run it, and
put a result on the opening's shortlist."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from core.outbox import enqueue
from core.tasks import TRANSIENT_ERRORS
from employers.models import JobOpening

from ..matching.criteria import Area, Criteria, Plan
from ..matching.ranking import best, explain
from ..models import Candidate, SearchResult, SearchRun, ShortlistEntry
from .pipeline import manages_opening
from .shortlist import shortlist_add


def search_run_start(
    *, opening: JobOpening, actor: User, criteria: Criteria, previous: SearchRun | None = None
) -> SearchRun:
    from ..tasks import run_candidate_search

    if not manages_opening(actor, opening):
        raise PermissionDenied
    with transaction.atomic():
        run = SearchRun.objects.create(
            opening=opening, created_by=actor, criteria=criteria.to_json(), previous=previous
        )
        enqueue(run_candidate_search, run.pk)
    return run


def search_run_repeat(*, run: SearchRun, actor: User) -> SearchRun:
    """The same criteria again; the new run links the old one to show what changed."""
    return search_run_start(
        opening=run.opening,
        actor=actor,
        criteria=Criteria.from_json(run.criteria),
        previous=run,
    )


def _progress(run: SearchRun, percent: int, **fields) -> None:
    run.progress = percent
    for name, value in fields.items():
        setattr(run, name, value)
    run.save(update_fields=["progress", *fields])


def search_run_execute(*, run_id: int) -> SearchRun:
    """Find, rank and explain; store the results. Idempotent: a finished run is left alone,
    and a run interrupted half-way starts over without leaving duplicates."""
    with transaction.atomic():
        run = SearchRun.objects.select_for_update().select_related("opening").get(pk=run_id)
        if run.is_finished:
            return run
        _progress(run, 5, status=SearchRun.Status.RUNNING, started_at=timezone.now())
    try:
        opening = JobOpening.objects.select_related("employer", "occupation").get(pk=run.opening_id)
        plan = Plan.build(opening, Criteria.from_json(run.criteria))
        if plan.is_empty:
            return _finish(run, [], 0, _("Søket hadde ingen yrke eller søkeord å lete etter."))
        _progress(run, 20)
        top, matched_count = best(plan)
        _progress(run, 70)
        results = [
            SearchResult(
                run=run,
                candidate=candidate,
                rank=rank,
                score=candidate.score,
                explanation=explain(plan, candidate),
            )
            for rank, candidate in enumerate(top, start=1)
        ]
        message = "" if results else no_result_message(plan)
        return _finish(run, results, matched_count, message)
    except TRANSIENT_ERRORS:
        # The database restarted or the connection broke: the task's retry runs the search
        # again from the start, so the run stays "running" rather than "failed".
        raise
    except Exception:
        _progress(
            run,
            100,
            status=SearchRun.Status.FAILED,
            finished_at=timezone.now(),
            message=_("Søket feilet. Prøv igjen om litt, eller kontakt brukerstøtte."),
        )
        raise


@transaction.atomic
def _finish(run: SearchRun, results: list, matched_count: int, message: str) -> SearchRun:
    SearchResult.objects.filter(run=run).delete()
    SearchResult.objects.bulk_create(results)
    _progress(
        run,
        100,
        status=SearchRun.Status.DONE,
        finished_at=timezone.now(),
        matched_count=matched_count,
        result_count=len(results),
        message=message,
    )
    return run


def no_result_message(plan: Plan) -> str:
    """A helpful message when nobody matched: which limits the user could loosen."""
    criteria = plan.criteria
    tips = []
    if criteria.area != Area.NATIONAL:
        tips.append(_("søke i hele fylket eller hele landet"))
    if criteria.available_by:
        tips.append(_("velge en senere dato for når kandidaten må være tilgjengelig"))
    if criteria.innsatsgrupper:
        tips.append(_("ta med flere innsatsgrupper"))
    if criteria.driving_licences:
        tips.append(_("fjerne kravet om førerkort"))
    if criteria.languages:
        tips.append(_("fjerne kravet om språk"))
    if not criteria.occupation:
        tips.append(_("søke på stillingens yrke"))
    if plan.terms:
        tips.append(_("bruke færre eller andre søkeord"))
    text = _("Ingen kandidater passet søket.")
    if tips:
        text += " " + _("Prøv å %(tips)s.") % {"tips": ", ".join(tips)}
    return text


def search_result_shortlist(*, run: SearchRun, candidate: Candidate, actor: User) -> ShortlistEntry:
    """Add a candidate found by this run to the opening's shortlist (shortlist_add tells the
    owner)."""
    return shortlist_add(
        opening=run.opening,
        candidate=candidate,
        actor=actor,
        source=ShortlistEntry.Source.SEARCH,
        motivation=_("Funnet i kandidatsøk %(date)s")
        % {"date": date_format(timezone.localtime(run.created_at))},
    )
