"""Score levels: which rows can reach a score, asked of the GIN index alone.

A score depends only on the occupation class of a candidate (both the code wanted and done,
one of them, only the minor group, or none) and on how many of the plan's words they match.
So "everyone scoring at least S" is a set of (class, at least k words) pairs, and each pair is
a tsquery the GIN index answers without reading a row: the class as code tokens, "at least k
of n words" as any k of them together. A nationwide search for a common occupation then
scores the few thousand rows that can reach the top instead of every row found (see
ranking.best).

The tsquery found for a level may find more rows than can reach it (a candidate with more
codes than its class, or "at least k" widened to fewer words when the k-word combinations are
too many to list); the exact score filters those out. It never finds fewer."""

from dataclasses import dataclass
from itertools import combinations
from math import comb

from .criteria import Plan

OCCUPATION_WANTED = 35
OCCUPATION_DONE = 35
OCCUPATION_MINOR = 15
TEXT = 30
# "At least k of n words" is listed as k-word combinations up to this many, else widened to
# fewer words (never to fewer than one: n combinations of one word).
MAX_COMBINATIONS = 20
# A level also takes the pairs scoring one point below it, so that the float sums of SQL and
# Python may round differently without losing a row.
ROUNDING_MARGIN = 1


def max_points(plan: Plan) -> int:
    return (OCCUPATION_WANTED + OCCUPATION_DONE if plan.occupation_code else 0) + (
        TEXT if plan.terms else 0
    )


def score_of(plan: Plan, occupation_points: float, words_matched: int) -> int:
    """The score for these points, as ranking.explain computes it (and SQL ranks it)."""
    points = float(occupation_points)
    for _ in range(words_matched):
        points += TEXT / len(plan.terms)
    # Half away from zero, as PostgreSQL's round() does.
    return int(points * 100 / max_points(plan) + 0.5)


@dataclass(frozen=True)
class Level:
    """Everyone scoring at least `score` is found by `tsquery` (with more, perhaps)."""

    score: int
    tsquery: str


def _classes(plan: Plan) -> list[tuple[int, str | None]]:
    """(occupation points, tsquery of the codes that give at least them) per class."""
    lexemes = plan.occupation_lexemes()
    if not lexemes:
        return [(0, None)]
    wanted, done = f"'{lexemes['wanted']}'", f"'{lexemes['done']}'"
    minor = f"'{lexemes['minor_wanted']}' | '{lexemes['minor_done']}'"
    return [
        (OCCUPATION_WANTED + OCCUPATION_DONE, f"{wanted} & {done}"),
        (OCCUPATION_WANTED, wanted),
        (OCCUPATION_DONE, done),
        (OCCUPATION_MINOR, f"({minor})"),
        (0, None),
    ]


def _at_least(plan: Plan, count: int) -> str | None:
    """Any `count` of the plan's words (widened to fewer when the combinations are many)."""
    terms = [f"({term.tsquery})" for term in plan.terms]
    while count > 1 and comb(len(terms), count) > MAX_COMBINATIONS:
        count -= 1
    if count == 0:
        return None
    return " | ".join(f"({' & '.join(group)})" for group in combinations(terms, count))


def levels(plan: Plan) -> list[Level]:
    """The scores the plan can give, best first, each with the tsquery finding everyone who
    reaches it. The lowest score is left out: reaching it is being found at all."""
    pairs = [
        (score_of(plan, points, matched), points, codes, matched)
        for points, codes in _classes(plan)
        for matched in range(len(plan.terms) + 1)
        if codes or matched
    ]
    scores = sorted({score for score, *_ in pairs}, reverse=True)[:-1]
    found = []
    for score in scores:
        clauses = []
        for points, codes in _classes(plan):
            reaching = [m for s, p, _, m in pairs if p == points and s >= score - ROUNDING_MARGIN]
            if not reaching:
                continue
            words = _at_least(plan, min(reaching))
            clauses.append(" & ".join(f"({part})" for part in (codes, words) if part))
        found.append(Level(score, " | ".join(clauses)))
    return found
