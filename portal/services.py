from django.db import transaction

from accounts.models import User
from core.activity import log_action

from .models import TermsAcceptance
from .permissions import is_portal_user
from .terms import CURRENT_VERSION


@transaction.atomic
def terms_accept(*, user: User, version: int = CURRENT_VERSION) -> TermsAcceptance:
    """Record that the person accepted this version; accepting again changes nothing."""
    if not is_portal_user(user):
        raise PermissionError("Only employer users accept the portal's terms")
    acceptance, created = TermsAcceptance.objects.get_or_create(user=user, version=version)
    if created:
        log_action(user, "portal.terms.accepted", actor=user, data={"version": version})
    return acceptance
