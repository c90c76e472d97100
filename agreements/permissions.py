"""Who may do what with an agreement: plain functions of (user, object), used by views,
templates (through the context) and services alike. Which pages a role may open at all is
RULES in accounts/access.py."""

from accounts.models import Role, User

from .models import Agreement


def may_edit_agreement(user: User, agreement: Agreement) -> bool:
    """Only the fixed contact, administrators and the county's project leader change an
    agreement; everyone else who sees it only reads it."""
    if not user.is_authenticated or agreement.status == Agreement.Status.ENDED:
        return False
    if user.role == Role.ADMIN or user.pk == agreement.fixed_contact_id:
        return True
    return user.role == Role.PROJECT_LEADER and user.county_id == agreement.county_id


def may_see_internal_details(user: User) -> bool:
    """Employer users see the agreement itself, not NAV's history and meeting minutes."""
    return user.role != Role.EMPLOYER_USER
