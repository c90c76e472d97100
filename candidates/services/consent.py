"""The candidate's consent to be presented to one employer for one opening: recorded in a
meeting, or asked for with a signed link that expires at the sender's deadline."""

import datetime
import zoneinfo

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from core.activity import log_action
from core.mail import send_once, send_rendered
from core.outbox import enqueue
from core.transitions import transition
from notifications.services import notification_create

from ..models import ConsentAsk, ConsentRequest, ShortlistEntry, Step
from .pipeline import (
    entry_link,
    lock_entry,
    manages_opening,
    notify_owner,
    record_move,
    record_note,
)

TOKEN_SALT = "candidates.consent"  # noqa: S105 (a salt, not a secret)
OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
DEADLINE_DAYS = (2, 3, 7)


def consent_deadline(*, days: int | None = None, on: datetime.date | None = None, now=None):
    """A response deadline: a number of days from now, or the end of a chosen day in Norway."""
    now = now or timezone.now()
    if days is not None:
        return now + datetime.timedelta(days=days)
    end_of_day = datetime.datetime.combine(on, datetime.time(23, 59, 59), tzinfo=OSLO)
    if end_of_day <= now:
        raise ValidationError({"deadline_date": _("Svarfristen må være fram i tid.")})
    return end_of_day


def consent_token(consent: ConsentRequest) -> str:
    """A signed token for the candidate's link. It names the request and its deadline, so a
    link stops working when the deadline passes or the request is replaced."""
    return signing.dumps({"c": consent.pk, "d": int(consent.deadline.timestamp())}, salt=TOKEN_SALT)


def consent_from_token(token: str) -> ConsentRequest:
    """The request a link points to. Raises ConsentRequest.DoesNotExist for a tampered or
    unknown link."""
    try:
        payload = signing.loads(token, salt=TOKEN_SALT)
        consent = ConsentRequest.objects.select_related(
            "entry__shortlist__opening__employer", "entry__candidate"
        ).get(pk=payload["c"], method=ConsentRequest.Method.LINK)
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise ConsentRequest.DoesNotExist from None
    if payload.get("d") != int(consent.deadline.timestamp()):
        raise ConsentRequest.DoesNotExist
    return consent


def consent_link(consent: ConsentRequest) -> str:
    path = reverse("candidates:consent_respond", kwargs={"token": consent_token(consent)})
    return f"{settings.SITE_URL}{path}"


def _check_owner(actor: User, entry: ShortlistEntry) -> None:
    if entry.candidate.owner_id != actor.pk:
        raise PermissionDenied
    if entry.is_archived:
        raise ValidationError(_("Kandidaten er fjernet fra listen."))


def _replace_unsent_link(entry: ShortlistEntry, actor: User) -> bool:
    """Replace the entry's pending link request if its link never went out (see
    ConsentRequest.is_link_unsent), so it does not block a new request until its deadline.
    Under the row lock, a send that claims it afterwards finds it no longer pending."""
    pending = (
        ConsentRequest.objects.select_for_update()
        .filter(entry=entry, status=ConsentRequest.Status.PENDING)
        .first()
    )
    if pending is None or not pending.is_link_unsent():
        return False
    transition(
        pending,
        to=ConsentRequest.Status.REPLACED,
        actor=actor,
        note=_("Lenken ble ikke sendt; en ny forespørsel erstatter den."),
    )
    return True


def may_ask_owner_for_consent(user: User, entry: ShortlistEntry) -> bool:
    """The contact side (not the owner) of a live entry that still needs a consent."""
    return (
        entry.candidate.owner_id != user.pk
        and not entry.is_archived
        and not entry.shortlist.is_closed
        and entry.can_move_to(Step.CONSENT_GIVEN)
        and manages_opening(user, entry.shortlist.opening)
    )


@transaction.atomic
def consent_ask_owner(*, entry: ShortlistEntry, actor: User) -> ConsentAsk:
    """The contact person asks the owner to get the candidate's consent: a notification and a
    to-do on the owner's home page, once per entry until the owner has asked the candidate."""
    entry = lock_entry(entry)
    if not may_ask_owner_for_consent(actor, entry):
        raise PermissionDenied
    if entry.consents.filter(status=ConsentRequest.Status.PENDING).exists():
        raise ValidationError(_("Kandidaten er allerede spurt om samtykke. Vent på svaret."))
    if entry.consent_asks.filter(done_at__isnull=True).exists():
        raise ValidationError(_("Eieren er allerede bedt om å innhente samtykke."))
    ask = ConsentAsk.objects.create(entry=entry, asked_by=actor)
    opening = entry.shortlist.opening
    notification_create(
        recipient=entry.candidate.owner,
        title=_("Du er bedt om å innhente samtykke til %(opening)s") % {"opening": opening.title},
        body=_(
            "%(actor)s ber deg innhente kandidatens samtykke til å bli presentert for %(employer)s."
        )
        % {"actor": actor, "employer": opening.employer.name},
        link=entry_link(entry),
    )
    log_action(entry, "candidates.entry.consent_asked", actor=actor)
    return ask


def _create(**fields) -> ConsentRequest:
    try:
        with transaction.atomic():
            # The owner did what they were asked: the to-do is done.
            ConsentAsk.objects.filter(entry=fields["entry"], done_at__isnull=True).update(
                done_at=timezone.now()
            )
            return ConsentRequest.objects.create(**fields)
    except IntegrityError:
        raise ValidationError(
            _(
                "Det venter allerede et svar på en samtykkeforespørsel for denne kandidaten og "
                "stillingen. Vent på svaret eller til fristen går ut."
            )
        ) from None


@transaction.atomic
def consent_request_link(
    *,
    entry: ShortlistEntry,
    actor: User,
    deadline: datetime.datetime,
    adaptation_text_offered: str = "",
) -> ConsentRequest:
    """Send the candidate a link to accept or decline, answerable until the deadline."""
    entry = lock_entry(entry)
    _check_owner(actor, entry)
    if not entry.candidate.email:
        raise ValidationError(
            _("Kandidaten har ingen e-postadresse. Registrer samtykke gitt i møte i stedet.")
        )
    if deadline <= timezone.now():
        raise ValidationError({"deadline_date": _("Svarfristen må være fram i tid.")})
    _replace_unsent_link(entry, actor)
    consent = _create(
        entry=entry,
        method=ConsentRequest.Method.LINK,
        deadline=deadline,
        adaptation_text_offered=adaptation_text_offered.strip(),
        requested_by=actor,
    )
    log_action(consent, "candidates.consent.requested", actor=actor, to_state=consent.status)
    reason = _("Lenke sendt på e-post, svarfrist %(deadline)s.") % {
        "deadline": date_format(timezone.localtime(deadline, OSLO), "DATETIME_FORMAT")
    }
    if entry.step == Step.CONSENT_REQUESTED:  # a new link for one that never went out
        record_note(entry, actor=actor, reason=reason)
    else:
        record_move(entry, to_step=Step.CONSENT_REQUESTED, actor=actor, reason=reason)
    from ..tasks_consent import send_consent_link

    enqueue(send_consent_link, consent.pk)
    return consent


def consent_send_link(*, consent_id: int) -> bool:
    """E-mail the link unless it was sent (or claimed) already; at most once, see core.mail.
    Returns True if sent now."""
    return send_once(
        ConsentRequest.objects.filter(status=ConsentRequest.Status.PENDING).select_related(
            "entry__candidate", "entry__shortlist__opening__employer"
        ),
        consent_id,
        send=_send_consent_link,
        sent_field="link_sent_at",
        claimed_field="link_claimed_at",
    )


def _send_consent_link(consent: ConsentRequest) -> bool:
    if not consent.entry.candidate.email:
        return False
    context = {
        "consent": consent,
        "opening": consent.entry.shortlist.opening,
        "link": consent_link(consent),
        "deadline": timezone.localtime(consent.deadline, OSLO),
    }
    send_rendered(
        consent.entry.candidate.email,
        context,
        subject="candidates/email/consent_subject.txt",
        text="candidates/email/consent_body.txt",
        html="candidates/email/consent_body.html",
    )
    return True


@transaction.atomic
def consent_record_meeting(
    *, entry: ShortlistEntry, actor: User, share_adaptation_text: str = ""
) -> ConsentRequest:
    """The owner records consent the candidate gave in a meeting."""
    entry = lock_entry(entry)
    _check_owner(actor, entry)
    if not entry.can_move_to(Step.CONSENT_GIVEN):
        raise ValidationError(
            _("Samtykke kan ikke registreres når kandidaten står på «%(step)s».")
            % {"step": Step(entry.step).label}
        )
    _replace_unsent_link(entry, actor)
    now = timezone.now()
    consent = _create(
        entry=entry,
        method=ConsentRequest.Method.MEETING,
        status=ConsentRequest.Status.GIVEN,
        share_adaptation_text=share_adaptation_text.strip(),
        adaptation_text_offered=share_adaptation_text.strip(),
        requested_by=actor,
        requested_at=now,
        responded_at=now,
    )
    log_action(consent, "candidates.consent.recorded", actor=actor, to_state=consent.status)
    record_move(entry, to_step=Step.CONSENT_GIVEN, actor=actor, reason=_("Samtykke gitt i møte."))
    return consent


def _lock_consent(consent: ConsentRequest) -> ConsentRequest:
    return ConsentRequest.objects.select_for_update().get(pk=consent.pk)


@transaction.atomic
def consent_respond(
    *, consent: ConsentRequest, accept: bool, share_adaptation: bool = False
) -> ConsentRequest:
    """The candidate answers through the link (no login, so no actor)."""
    consent = _lock_consent(consent)
    if not consent.is_pending:
        raise ValidationError(_("Denne forespørselen er allerede besvart eller utløpt."))
    if consent.is_overdue():
        raise ValidationError(_("Svarfristen har gått ut. Ta kontakt med veilederen din."))
    entry = lock_entry(consent.entry)
    if entry.is_archived or entry.step != Step.CONSENT_REQUESTED:
        raise ValidationError(_("Stillingen er ikke lenger aktuell for deg."))
    consent.responded_at = timezone.now()
    if accept:
        status = ConsentRequest.Status.GIVEN
        consent.share_adaptation_text = consent.adaptation_text_offered if share_adaptation else ""
        to_step, reason = Step.CONSENT_GIVEN, _("Kandidaten samtykket via lenken.")
    else:
        status = ConsentRequest.Status.DECLINED
        to_step, reason = Step.CONSENT_DECLINED, _("Kandidaten takket nei via lenken.")
    transition(consent, to=status, actor=None, fields=["share_adaptation_text", "responded_at"])
    record_move(entry, to_step=to_step, actor=None, reason=reason)
    return consent


@transaction.atomic
def consent_withdraw(*, consent: ConsentRequest, actor: User | None) -> ConsentRequest:
    """Withdraw a given consent: by the owner, or by the candidate through the link (actor
    None). The employer stops seeing the candidate at once; withdrawal works even on a closed
    list, because it is the candidate's right."""
    consent = _lock_consent(consent)
    entry = lock_entry(consent.entry, allow_closed=True)
    if actor is not None and entry.candidate.owner_id != actor.pk:
        raise PermissionDenied
    consent.withdrawn_at = timezone.now()
    transition(
        consent,
        to=ConsentRequest.Status.WITHDRAWN,
        actor=actor,
        fields=["withdrawn_at"],
        message=_("Bare et gitt samtykke kan trekkes tilbake."),
    )
    reason = _("Samtykket er trukket tilbake.")
    if entry.shortlist.is_closed or entry.is_archived or not entry.can_move_to(Step.WITHDRAWN):
        record_note(entry, actor=actor, reason=reason)
        notify_owner(
            entry,
            actor=actor,
            title=_("Samtykket ble trukket for en kandidat du følger til %(opening)s")
            % {"opening": entry.shortlist.opening.title},
        )
    else:
        record_move(entry, to_step=Step.WITHDRAWN, actor=actor, reason=reason)
    opening = entry.shortlist.opening
    if actor is None or actor.pk != opening.recorded_by_id:
        notification_create(
            recipient=opening.recorded_by,
            title=_("Samtykke trukket for en kandidat til %(opening)s")
            % {"opening": opening.title},
            body=_("Arbeidsgiveren ser ikke lenger kandidaten."),
            link=entry_link(entry),
            subject=entry,
        )
    return consent


def consent_expire_overdue(*, now: datetime.datetime | None = None) -> int:
    """Mark pending requests past their deadline as expired, put the entry back to "being
    assessed" and tell the owner. Safe to run again: only pending requests are touched."""
    now = now or timezone.now()
    expired = 0
    overdue_ids = list(
        ConsentRequest.objects.filter(
            status=ConsentRequest.Status.PENDING, deadline__lte=now
        ).values_list("pk", flat=True)
    )
    for consent_id in overdue_ids:
        with transaction.atomic():
            consent = (
                ConsentRequest.objects.select_for_update(skip_locked=True)
                .filter(pk=consent_id, status=ConsentRequest.Status.PENDING)
                .first()
            )
            if consent is None:
                continue
            transition(consent, to=ConsentRequest.Status.EXPIRED, actor=None)
            entry = lock_entry(consent.entry, allow_closed=True)
            reason = _("Svarfristen for samtykke gikk ut uten svar.")
            movable = not (entry.shortlist.is_closed or entry.is_archived)
            if movable and entry.step == Step.CONSENT_REQUESTED:
                record_move(entry, to_step=Step.ASSESSING, actor=None, reason=reason)
            else:
                record_note(entry, actor=None, reason=reason)
                notify_owner(
                    entry,
                    actor=None,
                    title=_(
                        "En kandidat du følger svarte ikke på samtykkeforespørselen til %(opening)s"
                    )
                    % {"opening": entry.shortlist.opening.title},
                )
            expired += 1
    return expired
