"""When a county lets an agreement be signed. The policy per county is data
(CountySigningPolicy, set by administrators); this module applies it."""

from django.utils.translation import gettext as _

from .models import Agreement, CountySigningPolicy
from .signals import hires_around


def county_policy(county_id: int) -> str:
    """The county's policy; counties without one sign when both sides commit."""
    policy = CountySigningPolicy.objects.filter(county_id=county_id).first()
    return policy.kind if policy else CountySigningPolicy.Kind.MUTUAL_COMMITMENT


def employer_has_hired_from_target_group(agreement: Agreement) -> bool:
    """Whether the employer has hired at least one candidate from the target group (every
    candidate in the register is in the target group)."""
    return hires_around(employer_id=agreement.employer_id, signed_on=None).total > 0


def signing_blocker(agreement: Agreement) -> str | None:
    """Why the agreement may not be signed yet under its county's policy, or None."""
    needs_hire = county_policy(agreement.county_id) == CountySigningPolicy.Kind.AFTER_FIRST_HIRE
    if needs_hire and not employer_has_hired_from_target_group(agreement):
        return _(
            "%(county)s signerer avtaler først når virksomheten har ansatt minst én "
            "kandidat fra målgruppen. Registrer ansettelsen først."
        ) % {"county": agreement.county.name}
    return None
