"""Find and rank the candidates for a search plan, and explain each score.

Score (0–100) = points / the points the plan makes possible:
- the opening's STYRK-08 unit group wanted: 35, done (experience): 35; neither, but the same
  minor group (first three digits) wanted or done: 15;
- words of the opening's text or the typed query: 30 × the share of words found.
Filters (area, availability, innsatsgruppe, driving licence, languages, not on the shortlist,
not temporarily unavailable, active) decide who is in the result at all. Ties are broken by
PostgreSQL's ts_rank, which weighs occupations (A) over competencies (B), experience (C) and
the CV summary (D). The same rule is applied twice: in SQL to rank, in Python to explain the
rows shown (`explain`), and a test holds them to the same numbers."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Case, Count, F, FloatField, Q, QuerySet, Value, When, Window
from django.db.models.functions import Round

from ..models import Candidate, ShortlistEntry
from .criteria import Area, Plan
from .document import sections_of

OCCUPATION_WANTED = 35
OCCUPATION_DONE = 35
OCCUPATION_MINOR = 15
TEXT = 30
RESULT_LIMIT = 100
# What ranking and explaining read; the rest of a candidate's row stays on disk.
RANKED_FIELDS = (
    "search_document",
    "region_id",
    "municipality",
    "commute_km",
    "innsatsgruppe",
)


def _tsquery(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="raw", config="simple")


def _has(lexeme: str) -> Q:
    return Q(search_vector=_tsquery(f"'{lexeme}'"))


def max_points(plan: Plan) -> int:
    return (OCCUPATION_WANTED + OCCUPATION_DONE if plan.occupation_code else 0) + (
        TEXT if plan.terms else 0
    )


def matching(plan: Plan) -> QuerySet:
    """Everyone the plan finds, unordered: filters plus at least one code or word match."""
    on_shortlist = ShortlistEntry.objects.filter(shortlist__opening=plan.opening).values(
        "candidate_id"
    )
    return (
        Candidate.objects.available_on(plan.day)
        .filter(plan.area_q(), plan.filters_q(), search_vector=_tsquery(plan.search_tsquery()))
        .exclude(pk__in=on_shortlist)
    )


def ranked(plan: Plan) -> QuerySet:
    points = Value(0.0, output_field=FloatField())
    lexemes = plan.occupation_lexemes()
    if lexemes:
        wanted, done = _has(lexemes["wanted"]), _has(lexemes["done"])
        minor = _has(lexemes["minor_wanted"]) | _has(lexemes["minor_done"])
        points = (
            points
            + Case(When(wanted, then=Value(float(OCCUPATION_WANTED))), default=Value(0.0))
            + Case(When(done, then=Value(float(OCCUPATION_DONE))), default=Value(0.0))
            + Case(
                When(~wanted & ~done & minor, then=Value(float(OCCUPATION_MINOR))),
                default=Value(0.0),
            )
        )
    for term in plan.terms:
        points = points + Case(
            When(Q(search_vector=_tsquery(term.tsquery)), then=Value(TEXT / len(plan.terms))),
            default=Value(0.0),
        )
    return (
        matching(plan)
        .only(*RANKED_FIELDS)
        .annotate(
            score=Round(points * 100.0 / max_points(plan)),
            text_rank=SearchRank(F("search_vector"), _tsquery(plan.words_tsquery())),
            # Everyone found, counted in the same pass as the ranking.
            matched_count=Window(Count("*")),
        )
        .order_by("-score", "-text_rank", "pk")
    )


def best(plan: Plan) -> tuple[list[Candidate], int]:
    """The RESULT_LIMIT best candidates and how many were found in all: one query."""
    top = list(ranked(plan)[:RESULT_LIMIT])
    return top, (top[0].matched_count if top else 0)


def explain(plan: Plan, candidate: Candidate) -> dict:
    """Which requirements the candidate met and which not, as JSON for SearchResult."""
    sections = sections_of(candidate.search_document)
    points = 0.0
    occupation = None
    if plan.occupation_code:
        lexemes = plan.occupation_lexemes()
        occupation = {
            "code": plan.occupation_code,
            "name": plan.opening.occupation.name,
            "wanted": lexemes["wanted"] in sections["A"],
            "done": lexemes["done"] in sections["A"],
            "minor": bool({lexemes["minor_wanted"], lexemes["minor_done"]} & sections["A"]),
        }
        points += OCCUPATION_WANTED * occupation["wanted"] + OCCUPATION_DONE * occupation["done"]
        if occupation["minor"] and not (occupation["wanted"] or occupation["done"]):
            points += OCCUPATION_MINOR
    terms = []
    for term in plan.terms:
        found_in = [name for name, stems in sections.items() if term.matches(stems)]
        terms.append({"word": term.word, "matched": bool(found_in), "sections": found_in})
        if found_in:
            points += TEXT / len(plan.terms)
    return {
        # Half away from zero, as PostgreSQL's round() does.
        "score": int(points * 100 / max_points(plan) + 0.5),
        "occupation": occupation,
        "terms": terms,
        "area": _area_reason(plan, candidate),
        "commute_km": candidate.commute_km,
        "municipality": candidate.municipality,
        "available_by": plan.day.isoformat(),
        "driving_licences": plan.criteria.driving_licences,
        "languages": plan.criteria.languages,
        "innsatsgruppe": candidate.innsatsgruppe if plan.criteria.innsatsgrupper else "",
    }


def _area_reason(plan: Plan, candidate: Candidate) -> str:
    area = plan.criteria.area
    if area == Area.NATIONAL:
        return "national"
    if area == Area.MUNICIPALITY and plan.criteria.municipality:
        same = candidate.municipality.lower() == plan.criteria.municipality.lower()
        return "municipality" if same else "commute"
    if area == Area.REGION and plan.opening.region_id:
        return "region" if candidate.region_id == plan.opening.region_id else "commute"
    return "county"
