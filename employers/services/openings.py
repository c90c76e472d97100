from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Role, User
from core.activity import log_action
from core.assign import assign_fields
from core.transitions import transition
from core.versioning import check_version
from notifications.services import notification_create

from ..models import Employer, JobOpening
from ..permissions import may_manage_openings
from ..signals import opening_closed

# The fields a contact person fills in; status, publishing and authorship belong to services.
OPENING_FIELDS = (
    "title",
    "occupation",
    "positions",
    "location",
    "region",
    "start_date",
    "application_deadline",
    "extent",
    "extent_percent",
    "working_hours",
    "description",
    "requirements_must",
    "requirements_nice",
    "demands",
    "adaptations",
    "competence_path_possible",
)


def _check_manager(actor: User) -> None:
    if not may_manage_openings(actor):
        raise PermissionDenied


def _apply(opening: JobOpening, details: dict[str, Any]) -> None:
    assign_fields(opening, details, OPENING_FIELDS)
    opening.full_clean()


# Opening it is publishing it; the other codes are the new status (employers.opening.filled).
ACTIONS = {JobOpening.Status.OPEN: "employers.opening.published"}


def _move(opening: JobOpening, *, to: str, actor: User, note: str = "", fields=()) -> None:
    transition(
        opening,
        to=to,
        actor=actor,
        note=note,
        fields=fields,
        action=ACTIONS.get(to, ""),
        message=_("Stillingen kan ikke endres slik i denne statusen."),
    )


def _locked(opening: JobOpening) -> JobOpening:
    return (
        JobOpening.objects.select_for_update(of=("self",))
        .select_related("employer", "region")
        .get(pk=opening.pk)
    )


@transaction.atomic
def opening_create(*, employer: Employer, actor: User, **details: Any) -> JobOpening:
    """Record a draft opening. Unless a region (or None: county-wide) is given, it takes the
    employer's region."""
    _check_manager(actor)
    deadline = details.get("application_deadline")
    if deadline is not None and deadline < timezone.localdate():
        raise ValidationError(
            {"application_deadline": _("Søknadsfristen kan ikke være tilbake i tid.")}
        )
    opening = JobOpening(employer=employer, recorded_by=actor)
    details.setdefault("region", employer.region)
    _apply(opening, details)
    opening.save()
    log_action(opening, "employers.opening.created", actor=actor, to_state=opening.status)
    return opening


def need_recipient(employer: Employer) -> User | None:
    """Who takes a need the employer reports: its fixed contact, or else a project leader of
    its county, who finds it a contact person."""
    if employer.fixed_contact_id and employer.fixed_contact.is_active:
        return employer.fixed_contact
    leaders = User.objects.filter(
        role=Role.PROJECT_LEADER, county_id=employer.county_id, is_active=True
    )
    return leaders.order_by("pk").first()


@transaction.atomic
def opening_report(*, employer: Employer, actor: User, **details: Any) -> JobOpening:
    """An employer user reports a recruitment need: a draft opening for its contact person,
    who is told and takes it from there (publishing, search)."""
    if actor.role != Role.EMPLOYER_USER or actor.acting_employer_id != employer.pk:
        raise PermissionDenied
    recipient = need_recipient(employer)
    if recipient is None:
        raise ValidationError(
            _("Dere har ingen kontaktperson i NAV ennå. Ta kontakt med NAV-kontoret deres.")
        )
    details.setdefault("location", employer.municipality or employer.name)
    details.setdefault("region", employer.region)
    opening = JobOpening(employer=employer, recorded_by=recipient, reported_by=actor)
    _apply(opening, details)
    opening.save()
    log_action(
        opening,
        "employers.opening.created",
        actor=actor,
        to_state=opening.status,
        note=_("Meldt av virksomheten"),
    )
    notification_create(
        recipient=recipient,
        title=_("%(employer)s har meldt et rekrutteringsbehov: %(title)s")
        % {"employer": employer.name, "title": opening.title},
        body=_("%(positions)d stilling(er). Se over utkastet og publiser det.")
        % {"positions": opening.positions},
        link=reverse("employers:opening_edit", args=[opening.pk]),
    )
    return opening


@transaction.atomic
def opening_update(
    *, opening: JobOpening, actor: User, version: str = "", **details: Any
) -> JobOpening:
    _check_manager(actor)
    opening = _locked(opening)
    check_version(opening, version)
    if not opening.is_editable:
        raise ValidationError(_("En besatt eller avlyst stilling kan ikke endres."))
    _apply(opening, details)
    opening.save(update_fields=[*details, "updated_at"])
    return opening


def opening_audience(opening: JobOpening):
    """Advisers and provider staff serving the opening's area. An opening with a region goes
    to that region's advisers (and advisers of the county without a region) and to staff of
    providers serving the region; one without a region goes to the whole county."""
    county_id = opening.employer.county_id
    if opening.region_id:
        advisers = Q(region_id=opening.region_id) | Q(region__isnull=True, county_id=county_id)
        providers = Q(provider__regions=opening.region_id)
    else:
        advisers = Q(county_id=county_id)
        providers = Q(provider__regions__county_id=county_id)
    return User.objects.filter(
        Q(advisers, role=Role.ADVISER) | Q(providers, role=Role.PROVIDER_STAFF), is_active=True
    ).distinct()


@transaction.atomic
def opening_publish(*, opening: JobOpening, actor: User) -> int:
    """Open the opening and share it with everyone who can propose candidates in its area:
    an in-app notification and an e-mail each. Returns how many were notified."""
    _check_manager(actor)
    opening = _locked(opening)
    if opening.deadline_passed:
        raise ValidationError(
            _("Søknadsfristen har gått ut. Endre fristen før du publiserer stillingen.")
        )
    opening.published_at = timezone.now()
    _move(opening, to=JobOpening.Status.OPEN, actor=actor, fields=["published_at"])
    link = reverse("employers:opening_detail", args=[opening.pk])
    title = _("Ny delt stilling: %(title)s hos %(employer)s") % {
        "title": opening.title,
        "employer": opening.employer.name,
    }
    body = _("%(positions)d stilling(er), %(location)s. Søknadsfrist: %(deadline)s.") % {
        "positions": opening.positions,
        "location": opening.location,
        "deadline": date_format(opening.application_deadline)
        if opening.application_deadline
        else _("løpende"),
    }
    recipients = list(opening_audience(opening).exclude(pk=actor.pk))
    for recipient in recipients:
        notification_create(recipient=recipient, title=title, body=body, link=link)
    return len(recipients)


def _close(opening: JobOpening, *, to: str, actor: User, note: str) -> JobOpening:
    """Filled or cancelled, the opening is closed: candidates closes its shortlist on the signal."""
    _check_manager(actor)
    opening = _locked(opening)
    _move(opening, to=to, actor=actor, note=note)
    opening_closed.send(sender=JobOpening, opening=opening, actor=actor)
    return opening


@transaction.atomic
def opening_mark_filled(*, opening: JobOpening, actor: User, note: str = "") -> JobOpening:
    return _close(opening, to=JobOpening.Status.FILLED, actor=actor, note=note)


@transaction.atomic
def opening_cancel(*, opening: JobOpening, actor: User, note: str = "") -> JobOpening:
    return _close(opening, to=JobOpening.Status.CANCELLED, actor=actor, note=note)
