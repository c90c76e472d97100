"""Who may do what with a candidate: plain functions of (user, object), used by views,
templates (through the context) and services alike."""

from accounts.models import Role, User

from .models import Candidate


def may_see_special_categories(user: User, candidate: Candidate) -> bool:
    """Adaptation needs, the identity number and the access log: the owner and administrators
    only. Everyone else sees of the adaptation needs only what the candidate consented to share
    (ConsentRequest.share_adaptation_text)."""
    return candidate.is_owned_by(user) or user.role == Role.ADMIN
