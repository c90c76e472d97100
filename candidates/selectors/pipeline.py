"""Reads for shortlists: the board and table, the employer's view, the candidate page."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, Subquery

from accounts.models import Role, User
from employers.models import JobOpening

from ..models import (
    EMPLOYER_VISIBLE_STEPS,
    Candidate,
    ConsentRequest,
    Placement,
    Shortlist,
    ShortlistEntry,
    Step,
)
from ..permissions import manages_opening, may_see_entry_person


@dataclass
class Column:
    step: Step
    entries: list[ShortlistEntry] = field(default_factory=list)


@dataclass
class ShortlistView:
    shortlist: Shortlist | None
    manages: bool
    entries: list[ShortlistEntry]
    columns: list[Column]
    others_by_step: list[tuple[Step, int]]
    archived_count: int


def shortlist_view(
    *, opening: JobOpening, user: User, step: str = "", show_archived: bool = False
) -> ShortlistView:
    """The entries a user may see on an opening's shortlist. The contact side sees everyone;
    owners see their own candidates and only counts of the others."""
    shortlist = Shortlist.objects.filter(opening=opening).first()
    manages = manages_opening(user, opening)
    all_entries = ShortlistEntry.objects.filter(shortlist__opening=opening)
    live = all_entries.live()
    shown = (all_entries if show_archived else live).select_related("candidate__owner")
    if not manages:
        shown = shown.filter(candidate__owner=user)
    if step:
        shown = shown.filter(step=step)
    entries = list(shown.order_by("-updated_at", "-id"))
    for entry in entries:
        entry.person_hidden = not may_see_entry_person(user, entry)
    by_step = {s: Column(s) for s in Step}
    for entry in entries:
        by_step[Step(entry.step)].entries.append(entry)
    others_by_step = []
    if not manages:
        others = dict(
            live.exclude(candidate__owner=user)
            .order_by()
            .values_list("step")
            .annotate(n=Count("id"))
            .values_list("step", "n")
        )
        others_by_step = [(s, others[s]) for s in Step if others.get(s)]
    archived = all_entries.filter(archived_at__isnull=False)
    if not manages:
        archived = archived.filter(candidate__owner=user)
    return ShortlistView(
        shortlist=shortlist,
        manages=manages,
        entries=entries,
        columns=[by_step[s] for s in Step if not step or s == step],
        others_by_step=others_by_step,
        archived_count=archived.count(),
    )


def opening_placements(opening: JobOpening):
    return Placement.objects.filter(entry__shortlist__opening=opening).order_by("start_date")


@dataclass(frozen=True)
class HiresAroundSigning:
    """An employer's hires through the model before and after a day (its agreement's signing):
    the evaluation compares the two."""

    before: int
    after: int

    @property
    def total(self) -> int:
        return self.before + self.after


def hires_around(*, employer_id: int, signed_on) -> HiresAroundSigning:
    """One query. Without a signing date every hire counts as before."""
    if signed_on is None:
        return HiresAroundSigning(
            before=Placement.objects.filter(employer_id=employer_id).count(), after=0
        )
    counts = Placement.objects.filter(employer_id=employer_id).aggregate(
        before=Count("pk", filter=Q(start_date__lt=signed_on)),
        after=Count("pk", filter=Q(start_date__gte=signed_on)),
    )
    return HiresAroundSigning(**counts)


def employer_placements(employer_id: int):
    return (
        Placement.objects.filter(employer_id=employer_id)
        .select_related("entry__shortlist__opening")
        .order_by("-start_date", "-id")
    )


def _given_consents():
    return ConsentRequest.objects.filter(entry=OuterRef("pk"), status=ConsentRequest.Status.GIVEN)


def employer_entries(user: User):
    """What an employer user may see: its own openings' candidates who were presented and whose
    consent is given and not withdrawn, with the adaptation text they chose to share; not those
    the employer removed or that left its view six months after the presentation."""
    if user.role != Role.EMPLOYER_USER or not user.employer_id or not user.is_active:
        return ShortlistEntry.objects.none()
    return (
        ShortlistEntry.objects.live()
        .filter(
            Exists(_given_consents()),
            shortlist__opening__employer_id=user.acting_employer_id,
            step__in=EMPLOYER_VISIBLE_STEPS,
            employer_assessment__gone_at__isnull=True,
        )
        .annotate(shared_text=Subquery(_given_consents().values("share_adaptation_text")[:1]))
        .select_related("shortlist__opening", "candidate", "employer_assessment")
        .prefetch_related("candidate__occupations_wanted", "candidate__occupations_done")
        .order_by("-updated_at", "-id")
    )


def candidate_entries(*, candidate: Candidate, user: User):
    """The candidate's shortlist entries the user may see, for the candidate page."""
    return (
        ShortlistEntry.objects.visible_to(user)
        .filter(candidate=candidate)
        .select_related("shortlist__opening__employer")
        .order_by("archived_at", "-updated_at", "-id")
    )
