"""Getting in: the fixed contact person (or an administrator) invites people at the employer
with the accounts app's invitation e-mail, and deactivates them again."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.services import user_invite
from core.activity import log_action
from employers.models import Employer

from .messages import may_take_part


def may_manage_users(actor: User, employer: Employer) -> bool:
    return actor.role != Role.EMPLOYER_USER and may_take_part(actor, employer)


def employer_users(employer: Employer):
    return User.objects.filter(employer=employer, role=Role.EMPLOYER_USER).order_by(
        "-is_active", "first_name", "last_name"
    )


def _check_sub_units(employer: Employer, units) -> list[Employer]:
    units = list(units or [])
    if any(unit.parent_id != employer.pk for unit in units):
        raise ValidationError({"units": _("Velg bare underenheter av denne virksomheten.")})
    return units


@transaction.atomic
def employer_user_invite(
    *,
    employer: Employer,
    actor: User,
    email: str,
    first_name: str,
    last_name: str,
    phone: str,
    units=(),
) -> User:
    if not may_manage_users(actor, employer):
        raise PermissionDenied
    email = email.strip().lower()
    if User.objects.filter(email=email).exists():
        raise ValidationError(
            {"email": _("Det finnes allerede en bruker med denne e-postadressen.")}
        )
    user = User(
        email=email,
        first_name=first_name,
        last_name=last_name,
        phone=phone,
        role=Role.EMPLOYER_USER,
        employer=employer,
    )
    units = _check_sub_units(employer, units)
    user_invite(user=user, invited_by=actor)
    user.employer_units.set(units)
    log_action(employer, "portal.user.invited", actor=actor, note=email)
    return user


@transaction.atomic
def employer_user_grant_units(*, employer: Employer, user: User, units, actor: User) -> User:
    """Which of the employer's sub-units the person may act for; taking one away takes effect
    at their next request (portal.units.ActingUnitMiddleware checks the grant each time)."""
    if not may_manage_users(actor, employer) or user.employer_id != employer.pk:
        raise PermissionDenied
    units = _check_sub_units(employer, units)
    user.employer_units.set(units)
    log_action(
        employer,
        "portal.user.units_granted",
        actor=actor,
        note=user.email,
        data={"units": [unit.pk for unit in units]},
    )
    return user


@transaction.atomic
def employer_user_deactivate(*, employer: Employer, user: User, actor: User) -> User:
    """The person can no longer log in, and is logged out at their next request: the session
    belongs to an inactive user, which Django's authentication refuses."""
    if not may_manage_users(actor, employer) or user.employer_id != employer.pk:
        raise PermissionDenied
    user.is_active = False
    user.save(update_fields=["is_active"])
    log_action(employer, "portal.user.deactivated", actor=actor, note=user.email)
    return user
