"""Getting in: the fixed contact person (or an administrator), and the employer's own portal
administrator, invite people at the employer with the accounts app's invitation e-mail, and
deactivate them again."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.services import user_invite
from core.activity import log_action
from employers.models import Employer

from .messages import may_take_part
from .units import granted_sub_units


def may_manage_users(actor: User, employer: Employer) -> bool:
    """The fixed contact person and administrators, and the employer's portal administrator
    for the employer they belong to."""
    if actor.role == Role.EMPLOYER_USER:
        return actor.is_active and actor.is_employer_admin and actor.employer_id == employer.pk
    return may_take_part(actor, employer)


def may_make_admins(actor: User) -> bool:
    """Only NAV's side names the employer's portal administrators."""
    return actor.role != Role.EMPLOYER_USER


def employer_users(employer: Employer):
    return User.objects.filter(employer=employer, role=Role.EMPLOYER_USER).order_by(
        "-is_active", "first_name", "last_name"
    )


def grantable_sub_units(actor: User, employer: Employer):
    """A portal administrator passes on only the sub-units they have themselves."""
    if actor.role == Role.EMPLOYER_USER:
        return granted_sub_units(actor).order_by("name")
    return employer.sub_units.order_by("name")


def _check_sub_units(actor: User, employer: Employer, units) -> list[Employer]:
    units = list(units or [])
    allowed = set(grantable_sub_units(actor, employer).values_list("pk", flat=True))
    if any(unit.pk not in allowed for unit in units):
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
    is_employer_admin: bool = False,
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
        is_employer_admin=is_employer_admin and may_make_admins(actor),
    )
    units = _check_sub_units(actor, employer, units)
    user_invite(user=user, invited_by=actor)
    user.employer_units.set(units)
    log_action(employer, "portal.user.invited", actor=actor, note=email)
    return user


@transaction.atomic
def employer_user_grant_units(*, employer: Employer, user: User, units, actor: User) -> User:
    """Which of the employer's sub-units the person may act for; taking one away takes effect
    at their next request (portal.units.ActingUnitMiddleware checks the grant each time)."""
    if not (may_manage_users(actor, employer) and may_make_admins(actor)):
        raise PermissionDenied
    if user.employer_id != employer.pk:
        raise PermissionDenied
    units = _check_sub_units(actor, employer, units)
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
    if user.pk == actor.pk:
        raise ValidationError(_("Du kan ikke deaktivere deg selv."))
    user.is_active = False
    user.save(update_fields=["is_active"])
    log_action(employer, "portal.user.deactivated", actor=actor, note=user.email)
    return user


@transaction.atomic
def employer_user_set_admin(*, employer: Employer, user: User, is_admin: bool, actor: User) -> User:
    if not (may_manage_users(actor, employer) and may_make_admins(actor)):
        raise PermissionDenied
    if user.employer_id != employer.pk:
        raise PermissionDenied
    user.is_employer_admin = is_admin
    user.save(update_fields=["is_employer_admin"])
    action = "portal.user.admin_granted" if is_admin else "portal.user.admin_revoked"
    log_action(employer, action, actor=actor, note=user.email)
    return user
