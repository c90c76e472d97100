"""Which employer unit an employer user acts for. A user belongs to an employer and may be
granted some of its sub-units (agreements are made with sub-units); one with several picks
one, kept in the session, and every employer-side scope follows `user.acting_employer_id`."""

from django.db.models import Case, When

from accounts.models import Role, User
from employers.models import Employer

SESSION_KEY = "portal_unit"


def granted_sub_units(user: User):
    """The sub-units of the user's employer that the user has been granted."""
    return user.employer_units.filter(parent_id=user.employer_id)


def units_for(user: User):
    """The user's employer first, then the granted sub-units by name. Two small queries."""
    if not user.is_authenticated or user.role != Role.EMPLOYER_USER or not user.employer_id:
        return Employer.objects.none()
    # The ids first: an OR of the employer and a subquery would scan the whole register.
    ids = [user.employer_id, *granted_sub_units(user).values_list("pk", flat=True)]
    return (
        Employer.objects.filter(pk__in=ids)
        .annotate(is_main=Case(When(pk=user.employer_id, then=True), default=False))
        .order_by("-is_main", "name")
    )


def act_for(request, unit_id: int) -> bool:
    """Let the user act for one of their units from now on; False when it is not theirs."""
    user = request.user
    if unit_id == user.employer_id:
        request.session.pop(SESSION_KEY, None)
    elif granted_sub_units(user).filter(pk=unit_id).exists():
        request.session[SESSION_KEY] = unit_id
    else:
        return False
    user.acting_unit_id = None if unit_id == user.employer_id else unit_id
    return True


class ActingUnitMiddleware:
    """Sets `request.user.acting_unit_id` from the session, checked against the grants on
    every request, so a grant taken away takes effect at once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        chosen = request.session.get(SESSION_KEY)
        if chosen and user.is_authenticated and user.role == Role.EMPLOYER_USER:
            if granted_sub_units(user).filter(pk=chosen).exists():
                user.acting_unit_id = chosen
            else:
                request.session.pop(SESSION_KEY, None)
        return self.get_response(request)


def acting_unit(request) -> dict:
    """Context processor: the unit an employer user acts for, and whether they may switch."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.role != Role.EMPLOYER_USER:
        return {}
    units = list(units_for(user))
    current = next((unit for unit in units if unit.pk == user.acting_employer_id), None)
    return {"acting_unit": current, "acting_unit_choices": len(units)}
