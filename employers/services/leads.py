from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import County, Role, User
from accounts.validators import clean_orgnr
from core.activity import log_action
from core.transitions import transition
from notifications.services import notification_create

from ..models import Employer, Lead, ResourceGroupMember
from ..permissions import may_accept_lead, may_assign_lead, may_close_lead
from .register import employer_move

# "Any staff user" may pass on a tip; providers and employers have their own channels.
LEAD_SUGGESTERS = (Role.CONTACT_PERSON, Role.ADVISER, Role.PROJECT_LEADER, Role.ADMIN)


def _move(lead: Lead, *, to: str, actor: User, note: str = "", fields=()) -> None:
    """Change the (locked) lead's status and log it with who has it now (named in the history
    when it was just assigned)."""
    data = {}
    if lead.assigned_to_id:
        data["assigned_to"] = lead.assigned_to_id
    if to == Lead.Status.ASSIGNED:
        data["assigned_to_name"] = str(lead.assigned_to)
    transition(
        lead,
        to=to,
        actor=actor,
        note=note,
        fields=fields,
        data=data,
        message=_("Tipset kan ikke endres slik i denne statusen."),
    )


def _locked(lead: Lead) -> Lead:
    return Lead.objects.select_for_update(of=("self",)).select_related("employer").get(pk=lead.pk)


@transaction.atomic
def lead_suggest(
    *,
    actor: User,
    county: County,
    reason: str,
    employer: Employer | None = None,
    employer_name: str = "",
    orgnr: str = "",
    suggested_by: ResourceGroupMember | None = None,
) -> Lead:
    """Record a tip. An orgnr already in the register links the lead to that employer."""
    if actor.role not in LEAD_SUGGESTERS:
        raise PermissionDenied
    if orgnr:
        orgnr = clean_orgnr(orgnr)
        employer = employer or Employer.objects.filter(orgnr=orgnr).first()
    if employer is not None:
        employer_name, orgnr = employer.name, employer.orgnr
    if not employer_name.strip():
        raise ValidationError({"employer_name": _("Skriv navnet på virksomheten.")})
    if suggested_by is not None and suggested_by.group.county_id != county.pk:
        raise ValidationError(
            {"suggested_by": _("Medlemmet hører til ressursgruppen i et annet fylke.")}
        )
    lead = Lead.objects.create(
        employer=employer,
        employer_name=employer_name.strip(),
        orgnr=orgnr,
        county=county,
        reason=reason,
        suggested_by=suggested_by,
        recorded_by=actor,
    )
    log_action(lead, "employers.lead.created", actor=actor, to_state=Lead.Status.NEW)
    return lead


@transaction.atomic
def lead_assign(*, lead: Lead, assignee: User, actor: User, note: str = "") -> Lead:
    """The county's project leader (or an administrator) gives the lead to a contact person,
    who is notified."""
    lead = _locked(lead)
    if not may_assign_lead(actor, lead):
        raise PermissionDenied
    if (
        assignee.role != Role.CONTACT_PERSON
        or not assignee.is_active
        or assignee.county_id != lead.county_id
    ):
        raise ValidationError(
            {"assignee": _("Tipset kan bare tildeles en markedskontakt i samme fylke.")}
        )
    lead.assigned_to = assignee
    lead.assigned_at = timezone.now()
    _move(
        lead, to=Lead.Status.ASSIGNED, actor=actor, note=note, fields=["assigned_to", "assigned_at"]
    )
    notification_create(
        recipient=assignee,
        title=_("Nytt tips til deg: %(name)s") % {"name": lead.display_name},
        body=lead.reason if not note else f"{lead.reason}\n\n{note}",
        link=reverse("employers:lead_detail", args=[lead.pk]),
    )
    return lead


@transaction.atomic
def lead_accept(
    *,
    lead: Lead,
    actor: User,
    orgnr: str = "",
    sector: str = Employer.Sector.PRIVATE,
    note: str = "",
) -> Employer:
    """The assigned contact person takes the lead into dialogue. A lead without an employer
    becomes one (a valid orgnr is required; an orgnr already registered links that employer),
    and the employer's status becomes "in dialogue" unless it is further along."""
    lead = _locked(lead)
    if not may_accept_lead(actor, lead):
        raise PermissionDenied
    employer = lead.employer
    if employer is None:
        orgnr = orgnr or lead.orgnr
        if not orgnr:
            raise ValidationError(
                {
                    "orgnr": _(
                        "Oppgi virksomhetens organisasjonsnummer for å ta tipset inn i dialog."
                    )
                }
            )
        orgnr = clean_orgnr(orgnr)
        employer = Employer.objects.filter(orgnr=orgnr).first() or Employer.objects.create(
            orgnr=orgnr,
            name=lead.employer_name,
            county=lead.county,
            sector=sector,
            status=Employer.Status.IN_DIALOGUE,
            created_by=actor,
        )
    if employer.status in (Employer.Status.LEAD, Employer.Status.INACTIVE):
        employer_move(employer, to=Employer.Status.IN_DIALOGUE, actor=actor)
    lead.employer, lead.orgnr = employer, employer.orgnr
    lead.accepted_at = timezone.now()
    _move(
        lead,
        to=Lead.Status.ACCEPTED,
        actor=actor,
        note=note,
        fields=["employer", "orgnr", "accepted_at"],
    )
    return employer


@transaction.atomic
def lead_close(*, lead: Lead, actor: User, reason: str) -> Lead:
    """The assigned contact person or the county's project leader closes the lead, saying why."""
    lead = _locked(lead)
    if not may_close_lead(actor, lead):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Skriv hvorfor tipset avsluttes.")})
    lead.close_reason = reason.strip()
    lead.closed_at = timezone.now()
    _move(
        lead,
        to=Lead.Status.CLOSED,
        actor=actor,
        note=lead.close_reason,
        fields=["close_reason", "closed_at"],
    )
    return lead
