"""Reads across shortlists: the contact side's overview of its lists, and the home page's
"new proposals" and "your candidates in process"."""

from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from ..models import (
    FINAL_STEPS,
    ConsentAsk,
    ConsentRequest,
    Shortlist,
    ShortlistEntry,
    Step,
    openings_managed_by,
)

# The pipeline steps grouped as the contact side thinks of them (live entries only); the final
# "not hired/not relevant/withdrawn" steps are left out: nothing more happens there.
STEP_GROUPS = [
    ("new", Step.PROPOSED.label, [Step.PROPOSED]),
    ("assessing", Step.ASSESSING.label, [Step.ASSESSING]),
    (
        "consent",
        _("Samtykke"),
        [Step.CONSENT_REQUESTED, Step.CONSENT_GIVEN, Step.CONSENT_DECLINED],
    ),
    (
        "presented",
        _("Hos arbeidsgiver"),
        [Step.PRESENTED, Step.INTERVIEW_WANTED, Step.INTERVIEW_HELD, Step.WORK_TRIAL],
    ),
    ("hired", Step.HIRED.label, [Step.HIRED]),
]


def _live(steps) -> Q:
    return Q(entries__archived_at__isnull=True, entries__step__in=steps)


def shortlist_overview(user: User, *, status: str = "open", with_new: bool = False) -> QuerySet:
    """The shortlists of the openings the user works as the contact side, with counts per step
    group and the time of the latest change: one query (plus the paginator's count)."""
    counts = {
        f"{key}_count": Count("entries", filter=_live(steps)) for key, _label, steps in STEP_GROUPS
    }
    # The user's own search additions are no proposals to them (as on the home page).
    counts["new_count"] = Count(
        "entries", filter=_live([Step.PROPOSED]) & ~Q(entries__added_by=user)
    )
    shortlists = (
        Shortlist.objects.filter(opening__in=openings_managed_by(user))
        .annotate(
            **counts,
            live_count=Count("entries", filter=Q(entries__archived_at__isnull=True)),
            last_activity=Coalesce(Max("entries__updated_at"), F("created_at")),
        )
        .select_related("opening__employer")
    )
    if status == "open":
        shortlists = shortlists.filter(closed_at__isnull=True)
    elif status == "closed":
        shortlists = shortlists.filter(closed_at__isnull=False)
    if with_new:
        shortlists = shortlists.filter(new_count__gt=0)
    return shortlists.order_by("-last_activity", "-pk")


def new_proposals(user: User) -> QuerySet:
    """Candidates others put on open shortlists the user manages (owners' proposals, a
    colleague's search) that nobody has looked at yet, newest first."""
    return (
        ShortlistEntry.objects.live()
        .managed_by(user)
        .filter(step=Step.PROPOSED, shortlist__closed_at__isnull=True)
        .exclude(added_by=user)
        .select_related("shortlist__opening__employer", "added_by")
        .order_by("-created_at", "-pk")
    )


def entries_in_process(owner: User) -> QuerySet:
    """The owner's candidates on open shortlists at a step where something can still happen:
    those the contact side asked the owner to get consent for first (`consent_asked`, a to-do),
    then those with a consent request waiting for the candidate's answer, soonest deadline
    first, then the latest changes."""
    pending = ConsentRequest.objects.filter(
        entry=OuterRef("pk"), status=ConsentRequest.Status.PENDING
    )
    return (
        ShortlistEntry.objects.live()
        .filter(candidate__owner=owner, shortlist__closed_at__isnull=True)
        .exclude(step__in=FINAL_STEPS)
        .annotate(
            consent_deadline=Subquery(pending.values("deadline")[:1]),
            consent_asked=Exists(
                ConsentAsk.objects.filter(entry=OuterRef("pk"), done_at__isnull=True)
            ),
        )
        .select_related("candidate", "shortlist__opening__employer")
        .order_by(
            "-consent_asked", F("consent_deadline").asc(nulls_last=True), "-updated_at", "-pk"
        )
    )
