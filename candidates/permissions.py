"""Who may do what with a candidate: plain functions of (user, object), used by views,
templates (through the context) and services alike."""

from accounts.models import CANDIDATE_OWNER_ROLES, Role, User
from employers.models import JobOpening

from .models import Candidate, ShortlistEntry, openings_managed_by


def may_see_special_categories(user: User, candidate: Candidate) -> bool:
    """Adaptation needs, the identity number and the access log: the owner and administrators
    only. Everyone else sees of the adaptation needs only what the candidate consented to share
    (ConsentRequest.share_adaptation_text)."""
    return candidate.is_owned_by(user) or user.role == Role.ADMIN


def may_add_to_shortlist(user: User, opening: JobOpening, candidate: Candidate) -> bool:
    """The opening's contact side adds candidates (from a search); an owner proposes their own.
    Reading an opening is not enough: a search reaches candidates nationwide."""
    return candidate.is_owned_by(user) or manages_opening(user, opening)


def may_see_entry_person(user: User, entry: ShortlistEntry) -> bool:
    """Who is on an entry, and everything about them. Once removed from the list (archived),
    only the owner and administrators: the contact side sees that someone was removed, and may
    put them back."""
    return not entry.is_archived or entry.candidate.is_owned_by(user) or user.role == Role.ADMIN


def manages_opening(user: User, opening: JobOpening) -> bool:
    """The user works the opening's shortlist as its contact side."""
    return openings_managed_by(user).filter(pk=opening.pk).exists()


def may_propose(user: User, opening: JobOpening) -> bool:
    """Owners propose their own candidates to shared openings that are still open."""
    return (
        user.role in CANDIDATE_OWNER_ROLES
        and opening.status == JobOpening.Status.OPEN
        and opening.published_at is not None
    )


def may_archive(user: User, entry: ShortlistEntry) -> bool:
    return entry.candidate.owner_id == user.pk or manages_opening(user, entry.shortlist.opening)
