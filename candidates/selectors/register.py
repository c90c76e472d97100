"""Reads for the caseload (owners and administrators) and the counts (project leaders and
national readers, who see numbers, never people)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from accounts.models import County, Role, User
from agreements.models import Agreement

from ..models import AuditRecord, Candidate, Innsatsgruppe, Placement, TargetGroupReason
from .display import candidate_shown

AUDIT_LOG_SHOWN = 20


def caseload_for_list(user: User) -> QuerySet[Candidate]:
    return (
        Candidate.objects.visible_to(user)
        .select_related("owner", "county")
        .prefetch_related("occupations_wanted")
    )


def candidate_for_detail(user: User, pk: int, *, path: str) -> Candidate:
    """The candidate page's candidate, audited as a view."""
    candidates = (
        Candidate.objects.visible_to(user)
        .select_related("owner", "office", "provider", "county", "region")
        .prefetch_related("occupations_wanted", "occupations_done")
    )
    return candidate_shown(candidates, pk, user=user, path=path)


def _owned(user: User) -> QuerySet[Candidate]:
    return Candidate.objects.visible_to(user).filter(owner=user)


def owned_candidate(user: User, pk: int) -> Candidate:
    """A candidate in the user's own caseload, for an action that shows nothing of them: only
    the owner changes a candidate."""
    return get_object_or_404(_owned(user), pk=pk)


def owned_candidate_shown(user: User, pk: int, *, path: str, purpose: str = "") -> Candidate:
    """A candidate in the user's own caseload for a form that shows them, audited as a view."""
    return candidate_shown(_owned(user), pk, user=user, path=path, purpose=purpose)


def audit_log(candidate: Candidate) -> tuple[list[AuditRecord], int]:
    """Who has seen this candidate: the latest records, newest first, and how many in all."""
    records = candidate.audit_records.select_related("actor").order_by("-at", "-id")
    return list(records[:AUDIT_LOG_SHOWN]), records.count()


def _availability_counts(today: datetime.date) -> dict[str, Count]:
    unavailable = Q(unavailable_until__gte=today)
    return {
        "available_now": Count("id", filter=Q(available_from__lte=today) & ~unavailable),
        "unavailable": Count("id", filter=unavailable),
        "available_later": Count("id", filter=Q(available_from__gt=today) & ~unavailable),
    }


def _all_counts(today: datetime.date) -> dict[str, Count]:
    counts = {
        "total": Count("id"),
        "nav": Count("id", filter=Q(provider__isnull=True)),
        "provider": Count("id", filter=Q(provider__isnull=False)),
        **_availability_counts(today),
    }
    for value in Innsatsgruppe.values:
        counts[f"innsats_{value}"] = Count("id", filter=Q(innsatsgruppe=value))
    for value in TargetGroupReason.values:
        counts[f"reason_{value}"] = Count("id", filter=Q(target_group_reasons__contains=[value]))
    return counts


@dataclass
class CountsScope:
    """Whose candidates a counts reader may count, and how the area rows are grouped."""

    candidates: QuerySet[Candidate]
    group_by: str
    area_heading: str
    title: str


def counts_scope(user: User) -> CountsScope:
    """Project leaders count their county by region; national readers and administrators the
    pilot counties by county. Active candidates only: inactive ones have left the caseloads."""
    active = Candidate.objects.filter(is_active=True)
    if user.role == Role.PROJECT_LEADER:
        county = user.county
        return CountsScope(
            candidates=active.filter(county_id=user.county_id),
            group_by="region__name",
            area_heading=str(_("Region")),
            title=county.name if county else "",
        )
    pilot = County.objects.filter(is_pilot=True)
    return CountsScope(
        candidates=active.filter(county__in=pilot),
        group_by="county__name",
        area_heading=str(_("Fylke")),
        title=str(_("Pilotfylkene")),
    )


def headline_counts(user: User, today: datetime.date) -> dict[str, int]:
    """The totals a project leader or national reader sees on the home page (two queries)."""
    scope = counts_scope(user)
    counts = scope.candidates.aggregate(
        total=Count("id"),
        nav=Count("id", filter=Q(provider__isnull=True)),
        provider=Count("id", filter=Q(provider__isnull=False)),
        **_availability_counts(today),
    )
    return counts | hire_counts(user, today)


def hire_counts(user: User, today: datetime.date) -> dict[str, int]:
    """Hires this year at employers in the reader's county (national readers: the pilot
    counties), and how many of them started after the employer had signed an agreement: the
    evaluation compares hires before and after signing. One query."""
    placements = Placement.objects.filter(start_date__year=today.year)
    if user.role == Role.PROJECT_LEADER:
        placements = placements.filter(employer__county_id=user.county_id)
    else:
        placements = placements.filter(employer__county__is_pilot=True)
    signed_before_start = Agreement.objects.filter(
        employer_id=OuterRef("employer_id"), signed_on__lte=OuterRef("start_date")
    )
    return placements.annotate(after_signing=Exists(signed_before_start)).aggregate(
        hires_this_year=Count("id"),
        hires_after_signing=Count("id", filter=Q(after_signing=True)),
    )


@dataclass
class CountsTable:
    caption: str
    columns: list[str]
    rows: list[tuple[str, list[int]]]
    total: list[int]


DIMENSIONS = [
    (_("Hvem følger opp"), [("nav", _("NAV")), ("provider", _("Tiltaksleverandør"))]),
    (_("Innsatsgruppe"), [(f"innsats_{v}", label) for v, label in Innsatsgruppe.choices]),
    (
        _("Hvorfor i målgruppen (en kandidat kan ha flere grunner)"),
        [(f"reason_{v}", label) for v, label in TargetGroupReason.choices],
    ),
    (
        _("Tilgjengelighet"),
        [
            ("available_now", _("Tilgjengelig nå")),
            ("unavailable", _("Midlertidig utilgjengelig")),
            ("available_later", _("Tilgjengelig senere")),
        ],
    ),
]


def candidate_counts(user: User, today: datetime.date) -> tuple[CountsScope, list[CountsTable]]:
    """Counts per area and dimension: one grouped query for the rows, one for the totals."""
    scope = counts_scope(user)
    counts = _all_counts(today)
    per_area = list(
        scope.candidates.values(scope.group_by).annotate(**counts).order_by(scope.group_by)
    )
    totals = scope.candidates.aggregate(**counts)
    no_area = str(_("Uten region"))
    tables = []
    for caption, columns in DIMENSIONS:
        keys = [key for key, _label in columns] + ["total"]
        tables.append(
            CountsTable(
                caption=str(caption),
                columns=[str(label) for _key, label in columns] + [str(_("Kandidater i alt"))],
                rows=[
                    (row[scope.group_by] or no_area, [row[key] for key in keys]) for row in per_area
                ],
                total=[totals[key] for key in keys],
            )
        )
    return scope, tables


def caseload_summary(user: User, today: datetime.date, soon: datetime.date) -> dict[str, int]:
    """An owner's caseload at a glance (one query), with how many return from a pause before
    `soon`. Counts only: the home page shows no one's personal data."""
    mine = Candidate.objects.visible_to(user).filter(owner=user, is_active=True)
    return mine.aggregate(
        total=Count("id"),
        returning=Count("id", filter=Q(unavailable_until__gte=today, unavailable_until__lt=soon)),
        **_availability_counts(today),
    )
