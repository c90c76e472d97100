"""Create, edit and move agreements through their status flow, change the fixed contact, and
keep the employer's status and fixed contact in step with its agreements."""

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AGREEMENT_CONTACT_ROLES, Role, User
from core.activity import log_action
from core.assign import assign_fields
from core.transitions import may_transition, transition
from core.versioning import check_version
from employers.models import Employer
from employers.services.register import employer_move
from notifications.services import notification_create

from ..models import Agreement, AgreementTemplate, ContactPeriod
from ..permissions import may_edit_agreement
from ..policy import signing_blocker
from .plans import meetings_retire, plan_extend, plan_restart

AGREEMENT_CREATORS = (Role.CONTACT_PERSON, Role.PROJECT_LEADER, Role.ADMIN)
# What the edit form changes; status and fixed contact have their own services.
AGREEMENT_FIELDS = (
    "title",
    "deputy_contact",
    "employer_signatory",
    "employer_responsible",
    "union_involvement",
    "union_involvement_note",
    "follow_ups_per_year",
    "employer_commitments",
    "nav_commitments",
    "local_adaptations",
)
PDF_MAGIC = b"%PDF-"
# Becoming active is "activated"; the other codes are the new status (agreements.agreement.signed).
ACTIONS = {Agreement.Status.ACTIVE: "agreements.agreement.activated"}


def check_editor(agreement: Agreement, actor: User) -> None:
    if not may_edit_agreement(actor, agreement):
        raise PermissionDenied


def _check_contact(contact: User | None, field: str) -> None:
    if contact is not None and (
        contact.role not in AGREEMENT_CONTACT_ROLES or not contact.is_active
    ):
        raise ValidationError(
            {field: _("Kontaktpersonen må være en aktiv markedskontakt eller tiltaksleverandør.")}
        )


def _apply(agreement: Agreement, details: dict[str, Any]) -> None:
    assign_fields(agreement, details, AGREEMENT_FIELDS)
    _check_contact(agreement.deputy_contact, "deputy_contact")
    agreement.full_clean(exclude=["signed_copy"])


def _locked(agreement: Agreement) -> Agreement:
    return (
        Agreement.objects.select_for_update(of=("self",))
        .select_related("employer", "county", "fixed_contact")
        .get(pk=agreement.pk)
    )


def employer_sync_with_agreements(employer: Employer, *, actor: User) -> None:
    """The employer has status "Har avtale" while one of its agreements is signed or active,
    and that agreement's fixed contact is the employer's, so the coordination rule
    (Employer.coordinate_with) points at the right person."""
    employer = Employer.objects.select_for_update().get(pk=employer.pk)
    in_force = employer.agreements.in_force().order_by("-signed_on", "-id").first()
    if in_force is not None:
        employer.fixed_contact_id = in_force.fixed_contact_id
        employer_move(employer, to=Employer.Status.AGREEMENT, actor=actor, fields=["fixed_contact"])
    elif employer.status == Employer.Status.AGREEMENT:
        # Without an agreement in force the employer is back in dialogue; whether it becomes
        # inactive is a decision for the employer register, not a side effect of ending one.
        employer_move(employer, to=Employer.Status.IN_DIALOGUE, actor=actor)


@transaction.atomic
def agreement_create(
    *, employer: Employer, actor: User, fixed_contact: User, **details: Any
) -> Agreement:
    """Start an agreement in dialogue, with the commitments of the current template."""
    if actor.role not in AGREEMENT_CREATORS:
        raise PermissionDenied
    _check_contact(fixed_contact, "fixed_contact")
    template = AgreementTemplate.current()
    details.setdefault("employer_commitments", template.employer_commitments)
    details.setdefault("nav_commitments", template.nav_commitments)
    agreement = Agreement(
        employer=employer,
        county_id=employer.county_id,
        fixed_contact=fixed_contact,
        template=template,
        created_by=actor,
    )
    _apply(agreement, details)
    agreement.save()
    log_action(agreement, "agreements.agreement.created", actor=actor, to_state=agreement.status)
    ContactPeriod.objects.create(agreement=agreement, contact=fixed_contact, changed_by=actor)
    if employer.status == Employer.Status.LEAD:
        employer_move(employer, to=Employer.Status.IN_DIALOGUE, actor=actor)
    return agreement


@transaction.atomic
def agreement_update(
    *, agreement: Agreement, actor: User, version: str = "", **details: Any
) -> Agreement:
    check_editor(agreement, actor)
    agreement = _locked(agreement)
    check_version(agreement, version)
    per_year_before = agreement.follow_ups_per_year
    _apply(agreement, details)
    agreement.save(update_fields=[*details, "updated_at"])
    if agreement.status == Agreement.Status.ACTIVE and (
        agreement.follow_ups_per_year != per_year_before
    ):
        plan_restart(agreement=agreement, today=timezone.localdate())
    return agreement


def _signing_date(on: datetime.date | None) -> datetime.date:
    if on is None:
        raise ValidationError({"on": _("Oppgi datoen avtalen ble signert.")})
    if on > timezone.localdate():
        raise ValidationError({"on": _("Signeringsdatoen kan ikke være fram i tid.")})
    return on


@transaction.atomic
def agreement_transition(
    *,
    agreement: Agreement,
    actor: User,
    to: str,
    on: datetime.date | None = None,
    reason: str = "",
    note: str = "",
) -> Agreement:
    """Move the agreement one step in its status flow (see Agreement.TRANSITIONS), record who
    and when, and keep the employer and the meeting plan in step."""
    check_editor(agreement, actor)
    agreement = _locked(agreement)
    if not may_transition(agreement, to):
        raise ValidationError(
            _("En avtale med status «%(from)s» kan ikke endres til «%(to)s».")
            % {
                "from": agreement.get_status_display(),
                "to": Agreement.Status(to).label,
            }
        )
    fields = []
    if to == Agreement.Status.SIGNED:
        blocker = signing_blocker(agreement)
        if blocker:
            raise ValidationError(blocker)
        agreement.signed_on = _signing_date(on)
        fields.append("signed_on")
    elif to == Agreement.Status.ACTIVE:
        agreement.plan_anchor = timezone.localdate()
        fields.append("plan_anchor")
    elif to == Agreement.Status.ENDED:
        if reason not in Agreement.EndReason.values:
            raise ValidationError({"reason": _("Velg hvorfor avtalen avsluttes.")})
        agreement.end_reason = reason
        agreement.end_date = on or timezone.localdate()
        fields += ["end_reason", "end_date"]
    transition(
        agreement,
        to=to,
        actor=actor,
        note=note,
        fields=fields,
        action=ACTIONS.get(to, ""),
        data={"end_reason": reason} if to == Agreement.Status.ENDED else None,
    )
    if to == Agreement.Status.ACTIVE:
        plan_extend(agreement=agreement, today=agreement.plan_anchor)
    elif to == Agreement.Status.ENDED:
        meetings_retire(agreement.meetings.planned().filter(planned_date__gt=agreement.end_date))
    employer_sync_with_agreements(agreement.employer, actor=actor)
    return agreement


@transaction.atomic
def agreement_change_contact(
    *, agreement: Agreement, actor: User, contact: User, note: str = ""
) -> Agreement:
    """Hand the agreement to a new fixed contact: the history keeps who had it when, and the
    employer's users and the new contact are told."""
    check_editor(agreement, actor)
    agreement = _locked(agreement)
    _check_contact(contact, "contact")
    if contact.pk == agreement.fixed_contact_id:
        raise ValidationError({"contact": _("Dette er allerede den faste kontaktpersonen.")})
    now = timezone.now()
    ContactPeriod.objects.filter(agreement=agreement, ended_at__isnull=True).update(ended_at=now)
    ContactPeriod.objects.create(
        agreement=agreement, contact=contact, started_at=now, changed_by=actor
    )
    agreement.fixed_contact = contact
    if agreement.deputy_contact_id == contact.pk:
        agreement.deputy_contact = None
    agreement.save(update_fields=["fixed_contact", "deputy_contact", "updated_at"])
    employer_sync_with_agreements(agreement.employer, actor=actor)
    _notify_contact_change(agreement=agreement, note=note)
    return agreement


def _notify_contact_change(*, agreement: Agreement, note: str) -> None:
    link = reverse("agreements:detail", args=[agreement.pk])
    contact = agreement.fixed_contact
    notification_create(
        recipient=contact,
        title=_("Du er ny fast kontaktperson for %(name)s") % {"name": agreement.display_name},
        body=note,
        link=link,
    )
    for user in User.objects.employer_users_of(agreement.employer_id):
        notification_create(
            recipient=user,
            title=_("Ny fast kontaktperson i NAV: %(name)s") % {"name": contact},
            body=_("Kontaktpersonen deres for avtalen er nå %(name)s (%(email)s).")
            % {"name": contact, "email": contact.email},
            link=link,
        )


def validate_signed_copy(upload: UploadedFile) -> None:
    """PDF only (by its first bytes, not its name) and not larger than the setting."""
    limit = settings.AGREEMENT_UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Filen er for stor. Den kan være på høyst %(mb)d MB.") % {"mb": limit // 2**20}
        )
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError(_("Filen må være en PDF."))


@transaction.atomic
def agreement_upload_signed_copy(
    *, agreement: Agreement, actor: User, upload: UploadedFile
) -> Agreement:
    check_editor(agreement, actor)
    validate_signed_copy(upload)
    agreement = _locked(agreement)
    old = agreement.signed_copy.name if agreement.signed_copy else ""
    agreement.signed_copy.save(f"avtale-{agreement.pk}.pdf", upload, save=False)
    agreement.signed_copy_uploaded_at = timezone.now()
    agreement.save(update_fields=["signed_copy", "signed_copy_uploaded_at", "updated_at"])
    if old:
        storage = agreement.signed_copy.storage
        transaction.on_commit(lambda: storage.delete(old))
    return agreement
