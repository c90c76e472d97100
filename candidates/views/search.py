from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import run_action, visible_or_404
from employers.models import JobOpening

from ..forms.search import SearchForm
from ..matching.criteria import Criteria
from ..matching.describe import describe_criteria
from ..matching.levels import OCCUPATION_DONE, OCCUPATION_WANTED, TEXT
from ..models import AuditRecord, SearchRun
from ..selectors.search import (
    changes_since_previous,
    gone_since_previous,
    managed_opening,
    result_rows,
    results_of,
    runs_for_opening,
)
from ..services.audit import audit_candidate_reads
from ..services.search import search_result_shortlist, search_run_repeat, search_run_start

# Below this a candidate shares only a word or two with the opening: shown apart, as weak.
WEAK_SCORE = 15
RESULTS_PER_PAGE = 25
RUNS_LISTED = 20


def _visible_run(request, pk: int) -> SearchRun:
    return visible_or_404(
        SearchRun,
        request.user,
        pk,
        "opening__employer__county",
        "opening__occupation",
        "opening__region",
        "previous",
    )


def search_start(request, opening_id: int):
    opening = managed_opening(request.user, opening_id)
    runs = runs_for_opening(opening, request.user)
    if request.method == "POST":
        form = SearchForm(request.POST, opening=opening)
        if opening.status != JobOpening.Status.OPEN:
            form.add_error(None, _("Bare åpne stillinger kan få nye kandidater."))
        if form.is_valid():
            run = search_run_start(opening=opening, actor=request.user, criteria=form.criteria())
            return redirect("candidates:search_run", pk=run.pk)
    else:
        latest = runs.first()
        criteria = Criteria.from_json(latest.criteria) if latest else None
        form = SearchForm(initial=SearchForm.initial_for(opening, criteria), opening=opening)
    context = {"opening": opening, "form": form, "runs": runs[:RUNS_LISTED]}
    return render(request, "candidates/search/start.html", context)


def search_run(request, pk: int):
    run = _visible_run(request, pk)
    criteria = describe_criteria(Criteria.from_json(run.criteria), run.opening)
    context = {"run": run, "opening": run.opening, "criteria": criteria}
    if run.status == SearchRun.Status.DONE:
        page = Paginator(results_of(run), RESULTS_PER_PAGE).get_page(request.GET.get("side"))
        changes = changes_since_previous(run)
        rows = result_rows(list(page), changes)
        audit_candidate_reads(
            actor=request.user,
            candidates=[row.candidate for row in rows],
            action=AuditRecord.Action.SEARCH_RESULT,
            purpose=_("Kandidatsøk for stillingen «%(title)s»") % {"title": run.opening.title},
            path=request.get_full_path(),
        )
        kinds = [kind for kind, _places in changes.values()]
        context.update(
            page=page,
            rows=[row for row in rows if row.result.score >= WEAK_SCORE],
            weak_rows=[row for row in rows if row.result.score < WEAK_SCORE],
            weak_score=WEAK_SCORE,
            points={"wanted": OCCUPATION_WANTED, "done": OCCUPATION_DONE, "text": TEXT},
            gone=gone_since_previous(run),
            changes={"new": kinds.count("new"), "moved": len(kinds) - kinds.count("new")},
        )
    return render(request, "candidates/search/run.html", context)


def search_progress(request, pk: int):
    """Polled by htmx every second while the run is queued or running; a finished run
    reloads the page, which then shows the results."""
    run = _visible_run(request, pk)
    if not request.htmx:
        return redirect("candidates:search_run", pk=run.pk)
    response = render(request, "candidates/search/_progress.html", {"run": run})
    if run.is_finished:
        response["HX-Refresh"] = "true"
    return response


@require_POST
def search_rerun(request, pk: int):
    run = _visible_run(request, pk)
    if run.opening.status != JobOpening.Status.OPEN:
        messages.error(request, _("Bare åpne stillinger kan få nye kandidater."))
        return redirect("candidates:search_run", pk=run.pk)
    new_run = search_run_repeat(run=run, actor=request.user)
    return redirect("candidates:search_run", pk=new_run.pk)


@require_POST
def search_shortlist_add(request, pk: int, candidate_id: int):
    run = _visible_run(request, pk)
    result = get_object_or_404(run.results.select_related("candidate"), candidate_id=candidate_id)
    run_action(
        request,
        lambda: search_result_shortlist(run=run, candidate=result.candidate, actor=request.user),
        _("Kandidat %(number)s er lagt til på kandidatlisten.") % {"number": candidate_id},
    )
    page = (result.rank - 1) // RESULTS_PER_PAGE + 1
    url = reverse("candidates:search_run", kwargs={"pk": run.pk})
    return redirect(f"{url}?side={page}#kandidat-{candidate_id}")
