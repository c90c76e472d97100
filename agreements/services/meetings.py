"""Plan, move and record follow-up meetings; invite their participants; turn the recruitment
needs found in them into job openings."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.assign import assign_fields
from core.mail import send_claimed
from core.outbox import enqueue
from core.versioning import check_version
from employers.models import EmployerPerson, JobOpening, Occupation
from employers.services.openings import opening_create

from ..calendar import meeting_calendar
from ..models import Agreement, FollowUpMeeting, RecruitmentNeed
from .agreements import check_editor
from .plans import plan_extend

# Changing these changes the calendar event, so the invitation's SEQUENCE goes up.
SCHEDULE_FIELDS = ("planned_date", "start_time", "location")
PLAN_FIELDS = (*SCHEDULE_FIELDS, "agenda")
RECORD_FIELDS = (
    "held_on",
    "nav_participants",
    "employer_participants",
    "union_rep_present",
    "provider_participants",
    "agenda",
    "minutes",
    "minutes_shared",
    "assessment",
)


def _locked(meeting: FollowUpMeeting) -> FollowUpMeeting:
    return (
        FollowUpMeeting.objects.select_for_update(of=("self",))
        .select_related("agreement__employer", "agreement__fixed_contact")
        .get(pk=meeting.pk)
    )


@transaction.atomic
def meeting_create(*, agreement: Agreement, actor: User, **details: Any) -> FollowUpMeeting:
    """An extra meeting outside the plan (some employers meet monthly)."""
    check_editor(agreement, actor)
    if agreement.status != Agreement.Status.ACTIVE:
        raise ValidationError(_("Oppfølgingsmøter planlegges når avtalen er aktiv."))
    meeting = FollowUpMeeting(agreement=agreement)
    assign_fields(meeting, details, PLAN_FIELDS)
    meeting.full_clean()
    meeting.save()
    return meeting


def _refuse_cancelled(meeting: FollowUpMeeting) -> None:
    if meeting.is_cancelled:
        raise ValidationError(_("Møtet er avlyst og kan ikke endres."))


@transaction.atomic
def meeting_plan_update(
    *, meeting: FollowUpMeeting, actor: User, version: str = "", **details: Any
):
    check_editor(meeting.agreement, actor)
    meeting = _locked(meeting)
    _refuse_cancelled(meeting)
    check_version(meeting, version)
    if meeting.is_held:
        raise ValidationError(_("Et møte som er holdt, kan ikke flyttes."))
    rescheduled = any(getattr(meeting, name) != details.get(name) for name in SCHEDULE_FIELDS)
    assign_fields(meeting, details, PLAN_FIELDS)
    fields = [*details, "updated_at"]
    if rescheduled:
        meeting.ics_sequence += 1
        fields.append("ics_sequence")
    meeting.full_clean()
    meeting.save(update_fields=fields)
    return meeting


@transaction.atomic
def meeting_record(
    *, meeting: FollowUpMeeting, actor: User, version: str = "", **details: Any
) -> FollowUpMeeting:
    """Record the meeting as held (or correct the record): who came, minutes, assessment.
    The rolling plan is extended so there are always twelve months ahead."""
    check_editor(meeting.agreement, actor)
    meeting = _locked(meeting)
    _refuse_cancelled(meeting)
    check_version(meeting, version)
    held_on = details.get("held_on")
    if held_on is None:
        raise ValidationError({"held_on": _("Oppgi datoen møtet ble holdt.")})
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("Et møte kan ikke være holdt fram i tid.")})
    if not details.get("minutes", "").strip():
        raise ValidationError({"minutes": _("Skriv et referat for et møte som er holdt.")})
    assign_fields(meeting, details, RECORD_FIELDS)
    meeting.full_clean()
    meeting.save(update_fields=[*details, "updated_at"])
    agreement = meeting.agreement
    if agreement.status == Agreement.Status.ACTIVE:
        plan_extend(agreement=agreement, today=timezone.localdate())
    return meeting


def invitation_recipients(meeting: FollowUpMeeting) -> list[str]:
    """The fixed contact, the deputy, and the employer's people with an e-mail address
    (contact people, and union representatives when they take part)."""
    agreement = meeting.agreement
    addresses = [agreement.fixed_contact.email]
    if agreement.deputy_contact_id:
        addresses.append(agreement.deputy_contact.email)
    kinds = [EmployerPerson.Kind.CONTACT]
    if agreement.union_involvement == Agreement.UnionInvolvement.PARTICIPATES:
        kinds.append(EmployerPerson.Kind.UNION_REP)
    people = EmployerPerson.objects.current().filter(
        employer_id=agreement.employer_id, kind__in=kinds
    )
    addresses += [email for email in people.values_list("email", flat=True) if email]
    return list(dict.fromkeys(addresses))


@transaction.atomic
def meeting_invite(*, meeting: FollowUpMeeting, actor: User) -> None:
    """E-mail the calendar invitation (after commit, from a Celery task)."""
    from ..tasks import send_meeting_invitation

    check_editor(meeting.agreement, actor)
    if meeting.is_held:
        raise ValidationError(_("Møtet er allerede holdt."))
    meeting = _locked(meeting)
    _refuse_cancelled(meeting)
    sent = meeting.invited_sequence is not None and meeting.invited_sequence >= meeting.ics_sequence
    if sent or meeting.is_invitation_claimed:
        # Re-sending the same version (sent, or its send died halfway): raise the sequence so
        # calendars take it as an update and the claim of the old version does not hold it.
        meeting.ics_sequence += 1
        meeting.save(update_fields=["ics_sequence", "updated_at"])
    enqueue(send_meeting_invitation, meeting.pk)


@transaction.atomic
def need_add(
    *,
    meeting: FollowUpMeeting,
    actor: User,
    title: str,
    occupation: Occupation,
    positions: int,
    description: str,
) -> RecruitmentNeed:
    check_editor(meeting.agreement, actor)
    need = RecruitmentNeed(
        meeting=meeting,
        title=title,
        occupation=occupation,
        positions=positions,
        description=description,
    )
    need.full_clean()
    need.save()
    return need


@transaction.atomic
def need_to_opening(*, need: RecruitmentNeed, actor: User) -> JobOpening:
    """Make a draft job opening from the need, once; the contact completes it afterwards."""
    need = (
        RecruitmentNeed.objects.select_for_update(of=("self",))
        .select_related("meeting__agreement__employer", "meeting__agreement__fixed_contact")
        .get(pk=need.pk)
    )
    agreement = need.meeting.agreement
    check_editor(agreement, actor)
    if need.opening_id is not None:
        raise ValidationError(_("Dette behovet er allerede gjort om til en stilling."))
    employer = agreement.employer
    opening = opening_create(
        employer=employer,
        actor=actor,
        title=need.title,
        occupation=need.occupation,
        positions=need.positions,
        location=employer.municipality or employer.county.name,
        requirements_must=need.description,
    )
    need.opening = opening
    need.save(update_fields=["opening"])
    return opening


def meeting_send_invitation_email(*, meeting_id: int) -> bool:
    """Send the invitation with its .ics unless this version went out already or its send is
    claimed; True if sent. At most once per version, see core.mail."""
    return send_claimed(
        FollowUpMeeting.objects.filter(held_on__isnull=True)
        .exclude(invited_sequence=F("ics_sequence"))
        .exclude(invitation_claimed_sequence=F("ics_sequence"))
        .select_related(
            "agreement__employer", "agreement__fixed_contact", "agreement__deputy_contact"
        ),
        meeting_id,
        send=_send_invitation,
        claim=lambda meeting: {"invitation_claimed_sequence": meeting.ics_sequence},
        # A newer version sent meanwhile by another worker stays the one recorded.
        mark_sent=lambda meeting: {
            "invited_sequence": Greatest(
                Coalesce("invited_sequence", Value(0)), Value(meeting.ics_sequence)
            )
        },
    )


def _send_invitation(meeting: FollowUpMeeting) -> bool:
    from django.conf import settings

    recipients = invitation_recipients(meeting)
    context = {"meeting": meeting, "agreement": meeting.agreement, "site_url": settings.SITE_URL}
    message = EmailMultiAlternatives(
        subject=render_to_string("agreements/email/invitation_subject.txt", context).strip(),
        body=render_to_string("agreements/email/invitation.txt", context),
        to=recipients,
    )
    message.attach(
        "oppfolgingsmote.ics",
        meeting_calendar(meeting, recipients),
        "text/calendar; method=%s; charset=utf-8"
        % ("CANCEL" if meeting.is_cancelled else "REQUEST"),
    )
    message.send()
    return True
