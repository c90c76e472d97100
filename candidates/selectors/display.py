"""Candidates loaded for display: every selector here writes the audit record as it loads, so
a page cannot show a candidate's name without logging who saw it, where and why.

Load a candidate (or an entry) for a page through these, never through the model manager;
`tests/test_audit_walk.py` opens every page as every role and fails on a name shown unlogged.
"""

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from accounts.models import Role, User

from ..models import AuditRecord, Candidate, ShortlistEntry
from ..services.audit import audit_candidate_reads

Row = TypeVar("Row")


def shown(
    rows: Iterable[Row],
    *,
    actor: User | None,
    path: str,
    purpose: str,
    action: str = AuditRecord.Action.VIEW,
    candidate_of: Callable[[Row], Candidate] = lambda row: row,
) -> list[Row]:
    """The rows as a list, after one audit record per candidate among them."""
    rows = list(rows)
    audit_candidate_reads(
        actor=actor,
        candidates=[candidate_of(row) for row in rows],
        action=action,
        purpose=purpose,
        path=path,
    )
    return rows


def shown_page(
    rows: QuerySet,
    number: str | None,
    *,
    per_page: int,
    actor: User,
    path: str,
    purpose: str,
    action: str = AuditRecord.Action.LIST,
    candidate_of: Callable = lambda row: row,
) -> Page:
    """One page of a list of candidates (or rows that hold one), its candidates audited."""
    page = Paginator(rows, per_page).get_page(number)
    page.object_list = shown(
        page.object_list,
        actor=actor,
        path=path,
        purpose=purpose,
        action=action,
        candidate_of=candidate_of,
    )
    return page


def caseload_purpose(user: User) -> str:
    if user.role == Role.ADMIN:
        return _("Administrasjon av kandidatregisteret")
    return _("Oppfølging av egen portefølje")


def candidate_shown(
    candidates: QuerySet[Candidate], pk: int, *, user: User, path: str, purpose: str = ""
) -> Candidate:
    """One candidate of `candidates` (already scoped to the user), or 404; audited as a view."""
    candidate = get_object_or_404(candidates, pk=pk)
    shown([candidate], actor=user, path=path, purpose=purpose or caseload_purpose(user))
    return candidate


def shortlist_purpose(entry: ShortlistEntry) -> str:
    return _("Kandidatliste for %(opening)s") % {"opening": entry.shortlist.opening.title}


def entry_shown(
    entries: QuerySet[ShortlistEntry], entry_id: int, *, user: User, path: str, purpose: str = ""
) -> ShortlistEntry:
    """One shortlist entry of `entries` (already scoped to the user), or 404; its candidate
    audited as a view for the opening's shortlist."""
    entry = get_object_or_404(entries, pk=entry_id)
    shown([entry.candidate], actor=user, path=path, purpose=purpose or shortlist_purpose(entry))
    return entry
