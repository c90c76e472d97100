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

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorExact
from django.db import connection, transaction
from django.db.models import Case, F, FloatField, QuerySet, Value, When
from django.db.models.functions import Round

from ..models import Candidate, ShortlistEntry
from ..models.search import MATCHED_COUNT_LIMIT
from .criteria import Area, Plan
from .document import sections_of
from .levels import (
    OCCUPATION_DONE,
    OCCUPATION_MINOR,
    OCCUPATION_WANTED,
    TEXT,
    Level,
    levels,
    max_points,
    score_of,
)

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


def _matches(tsquery: str) -> SearchVectorExact:
    """`search_vector @@ tsquery` as an expression: resolved without the lookup machinery of
    a keyword filter, which otherwise costs more than the query's rows."""
    return SearchVectorExact(F("search_vector"), _tsquery(tsquery))


def _has(lexeme: str) -> SearchVectorExact:
    return _matches(f"'{lexeme}'")


def matching(plan: Plan, words: str | None = None) -> QuerySet:
    """Everyone the plan finds, unordered: filters plus at least one code or word match (or
    a narrower tsquery of codes and words, `words`)."""
    on_shortlist = ShortlistEntry.objects.filter(shortlist__opening=plan.opening).values(
        "candidate_id"
    )
    return (
        Candidate.objects.available_on(plan.day)
        .filter(plan.area_q(), plan.filters_q(), search_vector=_tsquery(plan.search_tsquery(words)))
        .exclude(pk__in=on_shortlist)
    )


def ranked(plan: Plan, words: str | None = None) -> QuerySet:
    """Everyone found, best first, with score and text_rank: the ranking rule itself."""
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
            When(_matches(term.tsquery), then=Value(TEXT / len(plan.terms))),
            default=Value(0.0),
        )
    return (
        matching(plan, words)
        .only(*RANKED_FIELDS)
        .annotate(
            score=Round(points * 100.0 / max_points(plan)),
            text_rank=SearchRank(F("search_vector"), _tsquery(plan.words_tsquery())),
        )
        .order_by("-score", "-text_rank", "pk")
    )


def best(plan: Plan) -> tuple[list[Candidate], int]:
    """The RESULT_LIMIT best candidates, and how many were found (counted up to one more than
    MATCHED_COUNT_LIMIT: see SearchRun.is_matched_count_capped).

    First the first MATCHED_COUNT_LIMIT + 1 found (in no order) are ranked and counted: when
    that is everyone, that is the answer. Otherwise, exactly all the same but without scoring
    every row found, the best are ranked among those who can reach a score level
    (levels.levels, asked of the GIN index): when the last of the best RESULT_LIMIT of them
    reaches the level, everyone else scores below it, so these are the best of all. The
    first found guide the choice: the level their best reaches (few rows, often enough), then
    the level their RESULT_LIMIT-th reaches (always enough); the last resort is everyone."""
    first = _first_found(plan)
    count = first[0].found if first else 0
    if count <= MATCHED_COUNT_LIMIT:
        return first, count
    steps = levels(plan)
    guesses = [_reached(steps, first[0].score), _reached(steps, first[-1].score)]
    for level in dict.fromkeys(level for level in guesses if level):
        top = list(ranked(plan, level.tsquery)[:RESULT_LIMIT])
        if len(top) == RESULT_LIMIT and top[-1].score >= level.score:
            return top, count
    return list(ranked(plan)[:RESULT_LIMIT]), count


def _reached(steps: list[Level], score) -> Level | None:
    """The best level a candidate with this score reaches (levels are best first)."""
    return next((level for level in steps if level.score <= score), None)


def _first_found(plan: Plan) -> list[Candidate]:
    """The best RESULT_LIMIT of the first MATCHED_COUNT_LIMIT + 1 found, each with `found`,
    how many of those there were: one pass over at most that many rows.

    Sequential scans are off for it: expecting many matches, PostgreSQL would rather read the
    table in order until enough are found, which reads all of it when fewer match than it
    guessed (about 100 ms at 200,000 candidates, against the GIN index's few ms)."""
    first = ranked(plan).order_by()[: MATCHED_COUNT_LIMIT + 1]
    sql, params = first.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        return list(
            Candidate.objects.raw(
                f"SELECT *, COUNT(*) OVER () AS found FROM ({sql}) AS first_found "
                "ORDER BY score DESC, text_rank DESC, id LIMIT %s",
                (*params, RESULT_LIMIT),
            )
        )


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
    return {
        "score": score_of(plan, points, sum(term["matched"] for term in terms)),
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
