"""Moving candidates through an opening's shortlist: one service per use case, each in one
transaction with the entry (and its shortlist) locked, each leaving an entry in the activity
log (core.activity)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accounts.models import Role, User
from core.activity import log_action
from core.models import ActivityEntry
from core.transitions import transition
from employers.models import JobOpening
from notifications.services import notification_create

from ..models import (
    EMPLOYER_VISIBLE_STEPS,
    Candidate,
    ConsentRequest,
    EmployerAssessment,
    Placement,
    Shortlist,
    ShortlistEntry,
    Step,
)
from ..permissions import manages_opening, may_archive
from .shortlist import shortlist_add

# Who moves which step. The contact side talks to the employer; the owner knows the candidate
# and asks for consent; the employer answers for itself after a presentation.
CONTACT_SIDE_STEPS = EMPLOYER_VISIBLE_STEPS | {Step.ASSESSING, Step.WITHDRAWN}
OWNER_STEPS = frozenset(
    {
        Step.ASSESSING,
        Step.CONSENT_REQUESTED,
        Step.CONSENT_GIVEN,
        Step.CONSENT_DECLINED,
        Step.WITHDRAWN,
    }
)
# The employer asks for an interview, says how it went, continues or ends a work trial, and
# reports a hire with the contract details it knows (its own form and `entry_hire`, as for the
# contact person; the measures used are NAV's and stay empty): every step it sees but the
# presentation, which is NAV's.
EMPLOYER_STEPS = EMPLOYER_VISIBLE_STEPS - {Step.PRESENTED}
REASON_REQUIRED = frozenset({Step.NOT_RELEVANT, Step.NOT_HIRED, Step.WITHDRAWN})
# Steps with their own form (consent, hire); the plain move form offers the rest.
OWN_FORM_STEPS = frozenset(
    {Step.CONSENT_REQUESTED, Step.CONSENT_GIVEN, Step.CONSENT_DECLINED, Step.HIRED}
)

CLOSED_MESSAGE = _("Kandidatlisten er lukket fordi stillingen er besatt eller avlyst.")


def has_given_consent(entry: ShortlistEntry) -> bool:
    return entry.consents.filter(status=ConsentRequest.Status.GIVEN).exists()


def steps_user_may_move(user: User, entry: ShortlistEntry) -> frozenset[str]:
    """The steps this user may move this entry to, by their side of it (not yet checked
    against the pipeline graph)."""
    steps: set[str] = set()
    if manages_opening(user, entry.shortlist.opening):
        steps |= CONTACT_SIDE_STEPS
    if entry.candidate.owner_id == user.pk:
        steps |= OWNER_STEPS
    if (
        user.role == Role.EMPLOYER_USER
        and user.acting_employer_id == entry.shortlist.opening.employer_id
        and has_given_consent(entry)
    ):
        steps |= EMPLOYER_STEPS
    return frozenset(steps)


def proposal_warnings(candidate: Candidate, opening: JobOpening) -> list[str]:
    """Why a candidate may not fit an opening: an occupation not among those the candidate
    wants or has done, or availability only after the opening's start (or deadline). Needs
    the candidate's occupations prefetched when called for a list."""
    warnings = []
    occupations = {o.pk for o in candidate.occupations_wanted.all()} | {
        o.pk for o in candidate.occupations_done.all()
    }
    if opening.occupation_id and opening.occupation_id not in occupations:
        warnings.append(
            _("yrket passer ikke stillingens (%(occupation)s).")
            % {"occupation": opening.occupation.name}
        )
    needed_by = opening.start_date or opening.application_deadline
    free_from = max(filter(None, [candidate.available_from, candidate.unavailable_until]))
    if needed_by and free_from > needed_by:
        warnings.append(
            _("tilgjengelig først %(day)s, etter stillingens %(what)s %(needed)s.")
            % {
                "day": date_format(free_from),
                "what": _("oppstart") if opening.start_date else _("søknadsfrist"),
                "needed": date_format(needed_by),
            }
        )
    return warnings


def next_steps(user: User, entry: ShortlistEntry) -> list[str]:
    """The steps the plain move form offers this user, in pipeline order."""
    if entry.shortlist.is_closed or entry.is_archived:
        return []
    allowed = steps_user_may_move(user, entry) - OWN_FORM_STEPS
    return [step for step in Step if entry.can_move_to(step) and step in allowed]


def employer_next_steps(entry: ShortlistEntry) -> list[str]:
    """The steps an employer may report next, for an entry from
    `selectors.pipeline.employer_entries` (its consent is given by construction): no query.
    A hire among them is reported with its own form (`entry_hire`)."""
    if entry.shortlist.is_closed or entry.is_archived:
        return []
    return [step for step in Step if step in EMPLOYER_STEPS and entry.can_move_to(step)]


def entry_link(entry: ShortlistEntry) -> str:
    return reverse("candidates:entry_detail", kwargs={"entry_id": entry.pk})


def lock_entry(entry: ShortlistEntry, *, allow_closed: bool = False) -> ShortlistEntry:
    """Lock the entry and its shortlist (closing the list takes the same lock)."""
    locked = (
        ShortlistEntry.objects.select_for_update(of=("self", "shortlist"))
        .select_related("shortlist__opening__employer", "candidate__owner")
        .get(pk=entry.pk)
    )
    if locked.shortlist.is_closed and not allow_closed:
        raise ValidationError(CLOSED_MESSAGE)
    return locked


def notify_owner(entry: ShortlistEntry, *, actor: User | None, title: str, body: str = "") -> None:
    """Titles and bodies name the opening and the step, never the candidate, and carry no
    free-text reason: they are e-mailed and outlive access. The list names the candidate for
    readers who may still see them (candidates.notices)."""
    owner = entry.candidate.owner
    if actor is not None and actor.pk == owner.pk:
        return
    notification_create(
        recipient=owner, title=title, body=body, link=entry_link(entry), subject=entry
    )


def _refusal(entry: ShortlistEntry, to_step: str) -> str:
    return _("Kandidaten kan ikke flyttes fra «%(from)s» til «%(to)s».") % {
        "from": Step(entry.step).label,
        "to": Step(to_step).label,
    }


def notify_contact_side(
    entry: ShortlistEntry, *, actor: User | None, title: str, body: str = ""
) -> None:
    """Tell the employer's fixed contact (or, without one, whoever recorded the opening)."""
    opening = entry.shortlist.opening
    contact = opening.employer.fixed_contact if opening.employer.fixed_contact_id else None
    recipient = contact if contact is not None and contact.is_active else opening.recorded_by
    if actor is not None and actor.pk == recipient.pk:
        return
    notification_create(
        recipient=recipient, title=title, body=body, link=entry_link(entry), subject=entry
    )


def assessment_start(entry: ShortlistEntry) -> EmployerAssessment:
    """On presentation the six-month clock starts and the employer's assessment is "til
    vurdering". Presenting again (after a withdrawn consent) starts over."""
    assessment, created = EmployerAssessment.objects.get_or_create(entry=entry)
    if not created:
        assessment.status = EmployerAssessment.Status.ASSESSING
        assessment.reason = ""
        assessment.presented_at = timezone.now()
        assessment.gone_at = None
        assessment.gone_why = ""
        assessment.save()
    return assessment


def check_transition(entry: ShortlistEntry, to_step: str) -> None:
    if not entry.can_move_to(to_step):
        raise ValidationError(_refusal(entry, to_step))


def record_move(
    entry: ShortlistEntry, *, to_step: str, actor: User | None, reason: str = ""
) -> ActivityEntry:
    """Move a locked entry and tell the candidate's owner. Callers check who may move."""
    logged = transition(
        entry,
        to=to_step,
        actor=actor,
        note=reason,
        action="candidates.entry.moved",
        message=_refusal(entry, to_step),
    )
    opening = entry.shortlist.opening
    notify_owner(
        entry,
        actor=actor,
        title=_("%(opening)s: en kandidat du følger er nå «%(step)s»")
        % {"opening": opening.title, "step": Step(to_step).label},
        body=_("%(opening)s hos %(employer)s.")
        % {"opening": opening.title, "employer": opening.employer.name},
    )
    return logged


def _record(entry: ShortlistEntry, verb: str, *, actor: User | None, reason: str = ""):
    """Log what happened to the entry without moving it (archived, restored, a note)."""
    return log_action(
        entry,
        f"candidates.entry.{verb}",
        actor=actor,
        note=reason,
        from_state=entry.step,
        to_state=entry.step,
    )


def record_note(entry: ShortlistEntry, *, actor: User | None, reason: str) -> ActivityEntry:
    return _record(entry, "noted", actor=actor, reason=reason)


def _check_live(entry: ShortlistEntry) -> None:
    if entry.is_archived:
        raise ValidationError(
            _("Kandidaten er fjernet fra listen. Legg kandidaten tilbake før du endrer steg.")
        )


def check_not_moved(entry: ShortlistEntry, expected_step: str | None) -> None:
    """Refuse a move decided at `expected_step` (the form's hidden "fra") when the entry is
    at another step now: someone moved it meanwhile."""
    if expected_step and entry.step != expected_step:
        raise ValidationError(
            _(
                "Noen andre har nettopp flyttet kandidaten til «%(step)s». Se over og velg på "
                "nytt om det fortsatt trengs."
            )
            % {"step": Step(entry.step).label}
        )


@transaction.atomic
def entry_move(
    *,
    entry: ShortlistEntry,
    to_step: str,
    actor: User,
    reason: str = "",
    expected_step: str | None = None,
) -> ShortlistEntry:
    """Move an entry one step along the pipeline, as the side of it the actor is on.

    `expected_step` is the step the person saw when they decided (the form's hidden "fra"):
    if someone moved the entry meanwhile, nothing is done, so two answers given at once from
    the same step never both go through."""
    entry = lock_entry(entry)
    _check_live(entry)
    check_not_moved(entry, expected_step)
    if to_step in OWN_FORM_STEPS:
        raise ValidationError(_("Dette steget registreres med et eget skjema."))
    check_transition(entry, to_step)
    if to_step not in steps_user_may_move(actor, entry):
        raise PermissionDenied
    reason = reason.strip()
    if to_step in REASON_REQUIRED and not reason:
        raise ValidationError({"reason": _("Skriv en begrunnelse for dette steget.")})
    # Presenting shares the CV with the employer, which the candidate must have agreed to.
    if to_step == Step.PRESENTED and not has_given_consent(entry):
        raise ValidationError(_("Kandidaten kan ikke presenteres før samtykke er gitt."))
    record_move(entry, to_step=to_step, actor=actor, reason=reason)
    if to_step == Step.PRESENTED:
        assessment_start(entry)
        _notify_employer_users(entry)
    notify_contact_side_of_employer_move(entry, to_step=to_step, actor=actor)
    return entry


def notify_contact_side_of_employer_move(
    entry: ShortlistEntry, *, to_step: str, actor: User
) -> None:
    """A step the employer reported from the portal reaches the contact person too (the owner
    hears of every move through `record_move`)."""
    if actor.role != Role.EMPLOYER_USER:
        return
    opening = entry.shortlist.opening
    notify_contact_side(
        entry,
        actor=actor,
        title=_("%(employer)s: en kandidat til %(opening)s er nå «%(step)s»")
        % {
            "employer": opening.employer.name,
            "opening": opening.title,
            "step": Step(to_step).label,
        },
    )


def _notify_employer_users(entry: ShortlistEntry) -> None:
    opening = entry.shortlist.opening
    for user in User.objects.employer_users_of(opening.employer_id):
        notification_create(
            recipient=user,
            title=_("Ny kandidat til %(opening)s") % {"opening": opening.title},
            body=_("NAV har presentert en kandidat som har samtykket til at dere ser CV-en."),
            link=reverse("portal:opening", kwargs={"opening_id": opening.pk}),
        )


# Archiving (True) and restoring (False): the action logged, the refusal when the entry is
# so already, and what the owner is told (%(opening)s is the opening's title).
ARCHIVING = {
    True: (
        "archived",
        _lazy("Kandidaten er allerede fjernet fra listen."),
        _lazy("En kandidat du følger er fjernet fra kandidatlisten til %(opening)s"),
    ),
    False: (
        "restored",
        _lazy("Kandidaten står allerede på listen."),
        _lazy("En kandidat du følger er lagt tilbake på kandidatlisten til %(opening)s"),
    ),
}


def _set_archived(
    entry: ShortlistEntry, *, archive: bool, actor: User, reason: str = ""
) -> ShortlistEntry:
    verb, already, told = ARCHIVING[archive]
    entry = lock_entry(entry)
    if not may_archive(actor, entry):
        raise PermissionDenied
    if entry.is_archived == archive:
        raise ValidationError(already)
    entry.archived_at = timezone.now() if archive else None
    entry.save(update_fields=["archived_at", "updated_at"])
    _record(entry, verb, actor=actor, reason=reason)
    notify_owner(entry, actor=actor, title=told % {"opening": entry.shortlist.opening.title})
    return entry


@transaction.atomic
def entry_archive(*, entry: ShortlistEntry, actor: User, reason: str = "") -> ShortlistEntry:
    """Remove a candidate from the list. Nothing is deleted: the removal can be undone."""
    return _set_archived(entry, archive=True, actor=actor, reason=reason.strip())


@transaction.atomic
def entry_restore(*, entry: ShortlistEntry, actor: User) -> ShortlistEntry:
    return _set_archived(entry, archive=False, actor=actor)


@transaction.atomic
def entry_hire(
    *,
    entry: ShortlistEntry,
    actor: User,
    start_date: datetime.date,
    position: str,
    contract_type: str,
    extent_percent: int,
    contract_confirmed: bool,
    measures_used: list[str],
) -> Placement:
    """Record a hire, by the contact side or by the employer from the portal. NAV's rule: only
    after the candidate was presented to the employer, and only when paid employment is
    confirmed with a contract."""
    entry = lock_entry(entry)
    _check_live(entry)
    if Step.HIRED not in steps_user_may_move(actor, entry):
        raise PermissionDenied
    if not entry.can_move_to(Step.HIRED):
        raise ValidationError(
            _(
                "Ansettelse kan bare registreres etter at kandidaten er presentert og har vært "
                "på intervju eller arbeidsutprøving."
            )
        )
    if not contract_confirmed:
        raise ValidationError(
            {"contract_confirmed": _("Bekreft at lønnet arbeid er avtalt med arbeidsavtale.")}
        )
    placement = Placement(
        entry=entry,
        candidate=entry.candidate,
        employer=entry.shortlist.opening.employer,
        start_date=start_date,
        position=position,
        contract_type=contract_type,
        extent_percent=extent_percent,
        contract_confirmed=True,
        measures_used=measures_used,
        recorded_by=actor,
    )
    placement.full_clean(exclude=["entry"])
    placement.save()
    reason = _("Starter %(date)s som %(position)s (%(contract)s, %(extent)d %%).") % {
        "date": date_format(start_date),
        "position": position,
        "contract": placement.get_contract_type_display().lower(),
        "extent": extent_percent,
    }
    record_move(entry, to_step=Step.HIRED, actor=actor, reason=reason)
    notify_contact_side_of_employer_move(entry, to_step=Step.HIRED, actor=actor)
    return placement


@transaction.atomic
def shortlist_propose(
    *, opening: JobOpening, candidate: Candidate, actor: User, motivation: str
) -> ShortlistEntry:
    """An owner proposes one of their own candidates to a shared opening; the opening's contact
    persons are told."""
    if candidate.owner_id != actor.pk:
        raise PermissionDenied
    if opening.published_at is None:
        raise ValidationError(_("Stillingen er ikke delt ennå."))
    motivation = motivation.strip()
    if not motivation:
        raise ValidationError({"motivation": _("Skriv hvorfor kandidaten passer for stillingen.")})
    entry = shortlist_add(
        opening=opening,
        candidate=candidate,
        actor=actor,
        source=ShortlistEntry.Source.PROPOSAL,
        motivation=motivation,
    )
    recipients = {opening.recorded_by}
    if opening.employer.fixed_contact_id and opening.employer.fixed_contact.is_active:
        recipients.add(opening.employer.fixed_contact)
    shortlist_link = reverse("candidates:shortlist", kwargs={"opening_id": opening.pk})
    for recipient in recipients - {actor}:
        # A fixed contact at a provider is told, but works the list through the contact person.
        managing = manages_opening(recipient, opening)
        notification_create(
            recipient=recipient,
            title=_("Ny kandidat foreslått til %(opening)s") % {"opening": opening.title},
            body=_("%(owner)s foreslår en kandidat.") % {"owner": actor},
            link=entry_link(entry) if managing else shortlist_link,
            subject=entry,
        )
    return entry


@transaction.atomic
def shortlist_close(*, opening: JobOpening, actor: User) -> Shortlist | None:
    """Close the opening's shortlist when it is filled or cancelled, and tell the owners of the
    candidates still in play that the work is done."""
    shortlist = Shortlist.objects.select_for_update().filter(opening=opening).first()
    if shortlist is None or shortlist.is_closed:
        return shortlist
    shortlist.closed_at = timezone.now()
    shortlist.save(update_fields=["closed_at"])
    in_play = (
        shortlist.entries.live()
        .exclude(step__in=[Step.HIRED, Step.NOT_HIRED, Step.NOT_RELEVANT, Step.WITHDRAWN])
        .select_related("candidate__owner")
    )
    status = JobOpening.Status(opening.status).label.lower()
    for entry in in_play:
        notify_owner(
            entry,
            actor=actor,
            title=_("Kandidatlisten for %(opening)s er lukket") % {"opening": opening.title},
            body=_("Stillingen er %(status)s. Kandidaten du følger er ikke lenger i prosess.")
            % {"status": status},
        )
    return shortlist
