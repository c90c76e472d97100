"""What the search pages show: runs of an opening, one page of results as minimal profiles,
and what changed since the previous run."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from employers.models import JobOpening

from ..matching.describe import Line, describe
from ..models import SearchResult, SearchRun, ShortlistEntry, openings_managed_by

AGE_BANDS = [
    (25, gettext_lazy("under 25 år")),
    (35, "25–34 år"),
    (45, "35–44 år"),
    (55, "45–54 år"),
]


def managed_opening(user, pk: int) -> JobOpening:
    """An opening the user may search for (its contact side); any other is a 404."""
    openings = openings_managed_by(user).select_related(
        "employer__county", "occupation", "region", "recorded_by"
    )
    return get_object_or_404(openings, pk=pk)


def runs_for_opening(opening: JobOpening, user) -> QuerySet:
    return SearchRun.objects.visible_to(user).filter(opening=opening).select_related("created_by")


def age_band(age: int) -> str:
    for below, label in AGE_BANDS:
        if age < below:
            return str(label)
    return _("55 år eller eldre")


@dataclass
class ResultRow:
    """A search result as a minimal profile: no name, contact details, identity number or
    adaptation needs (those are for the owner and administrators only, whatever list the
    candidate is on: candidates.permissions.may_see_special_categories)."""

    result: SearchResult
    on_shortlist: bool
    change: str = ""
    moved_by: int = 0
    lines: list[Line] = field(default_factory=list)

    @property
    def candidate(self):
        return self.result.candidate

    @property
    def label(self) -> str:
        return _("Kandidat %(number)s") % {"number": self.candidate.pk}

    @property
    def age_band(self) -> str:
        return age_band(self.candidate.age)

    @property
    def organisation(self) -> str:
        candidate = self.candidate
        if candidate.provider_id:
            return candidate.provider.name
        return candidate.office.name if candidate.office_id else _("NAV")

    @property
    def occupations(self) -> list[str]:
        return [occupation.name for occupation in self.candidate.occupations_wanted.all()]

    @property
    def available_now(self) -> bool:
        return self.candidate.available_from <= timezone.localdate()


def result_rows(
    results: list[SearchResult], changes: dict[int, tuple[str, int]]
) -> list[ResultRow]:
    rows = []
    for result in results:
        change, moved_by = changes.get(result.candidate_id, ("", 0))
        rows.append(
            ResultRow(
                result=result,
                on_shortlist=result.on_shortlist,
                change=change,
                moved_by=moved_by,
                lines=describe(result.explanation),
            )
        )
    return rows


def results_of(run: SearchRun) -> QuerySet:
    on_shortlist = ShortlistEntry.objects.filter(
        shortlist__opening_id=run.opening_id, candidate_id=OuterRef("candidate_id")
    )
    return (
        run.results.select_related("candidate__office", "candidate__provider")
        .prefetch_related("candidate__occupations_wanted")
        .annotate(on_shortlist=Exists(on_shortlist))
        .order_by("rank")
    )


def changes_since_previous(run: SearchRun) -> dict[int, tuple[str, int]]:
    """candidate id -> ("new" | "up" | "down" | "", places moved) against the previous run."""
    if run.previous_id is None:
        return {}
    before = dict(run.previous.results.values_list("candidate_id", "rank"))
    changes = {}
    for candidate_id, rank in run.results.values_list("candidate_id", "rank"):
        if candidate_id not in before:
            changes[candidate_id] = ("new", 0)
        elif before[candidate_id] > rank:
            changes[candidate_id] = ("up", before[candidate_id] - rank)
        elif before[candidate_id] < rank:
            changes[candidate_id] = ("down", rank - before[candidate_id])
    return changes


def gone_since_previous(run: SearchRun) -> list[int]:
    """Candidates the previous run found and this one did not (shortlisted, unavailable,
    changed, or outranked), by their number."""
    if run.previous_id is None:
        return []
    now = run.results.values("candidate_id")
    return list(
        run.previous.results.exclude(candidate_id__in=now)
        .order_by("rank")
        .values_list("candidate_id", flat=True)
    )
