"""Every dashboard figure, computed with database aggregation (GROUP BY, conditional counts),
but for the hires, which are few: one row each with its facts, counted here (`_hire_rows`).

`figures(scope)` returns the JSON shape of `manage.py dashboard_figures` (documented in
docs/dashboards.md); the page and the downloads are rendered from the same dictionary.
Each section is a handful of grouped queries whatever the amount of data."""

from datetime import date, timedelta
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import (
    Aggregate,
    BooleanField,
    Case,
    CharField,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Collate, ExtractQuarter, ExtractYear, NullIf
from django.db.models.lookups import Exact
from django.utils import timezone

from accounts.models import County, User
from agreements.models import Agreement, FollowUpMeeting
from candidates.models import (
    EMPLOYER_VISIBLE_STEPS,
    ConsentRequest,
    Innsatsgruppe,
    Placement,
    ShortlistEntry,
)
from candidates.models.shortlist import Step
from competence_paths.models import CompetencePath, Participant, PathStatus
from core.models import ActivityEntry
from employers.models import Employer, JobOpening

from .filters import Scope

SIGNED = Q(signed_on__isnull=False)
AGE_BANDS = ("18-24", "25-29", "30-49", "50+")
TABLE_COLUMNS = ("All", *AGE_BANDS)
# The evaluation's Table 7-1 groups; the candidate register's finer values map onto them.
EDUCATION_GROUPS = {
    "primary": ["primary", "upper_secondary_partial"],
    "upper_secondary": ["upper_secondary", "trade_certificate"],
    "higher": ["vocational_college", "higher_short", "higher_long"],
    "unknown": ["unknown"],
}
BIRTH_REGION_GROUPS = {
    "norway": ["norway"],
    "western_europe": ["eu_eea"],
    "eastern_europe": [],  # the register's groups do not separate Eastern Europe
    "non_western": ["africa_asia_other"],
}
INNSATSGRUPPE_GROUPS = {
    "standard": ["standard"],
    "situation_dependent": ["situation"],
    "specially_adapted": ["special"],
    # Permanently adapted counts as "other", as in the evaluation.
    "other": ["permanent", ""],
}


# The evaluation's region where one is recorded (the pilot's sheets, or the adviser on the
# register form); otherwise derived from the register's group, which has no Eastern Europe.
BIRTH_REGION = Coalesce(
    NullIf(F("candidate__birth_region"), Value("")),
    Case(
        *(
            When(candidate__birth_country_group__in=values, then=Value(key))
            for key, values in BIRTH_REGION_GROUPS.items()
            if values
        ),
        output_field=CharField(),
    ),
)


IMMIGRANT = Q(candidate__is_immigrant=True) | (
    Q(candidate__is_immigrant__isnull=True) & ~Q(candidate__birth_country_group="norway")
)
TABLE_ROWS = (
    ("female_pct", Q(candidate__gender="female")),
    ("immigrant_pct", IMMIGRANT),
    *(
        (f"education:{key}_pct", Q(candidate__education__in=values))
        for key, values in EDUCATION_GROUPS.items()
    ),
    *((f"birth_region:{key}_pct", Exact(BIRTH_REGION, Value(key))) for key in BIRTH_REGION_GROUPS),
    *(
        (f"innsatsgruppe:{key}_pct", Q(candidate__innsatsgruppe__in=values))
        for key, values in INNSATSGRUPPE_GROUPS.items()
    ),
)
ROW_KEYS = tuple(key for key, _ in TABLE_ROWS)
PRESENTED_OR_LATER = EMPLOYER_VISIBLE_STEPS


class Median(Aggregate):
    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


class DaysBetween(Func):
    """Whole days from the second date to the first (PostgreSQL date subtraction)."""

    arg_joiner = " - "
    template = "(%(expressions)s)"
    output_field = IntegerField()


class AgeOn(Func):
    """Whole years between a birth date and a day (PostgreSQL age())."""

    template = "EXTRACT(YEAR FROM AGE(%(expressions)s))::integer"
    output_field = IntegerField()


def _quarter_label(year: int, quarter: int) -> str:
    return f"{year}Q{quarter}"


# The signed agreements' figures in one pass: each GROUPING SETS set is one figure (Django has
# no grouping sets, so the grouped query wraps the ORM's own SQL for the rows).
SIGNED_SETS = """
SELECT GROUPING(county_name), GROUPING(y, q), GROUPING(industry), GROUPING(sector),
       county_name, y, q, industry, sector,
       COUNT(*) FILTER (WHERE in_period),
       COUNT(DISTINCT employer_id) FILTER (WHERE in_period),
       COUNT(DISTINCT employer_id) FILTER (WHERE in_period AND sector = 'public'),
       COUNT(DISTINCT fixed_contact_id) FILTER (WHERE open),
       COUNT(*) FILTER (WHERE open)
FROM ({rows}) AS signed
GROUP BY GROUPING SETS ((), (county_name), (y, q), (industry), (sector))
ORDER BY county_name, y, q, industry, sector
"""


def _signed_sets(base, scope: Scope) -> list[tuple]:
    period = scope.in_period("signed_on")
    rows = (
        base.filter(SIGNED)
        .annotate(
            in_period=ExpressionWrapper(Q(**period), output_field=BooleanField())
            if period
            else Value(True),
            open=ExpressionWrapper(~Q(status="ended"), output_field=BooleanField()),
            y=ExtractYear("signed_on"),
            q=ExtractQuarter("signed_on"),
            industry=F("employer__industry__code"),
            sector=F("employer__sector"),
            county_name=F("county__name"),
        )
        .values_list(
            "employer_id",
            "fixed_contact_id",
            "in_period",
            "open",
            "y",
            "q",
            "industry",
            "sector",
            "county_name",
        )
        .order_by()
    )
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(SIGNED_SETS.format(rows=sql), params)
        return cursor.fetchall()


def agreement_figures(scope: Scope) -> dict:
    base = Agreement.objects.filter(**scope.where(county="county_id", sector="employer__sector"))
    totals, per_county, per_quarter, per_industry, per_sector, capacity = {}, {}, {}, {}, {}, {}
    for grouped in _signed_sets(base, scope):
        (
            not_county,
            not_quarter,
            not_industry,
            not_sector,
            county,
            year,
            quarter,
            industry,
            sector,
            signed,
            employers,
            public,
            contacts,
            active,
        ) = grouped
        if not_county and not_quarter and not_industry and not_sector:
            totals = {"signed": signed, "employers": employers, "public": public}
        elif not not_county:
            if signed:
                per_county[county] = signed
            if active:
                capacity[county] = {
                    "contact_persons": contacts,
                    "agreements": active,
                    "agreements_per_contact": round(active / contacts, 1) if contacts else 0,
                }
        elif signed and not not_quarter:
            per_quarter[_quarter_label(int(year), int(quarter))] = signed
        elif employers and not not_industry:
            per_industry[industry or "?"] = employers
        elif signed and not not_sector:
            per_sector[sector] = signed
    in_dialogue = dict(
        base.filter(status="in_dialogue")
        .exclude(employer__agreements__signed_on__isnull=False)
        .values_list("county__name")
        .annotate(n=Count("employer_id", distinct=True))
        .order_by("county__name")
    )
    ended = dict(
        base.filter(status="ended", **scope.in_period("end_date"))
        .values_list("end_reason")
        .annotate(n=Count("id"))
        .order_by("end_reason")
    )
    return {
        **totals,
        "per_county": per_county,
        "per_quarter": per_quarter,
        "employers_per_industry": per_industry,
        "per_sector": per_sector,
        "employers_in_dialogue": in_dialogue,
        "ended_by_reason": ended,
        "capacity_per_county": capacity,
    }


def _hires(scope: Scope):
    return Placement.objects.filter(
        **scope.where(county="employer__county_id", sector="employer__sector"),
        **scope.in_period("start_date"),
    ).annotate(first_signing=F("employer__first_signing__signed_on"))


# "Two years before" is counted in calendar years: on or after the signing date minus two years.
BEFORE_2Y = Q(start_date__lt=F("first_signing")) & Q(
    start_date__gte=Func(
        F("first_signing"),
        Value("2 years"),
        template="(%(expressions)s::interval)::date",
        arg_joiner=" - ",
        output_field=DateField(),
    )
)
AFTER = Q(start_date__gte=F("first_signing"))


# What each hire row says, evaluated in the database: the populations of Table 7-1 and the
# hire counts, then the table's rows (TABLE_ROWS).
POPULATION_FACTS = {
    "before_signing_2y": BEFORE_2Y,
    "after_signing": AFTER,
    "before_signing": Q(start_date__lt=F("first_signing")),
    "without_signing": Q(first_signing__isnull=True),
}
HIRE_FACTS = {**POPULATION_FACTS, **dict(TABLE_ROWS)}
POPULATIONS = ("before_signing_2y", "after_signing", "all")


class HireRow(NamedTuple):
    candidate: int
    employer: int
    band: str
    populations: frozenset[str]  # the POPULATION_FACTS that hold, and "all"
    traits: tuple[str, ...]  # the TABLE_ROWS keys that hold


def _holding(keys, values) -> frozenset[str]:
    return frozenset(key for key, value in zip(keys, values, strict=True) if value)


def _hire_rows(scope: Scope) -> list[HireRow]:
    """One row per hire in the scope: candidate, employer, age band and the facts that hold.
    Table 7-1 counts distinct people per cell: as 45 COUNT(DISTINCT) aggregates the database
    sorted the hires 90 times, so the rows are counted here (hires are the fewest rows the
    dashboard reads: 1,442 nationwide in the bench data)."""
    facts = {
        f"fact_{i}": ExpressionWrapper(condition, output_field=BooleanField())
        for i, condition in enumerate(HIRE_FACTS.values())
    }
    rows = (
        _hires(scope)
        .annotate(age=AgeOn(F("start_date"), F("candidate__birth_date")))
        .annotate(
            band=Case(
                When(age__lt=25, then=Value("18-24")),
                When(age__lt=30, then=Value("25-29")),
                When(age__lt=50, then=Value("30-49")),
                default=Value("50+"),
            ),
            **facts,
        )
        .values_list("candidate_id", "employer_id", "band", *facts)
        .order_by()
    )
    held = len(POPULATION_FACTS)
    return [
        HireRow(
            candidate,
            employer,
            band,
            _holding(POPULATION_FACTS, values[:held]) | {"all"},
            tuple(_holding(ROW_KEYS, values[held:])),
        )
        for candidate, employer, band, *values in rows
    ]


def _table(rows: list[HireRow], population: str) -> dict:
    """Table 7-1 for one population: per age band the candidates and each row in percent.
    One pass over the rows, collecting each cell's distinct candidates."""
    people = {column: set() for column in TABLE_COLUMNS}
    cells = {column: {key: set() for key in ROW_KEYS} for column in TABLE_COLUMNS}
    for row in rows:
        if population not in row.populations:
            continue
        for column in ("All", row.band):
            people[column].add(row.candidate)
            for key in row.traits:
                cells[column][key].add(row.candidate)
    table = {}
    for column in TABLE_COLUMNS:
        n = len(people[column])
        counts = {key: len(cells[column][key]) for key in ROW_KEYS}
        table[column] = {"n": n} | {
            key: round(100 * count / n) if n else 0 for key, count in counts.items()
        }
        table[column]["counts"] = counts
    return table


def hire_figures(scope: Scope) -> tuple[dict, dict]:
    """The hire counts, and Table 7-1 for each population (a candidate hired twice at
    different ages is one person in "All")."""
    rows = _hire_rows(scope)

    def hires(population: str) -> int:
        return sum(population in row.populations for row in rows)

    counts = {
        "all": len(rows),
        "before_first_signing_2y": hires("before_signing_2y"),
        "before_first_signing": hires("before_signing"),
        "after_first_signing": hires("after_signing"),
        "employers_hiring_after_signing": len(
            {row.employer for row in rows if "after_signing" in row.populations}
        ),
        "at_employers_without_signing": hires("without_signing"),
    }
    return counts, {population: _table(rows, population) for population in POPULATIONS}


def time_to_hire(scope: Scope) -> dict:
    """Per employer with a signed agreement: days from the first signing to the first hire on
    or after it; the median over employers, and hires after signing per signed agreement."""
    first_hire = (
        Placement.objects.filter(employer_id=OuterRef("pk"), start_date__gte=OuterRef("first"))
        .order_by("start_date")
        .values("start_date")[:1]
    )
    median = (
        Employer.objects.filter(**scope.where(county="county_id", sector="sector"))
        .annotate(first=F("first_signing__signed_on"))
        .filter(first__isnull=False, **scope.in_period("first"))
        .annotate(first_hire=Subquery(first_hire, output_field=DateField()))
        .aggregate(median=Median(DaysBetween(F("first_hire"), F("first"))))["median"]
    )
    return {"median_days_agreement_to_first_hire": median}


def _summed(rows) -> dict:
    """{key: {"planned": p, "held": h}} summed over rows of (key, p, h)."""
    summed: dict = {}
    for key, planned, held in rows:
        row = summed.setdefault(key, {"planned": 0, "held": 0})
        row["planned"] += planned
        row["held"] += held
    return summed


def _by_last_name(name: tuple[str | None, str | None]) -> tuple:
    """As PostgreSQL orders last name, then first name: NULL after every name."""
    first, last = name
    return (last is None, last or "", first is None, first or "")


def follow_up_figures(scope: Scope) -> dict:
    meetings = FollowUpMeeting.objects.filter(
        **scope.where(county="agreement__county_id", sector="agreement__employer__sector")
    )
    planned = Q(**scope.in_period("planned_date"))
    held = Q(held_on__isnull=False, **scope.in_period("held_on"))
    # One pass over the meetings, grouped by ids; names are looked up afterwards.
    rows = list(
        meetings.values_list("agreement__county_id", "agreement__fixed_contact_id")
        .annotate(p=Count("id", filter=planned), h=Count("id", filter=held))
        .order_by()
    )
    counties = dict(County.objects.values_list("pk", "name"))
    names = {
        pk: (first, last)
        for pk, first, last in User.objects.filter(pk__in={c for _, c, _, _ in rows}).values_list(
            "pk", "first_name", "last_name"
        )
    }
    per_county = _summed((counties[county], p, h) for county, _, p, h in rows)
    # A contact person is named, so two with the same name share a row; none sorts last.
    per_contact = _summed((names.get(contact, (None, None)), p, h) for _, contact, p, h in rows)
    per_contact = {
        f"{first} {last}".strip(): per_contact[first, last]
        for first, last in sorted(per_contact, key=_by_last_name)
    }
    per_county = {county: per_county[county] for county in sorted(per_county)}
    totals = {
        "planned": sum(row[2] for row in rows),
        "held": sum(row[3] for row in rows),
    }
    six_months_ago = timezone.localdate() - timedelta(days=183)
    # Signed at least six months ago: a new agreement has had no time to hold its meeting.
    lapsed = (
        Agreement.objects.filter(
            status="active",
            signed_on__lte=six_months_ago,
            **scope.where(county="county_id", sector="employer__sector"),
        )
        .exclude(meetings__held_on__gte=six_months_ago)
        .count()
    )
    return {
        **totals,
        "per_county": per_county,
        "per_contact": per_contact,
        "active_without_meeting_6m": lapsed,
    }


STEP_ACTIONS = ("candidates.entry.added", "candidates.entry.moved")
INTERVIEW_STEPS = (Step.INTERVIEW_WANTED, Step.INTERVIEW_HELD)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _latest_steps(scope: Scope) -> tuple[dict[str, int], dict[str, tuple[int, int]]]:
    """Shortlist entries by the step of their latest move in the period (the activity log's
    `candidates.entry.added`/`moved` rows), {step: entries}, and for the steps from presented
    on, {step: (under 30 on the period's last day, today if it has not ended; not standard
    innsatsgruppe)}. An entry with no move in the period is not counted.

    `core.transitions.transition` saves a new step and its log row in one transaction, so the
    latest move of all is the entry's current step: for a period that has not ended, the log
    only decides which entries moved in it. For a period in the past, a subquery per entry
    that moved in it reads the step of its latest move there."""
    today = timezone.localdate()
    last_day = min(scope.end or today, today)
    moves = ActivityEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ShortlistEntry),
        action__in=STEP_ACTIONS,
        **scope.in_period_at("at"),
    )
    entries = ShortlistEntry.objects.filter(
        **scope.where(
            county="shortlist__opening__employer__county_id",
            sector="shortlist__opening__employer__sector",
        ),
    )
    if scope.start or last_day < today:
        entries = entries.filter(pk__in=moves.values("object_id"))
    if last_day < today:
        latest = moves.filter(object_id=OuterRef("pk")).order_by("-at", "-id").values("to_state")
        entries = entries.annotate(latest=Subquery(latest[:1], output_field=CharField()))
    else:
        entries = entries.annotate(latest=F("step"))
    steps = dict(entries.values_list("latest").annotate(n=Count("id")).order_by())
    # Only presented and hired are split by the candidate's age and innsatsgruppe: read the
    # candidates of those entries only.
    young = Q(candidate__birth_date__gt=_years_before(last_day, 30))
    split = (
        entries.filter(latest__in=PRESENTED_OR_LATER)
        .values_list("latest")
        .annotate(
            young=Count("id", filter=young),
            priority=Count("id", filter=~Q(candidate__innsatsgruppe=Innsatsgruppe.STANDARD)),
        )
        .order_by()
    )
    return steps, {step: (y, p) for step, y, p in split}


def funnel_figures(scope: Scope) -> dict:
    """Proposals are the entries added in the period. The steps count each shortlist entry
    once, at its latest step in the period (NAV's recruitment statistics); a hire is also
    presented. Under 30 is the age on the period's last day (today if it has not ended)."""
    entries = ShortlistEntry.objects.filter(
        **scope.where(
            county="shortlist__opening__employer__county_id",
            sector="shortlist__opening__employer__sector",
        ),
        **scope.in_period_at("created_at"),
    )
    counts = entries.aggregate(
        proposals=Count("id"),
        proposed_by_adviser=Count("id", filter=Q(source="proposal", added_by__role="adviser")),
        proposed_by_provider=Count(
            "id", filter=Q(source="proposal", added_by__role="provider_staff")
        ),
        own_search=Count("id", filter=Q(source="search")),
    )
    steps, split = _latest_steps(scope)

    def total(chosen, column=None) -> int:
        if column is None:
            return sum(steps.get(step, 0) for step in chosen)
        return sum(split.get(step, (0, 0))[column] for step in chosen)

    by_step = {step.value: steps.get(step, 0) for step in Step}
    consents = ConsentRequest.objects.filter(
        **scope.where(
            county="entry__shortlist__opening__employer__county_id",
            sector="entry__shortlist__opening__employer__sector",
        ),
        **scope.in_period_at("requested_at"),
    ).aggregate(
        consent_asked=Count("id"),
        consent_given=Count("id", filter=Q(status="given")),
        consent_declined=Count("id", filter=Q(status="declined")),
        consent_expired=Count("id", filter=Q(status="expired")),
    )
    openings = JobOpening.objects.filter(
        **scope.where(county="employer__county_id", sector="employer__sector"),
        **scope.in_period_at("created_at"),
    ).count()
    return {
        "openings": openings,
        **counts,
        **consents,
        "presented": total(PRESENTED_OR_LATER),
        "presented_under_30": total(PRESENTED_OR_LATER, 0),
        "presented_not_standard": total(PRESENTED_OR_LATER, 1),
        "interview": total(INTERVIEW_STEPS),
        "work_trial": total([Step.WORK_TRIAL]),
        "hired": total([Step.HIRED]),
        "hired_under_30": total([Step.HIRED], 0),
        "hired_not_standard": total([Step.HIRED], 1),
        "latest_step": by_step,
    }


def provider_figures(scope: Scope) -> dict:
    """Proposals by provider staff and the hires that came from them, per provider."""
    entries = ShortlistEntry.objects.filter(
        added_by__provider__isnull=False,
        **scope.where(
            county="shortlist__opening__employer__county_id",
            sector="shortlist__opening__employer__sector",
        ),
        **scope.in_period_at("created_at"),
    )
    # Grouped and ordered by the names in the database (codepoint order, as Python sorts).
    county, provider = (
        Collate(name, "C")
        for name in ("shortlist__opening__employer__county__name", "added_by__provider__name")
    )
    rows = (
        entries.values_list(county, provider)
        .annotate(p=Count("id"), h=Count("id", filter=Q(step=Step.HIRED)))
        .order_by(county, provider)
    )
    per_county: dict = {}
    for county_name, name, proposals, hires in rows:
        per_county.setdefault(county_name, {})[name] = {"proposals": proposals, "hires": hires}
    return per_county


PATH_STARTED = Q(status__in=[PathStatus.RUNNING, PathStatus.COMPLETED])
TOOK_PART = [
    Participant.Status.TAKING_PART,
    Participant.Status.COMPLETED,
    Participant.Status.DROPPED_OUT,
]


def paths_figures(scope: Scope) -> dict:
    """Competence-raising paths whose start day is in the period: started (running or completed
    now), still running, completed, cancelled before the end; their participants who took part,
    how many were hired, and the median length in days from the start to the last stage's end."""
    paths = CompetencePath.objects.filter(
        status__in=[PathStatus.RUNNING, PathStatus.COMPLETED, PathStatus.CANCELLED],
        **scope.where(county="county_id", sector="employer__sector"),
        **scope.in_period("planned_start"),
    )
    days = DaysBetween(F("ends_on"), F("planned_start")) + 1
    aggregates = {
        "started": Count("id", filter=PATH_STARTED),
        "running": Count("id", filter=Q(status=PathStatus.RUNNING)),
        "completed": Count("id", filter=Q(status=PathStatus.COMPLETED)),
        "cancelled": Count("id", filter=Q(status=PathStatus.CANCELLED)),
        "median_days": Median(days, filter=PATH_STARTED),
    }
    participants = {
        county: {"participants": n, "hired": hired}
        for county, n, hired in Participant.objects.filter(
            path__in=paths.filter(PATH_STARTED), status__in=TOOK_PART
        )
        .values_list("path__county__name")
        .annotate(n=Count("id"), h=Count("id", filter=Q(outcome="hired")))
        .order_by("path__county__name")
    }
    none = {"participants": 0, "hired": 0}
    per_county = {}
    for row in paths.values("county__name").annotate(**aggregates).order_by("county__name"):
        county = row.pop("county__name")
        per_county[county] = row | participants.get(county, none)
    totals = paths.aggregate(**aggregates)
    totals["participants"] = sum(c["participants"] for c in participants.values())
    totals["hired"] = sum(c["hired"] for c in participants.values())
    return totals | {"per_county": per_county}


def figures(scope: Scope) -> dict:
    # PostgreSQL compiles queries estimated above jit_above_cost; these aggregates run in tens
    # of milliseconds but their correlated subqueries push the estimate up, and compiling took
    # 300-700 ms per query on the national data.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        return _figures(scope)


def _figures(scope: Scope) -> dict:
    hires, table = hire_figures(scope)
    agreements = agreement_figures(scope)
    agreements |= time_to_hire(scope)
    agreements["hires_per_agreement"] = (
        round(hires["after_first_signing"] / agreements["signed"], 2) if agreements["signed"] else 0
    )
    return {
        "agreements": agreements,
        "hires": hires,
        "providers": provider_figures(scope),
        "table_7_1": table,
        "follow_up": follow_up_figures(scope),
        "funnel": funnel_figures(scope),
        "paths": paths_figures(scope),
    }
