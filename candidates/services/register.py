"""The owner's writes on their caseload: register, edit, mark unavailable, deactivate."""

import csv
import datetime
import io
from collections.abc import Iterable

from dateutil.relativedelta import relativedelta
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from core.exports import spreadsheet_row
from core.versioning import check_version

from ..models import AuditRecord, Candidate
from .audit import audit_candidate_reads

# Registering a number someone else follows tells the user that the person is in the target
# group, so such attempts are audited on that candidate and limited per user (issue 15).
FNR_ATTEMPT_LIMIT = 5
FNR_ATTEMPT_WINDOW_SECONDS = 60 * 60

# Fields the owner edits directly; fnr, owner and organisation are set by the services.
PROFILE_FIELDS = [
    "first_name",
    "last_name",
    "gender",
    "email",
    "phone",
    "municipality",
    "county",
    "region",
    "commute_km",
    "innsatsgruppe",
    "target_group_reasons",
    "education",
    "birth_country_group",
    "birth_region",
    "competencies",
    "certificates",
    "work_experience",
    "languages",
    "driving_licences",
    "available_from",
    "cv_summary",
    "adaptation_needs",
]
OCCUPATION_FIELDS = ["occupations_wanted", "occupations_done"]


class DuplicateFnr(Exception):
    """Someone registered the same identity number at the same moment."""


def latest_unavailable_until(today: datetime.date) -> datetime.date:
    """A candidate may be marked unavailable for at most one month (issue 5)."""
    return today + relativedelta(months=1)


def check_unavailable_until(until: datetime.date, today: datetime.date) -> None:
    if until < today:
        raise ValidationError(_("Sluttdatoen kan ikke være tilbake i tid."), code="past")
    latest = latest_unavailable_until(today)
    if until > latest:
        raise ValidationError(
            _("En kandidat kan være utilgjengelig i høyst én måned, til og med %(date)s.")
            % {"date": date_format(latest)},
            code="too_long",
        )


def _save_with_unique_fnr(candidate: Candidate, **save_options) -> None:
    try:
        with transaction.atomic():
            candidate.save(**save_options)
    except IntegrityError as error:
        raise DuplicateFnr from error


def _save_occupations(candidate: Candidate, data: dict) -> None:
    for name in OCCUPATION_FIELDS:
        if name in data:
            getattr(candidate, name).set(data[name])


@transaction.atomic
def candidate_create(*, actor: User, fnr: str, data: dict) -> Candidate:
    """Register a candidate in the actor's caseload, at the actor's office or provider."""
    candidate = Candidate(
        owner=actor,
        office_id=actor.office_id,
        provider_id=actor.provider_id,
        fnr=fnr,
        **{name: data[name] for name in PROFILE_FIELDS},
    )
    _save_with_unique_fnr(candidate)
    _save_occupations(candidate, data)
    return candidate


@transaction.atomic
def candidate_update(
    *, candidate: Candidate, actor: User, fnr: str, data: dict, version: str = ""
) -> Candidate:
    """Save the profile. `version` is the `updated_at` (ISO format) the edit started from; if
    the row changed since, nothing is saved, so no change is silently overwritten. Only the
    profile's columns are written: a pause or deactivation made meanwhile stays."""
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    check_version(candidate, version)
    candidate.fnr = fnr
    for name in PROFILE_FIELDS:
        setattr(candidate, name, data[name])
    _save_with_unique_fnr(
        candidate, update_fields=["fnr", "birth_date", *PROFILE_FIELDS, "updated_at"]
    )
    _save_occupations(candidate, data)
    return candidate


@transaction.atomic
def candidate_mark_unavailable(
    *, candidate: Candidate, actor: User, until: datetime.date, reason: str = ""
) -> Candidate:
    check_unavailable_until(until, timezone.localdate())
    candidate.unavailable_until = until
    candidate.unavailable_reason = reason
    candidate.save(update_fields=["unavailable_until", "unavailable_reason", "updated_at"])
    return candidate


@transaction.atomic
def candidate_clear_unavailable(*, candidate: Candidate, actor: User) -> Candidate:
    candidate.unavailable_until = None
    candidate.unavailable_reason = ""
    candidate.save(update_fields=["unavailable_until", "unavailable_reason", "updated_at"])
    return candidate


@transaction.atomic
def candidate_set_active(*, candidate: Candidate, actor: User, active: bool) -> Candidate:
    """Deactivate (the person left the caseload) or take them back. Inactive candidates are
    kept, with their history, but drop out of searches and counts."""
    candidate.is_active = active
    candidate.save(update_fields=["is_active", "updated_at"])
    return candidate


def _joined(items: Iterable) -> str:
    return ", ".join(str(item) for item in items)


def _iso(day: datetime.date | None) -> str:
    return day.isoformat() if day else ""


EXPORT_COLUMNS = [
    (gettext_lazy("Fornavn"), lambda c: c.first_name),
    (gettext_lazy("Etternavn"), lambda c: c.last_name),
    (gettext_lazy("Kjønn"), lambda c: c.get_gender_display()),
    (gettext_lazy("Fødselsår"), lambda c: c.birth_date.year),
    (gettext_lazy("Kommune"), lambda c: c.municipality),
    (gettext_lazy("Fylke"), lambda c: c.county.name),
    (gettext_lazy("Innsatsgruppe"), lambda c: c.get_innsatsgruppe_display()),
    (gettext_lazy("Hvorfor i målgruppen"), lambda c: _joined(c.target_group_reason_labels)),
    (gettext_lazy("Utdanning"), lambda c: c.get_education_display()),
    (gettext_lazy("Ønskede yrker"), lambda c: _joined(c.occupations_wanted.all())),
    (gettext_lazy("Yrker med erfaring"), lambda c: _joined(c.occupations_done.all())),
    (gettext_lazy("Tilgjengelig fra"), lambda c: c.available_from.isoformat()),
    (gettext_lazy("Utilgjengelig til"), lambda c: _iso(c.unavailable_until)),
    (gettext_lazy("Aktiv"), lambda c: _("ja") if c.is_active else _("nei")),
    (gettext_lazy("E-post"), lambda c: c.email),
    (gettext_lazy("Telefon"), lambda c: c.phone),
]


@transaction.atomic
def caseload_export(*, actor: User, candidates: Iterable[Candidate], path: str = "") -> str:
    """The caseload as CSV for a spreadsheet (semicolon-separated, as Norwegian Excel
    expects), without identity numbers or adaptation needs; one audit record per candidate."""
    candidates = list(candidates)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([str(label) for label, _value in EXPORT_COLUMNS])
    for candidate in candidates:
        writer.writerow(spreadsheet_row(value(candidate) for _label, value in EXPORT_COLUMNS))
    audit_candidate_reads(
        actor=actor,
        candidates=candidates,
        action=AuditRecord.Action.EXPORT,
        purpose=_("Eksport av egen portefølje"),
        path=path,
    )
    return buffer.getvalue()


def _fnr_attempts_key(user: User) -> str:
    return f"candidates:fnr-attempts:{user.pk}"


def fnr_attempts_exhausted(user: User) -> bool:
    """The project's cache is the database (settings.CACHES), so the limit holds without
    Redis and across workers."""
    return cache.get(_fnr_attempts_key(user), 0) >= FNR_ATTEMPT_LIMIT


def fnr_attempt_record(*, actor: User, candidate: Candidate, path: str = "") -> None:
    """An attempt to register a number another owner follows: counted towards the limit, and
    written to that candidate's access log, which the owner and administrators read."""
    key = _fnr_attempts_key(actor)
    cache.add(key, 0, timeout=FNR_ATTEMPT_WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=FNR_ATTEMPT_WINDOW_SECONDS)
    audit_candidate_reads(
        actor=actor,
        candidates=[candidate],
        action=AuditRecord.Action.FNR_ATTEMPT,
        purpose=_("Forsøk på å registrere en kandidat med dette fødselsnummeret"),
        path=path,
    )
