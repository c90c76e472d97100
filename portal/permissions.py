"""Who may do what in the employer portal."""

from accounts.models import Role, User

from .models import TermsAcceptance
from .terms import CURRENT_VERSION


def is_portal_user(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.role == Role.EMPLOYER_USER


def may_see_candidates(user: User) -> bool:
    """Candidates are shown only to a person who accepted the current terms of use."""
    return (
        is_portal_user(user)
        and TermsAcceptance.objects.filter(user=user, version=CURRENT_VERSION).exists()
    )
