"""Who may do what with an employer's things: plain functions of (user, object), used by
views, templates (through the context) and services alike. Which pages a role may open at all
is RULES in accounts/access.py."""

from accounts.access import rule_for
from accounts.models import OPENING_MANAGERS, Role, User

from .models import DialogueEntry, Employer, Lead


def may_manage_people(user: User, employer: Employer) -> bool:
    """Contact persons, project leaders and admins keep every employer's people up to date;
    provider staff those of the employers they are the fixed contact for."""
    if not rule_for("employers:person_add").allows(user):
        return False
    return user.role != Role.PROVIDER_STAFF or employer.fixed_contact_id == user.pk


def may_log_contacts(user: User) -> bool:
    return rule_for("employers:dialogue_create").allows(user)


def may_edit_dialogue_entry(user: User, entry: DialogueEntry) -> bool:
    """The author changes their own entry; administrators any."""
    return user.is_authenticated and (user.pk == entry.author_id or user.role == Role.ADMIN)


def may_manage_openings(user: User) -> bool:
    return user.is_authenticated and user.role in OPENING_MANAGERS


def _leads_county(user: User, lead: Lead) -> bool:
    return user.role == Role.ADMIN or (
        user.role == Role.PROJECT_LEADER and user.county_id == lead.county_id
    )


def may_assign_lead(user: User, lead: Lead) -> bool:
    return lead.can_move_to(Lead.Status.ASSIGNED) and _leads_county(user, lead)


def may_accept_lead(user: User, lead: Lead) -> bool:
    return lead.can_move_to(Lead.Status.ACCEPTED) and lead.assigned_to_id == user.pk


def may_close_lead(user: User, lead: Lead) -> bool:
    if not lead.can_move_to(Lead.Status.CLOSED):
        return False
    is_assignee = lead.status == Lead.Status.ASSIGNED and lead.assigned_to_id == user.pk
    return is_assignee or _leads_county(user, lead)
