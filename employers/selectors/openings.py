"""Reads for job openings."""

from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.shortcuts import get_object_or_404

from accounts.models import User

from ..models import Employer, JobOpening, Occupation
from ..permissions import may_manage_openings

# On the employer page the live needs come first, history last.
STATUS_ORDER = [
    JobOpening.Status.OPEN,
    JobOpening.Status.DRAFT,
    JobOpening.Status.FILLED,
    JobOpening.Status.CANCELLED,
]


def visible_opening(user: User, pk: int) -> JobOpening:
    """One opening in the user's scope (404 outside it), with what its pages show."""
    openings = JobOpening.objects.visible_to(user).select_related(
        "employer__county", "occupation", "region", "recorded_by"
    )
    return get_object_or_404(openings, pk=pk)


def employer_openings_context(*, employer: Employer, user: User) -> dict:
    """Context for templates/employers/openings/_employer_openings.html on the employer page."""
    status_order = Case(
        *[When(status=status, then=Value(rank)) for rank, status in enumerate(STATUS_ORDER)]
    )
    openings = (
        JobOpening.objects.visible_to(user)
        .filter(employer=employer)
        .select_related("occupation")
        .order_by(status_order, "-created_at")
    )
    return {
        "employer_openings": openings,
        "may_manage_openings": may_manage_openings(user),
    }


def fits_own_candidates(user: User) -> Exists:
    """For `JobOpening.annotate`: whether one of the user's own active candidates wants or has
    worked in the opening's occupation. Read through the occupation's reverse relations, so
    employers needs no import of candidates (the layer above)."""
    own = Q(candidates_wanting__owner=user, candidates_wanting__is_active=True) | Q(
        candidates_experienced__owner=user, candidates_experienced__is_active=True
    )
    return Exists(Occupation.objects.filter(own, pk=OuterRef("occupation_id")))
