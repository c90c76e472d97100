"""The fast path of the broad search (score levels, capped count) returns exactly what ranking
every row found would: the same best candidates in the same order, with the same scores."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import County, Role
from candidates.matching import levels as levels_module
from candidates.matching import ranking
from candidates.matching.criteria import Area, Criteria, Plan
from candidates.matching.levels import levels, score_of
from candidates.models import SearchRun
from candidates.services.search import search_run_execute
from devdata.generate import CandidateGenerator, Owner, profile_codes, save_generated
from employers.models import Occupation

from ..factories import RegionFactory, user_with_role
from .factories import CandidateFactory, truck_driver_opening

pytestmark = pytest.mark.django_db
CANDIDATES = 600


@pytest.fixture
def region():
    return RegionFactory(county=County.objects.get(name="Rogaland"))


@pytest.fixture
def generated(region):
    """A few hundred realistic candidates: most in the opening's region, some elsewhere."""
    adviser = user_with_role(Role.ADVISER)
    owners = [
        Owner(adviser.pk, region.county_id, region.county.name, region.pk, region.name),
        Owner(adviser.pk, region.county_id, region.county.name),
        Owner(adviser.pk, County.objects.get(name="Oslo").pk, "Oslo"),
    ]
    generator = CandidateGenerator(
        seed=5,
        occupations=Occupation.objects.in_bulk(profile_codes()),
        today=timezone.localdate() - datetime.timedelta(days=30),
    )
    return save_generated(
        [generator.generate(number, owners[number % 3]) for number in range(CANDIDATES)]
    )


@pytest.fixture
def truck_opening(region):
    return truck_driver_opening(
        region,
        requirements_must="Truckførerbevis T1–T4, skiftarbeid.",
        requirements_nice="Lager og vareplukk",
    )


PLANS = [
    {"area": Area.NATIONAL},
    {"area": Area.COUNTY},
    {"area": Area.REGION},
    {"area": Area.NATIONAL, "opening_text": False},
    {"area": Area.NATIONAL, "occupation": False},
    {"area": Area.NATIONAL, "occupation": False, "opening_text": False, "query": "lager truck"},
]


def _brute_force(plan: Plan) -> list[tuple[int, int]]:
    """(score, id) of everyone found, scored in Python, best score first."""
    found = ranking.matching(plan).only(*ranking.RANKED_FIELDS)
    scored = [(ranking.explain(plan, candidate)["score"], candidate.pk) for candidate in found]
    return sorted(scored, key=lambda pair: -pair[0])


@pytest.mark.parametrize("criteria", PLANS)
@pytest.mark.parametrize("limit", [3, 10, 25])
# 1: every "at least k words" widened to one word, so levels find many who cannot reach them.
@pytest.mark.parametrize("combinations", [levels_module.MAX_COMBINATIONS, 1])
def test_the_fast_path_finds_the_true_best_in_the_true_order(
    generated, truck_opening, monkeypatch, criteria, limit, combinations
):
    monkeypatch.setattr(levels_module, "MAX_COMBINATIONS", combinations)
    plan = Plan.build(truck_opening, Criteria(**criteria))
    everyone = list(ranking.ranked(plan))
    brute = _brute_force(plan)
    assert len(everyone) == len(brute) > limit  # enough found for the levels to matter
    monkeypatch.setattr(ranking, "RESULT_LIMIT", limit)
    monkeypatch.setattr(ranking, "MATCHED_COUNT_LIMIT", 10)  # take the fast path

    top, count = ranking.best(plan)

    assert [(c.pk, c.score) for c in top] == [(c.pk, c.score) for c in everyone[:limit]]
    # Python's own scoring of every row agrees: the same scores at the top, and nobody
    # left out scores above the last one kept.
    assert [c.score for c in top] == [score for score, _ in brute[:limit]]
    assert all(ranking.explain(plan, c)["score"] == c.score for c in top)
    assert count == 11


@pytest.mark.parametrize("criteria", PLANS[:3])
def test_few_found_are_all_ranked_and_counted_exactly(generated, truck_opening, criteria):
    plan = Plan.build(truck_opening, Criteria(**criteria))
    everyone = list(ranking.ranked(plan))

    top, count = ranking.best(plan)

    assert count == len(everyone) <= ranking.MATCHED_COUNT_LIMIT
    assert [c.pk for c in top] == [c.pk for c in everyone[: ranking.RESULT_LIMIT]]


def test_the_fast_path_reads_only_those_who_can_reach_the_top(
    generated, truck_opening, monkeypatch
):
    plan = Plan.build(truck_opening, Criteria(area=Area.NATIONAL))
    monkeypatch.setattr(ranking, "RESULT_LIMIT", 5)
    monkeypatch.setattr(ranking, "MATCHED_COUNT_LIMIT", 10)
    narrowed = []
    ranked = ranking.ranked
    monkeypatch.setattr(
        ranking, "ranked", lambda plan, words=None: narrowed.append(words) or ranked(plan, words)
    )

    ranking.best(plan)

    assert narrowed[-1] is not None  # a level, not everyone found
    assert ranked(plan, narrowed[-1]).count() < ranking.matching(plan).count() / 2


def test_a_level_is_used_only_when_its_last_kept_reaches_it(truck_opening, monkeypatch):
    """With "at least k words" widened to one, the level for 50 points finds a candidate
    with the code and one word (43); one with a related code and every word (45) is not
    found by it, but ranks above, so the level's answer must be refused."""
    monkeypatch.setattr(levels_module, "MAX_COMBINATIONS", 1)
    monkeypatch.setattr(ranking, "RESULT_LIMIT", 2)
    monkeypatch.setattr(ranking, "MATCHED_COUNT_LIMIT", 0)
    truck = truck_opening.occupation
    related = Occupation.objects.filter(code__startswith="834", level=4).exclude(pk=truck.pk)[0]
    three, one, every = (
        CandidateFactory(competencies=text, work_experience="", cv_summary="")
        for text in ("betong gips kran", "betong", "betong gips kran flis")
    )
    three.occupations_wanted.add(truck)
    one.occupations_wanted.add(truck)
    every.occupations_wanted.add(related)
    plan = Plan.build(
        truck_opening,
        Criteria(opening_text=False, query="betong gips kran flis", area=Area.NATIONAL),
    )
    assert 50 in [level.score for level in levels(plan)]

    top, count = ranking.best(plan)

    assert [(c, c.score) for c in top] == [(three, 58), (every, 45)]
    assert count == 1


def _matches(lexemes: list[str], tsquery: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::tsvector @@ %s::tsquery", [" ".join(lexemes), tsquery])
        return cursor.fetchone()[0]


@pytest.mark.parametrize("words", [3, 8])
def test_a_level_finds_every_combination_of_codes_and_words_that_reaches_it(
    truck_opening, monkeypatch, words
):
    """For each occupation class and each set of words matched: a document with just those
    is found by every level its score reaches (8 words: "at least k" is widened)."""
    monkeypatch.setattr(levels_module, "MAX_COMBINATIONS", 10)
    query = " ".join(
        ["betong", "gips", "kran", "flis", "stillas", "sement", "murer", "tak"][:words]
    )
    plan = Plan.build(truck_opening, Criteria(opening_text=False, query=query, area=Area.NATIONAL))
    assert len({term.stem for term in plan.terms}) == words
    lexemes = plan.occupation_lexemes()
    classes = [
        (70, [lexemes["wanted"], lexemes["done"]]),
        (35, [lexemes["wanted"]]),
        (35, [lexemes["done"]]),
        (15, [lexemes["minor_done"]]),
        (0, []),
    ]
    stems = [term.stem for term in plan.terms]
    all_levels = levels(plan)
    assert [level.score for level in all_levels] == sorted(
        {level.score for level in all_levels}, reverse=True
    )
    for points, codes in classes:
        for matched in range(words + 1):
            # The last words, so that a widened "at least k" is tested on every position.
            document = codes + stems[words - matched :]
            score = score_of(plan, points, matched)
            for level in all_levels:
                if document and score >= level.score:
                    assert _matches(document, level.tsquery), (codes, matched, level)


def test_a_level_with_no_text_is_the_occupation_codes(truck_opening):
    plan = Plan.build(truck_opening, Criteria(opening_text=False, area=Area.NATIONAL))
    assert [(level.score, level.tsquery) for level in levels(plan)] == [
        (100, "('w8344' & 'd8344')"),
        (50, "('w8344' & 'd8344') | ('w8344') | ('d8344')"),
    ]


def test_a_run_finding_more_than_the_limit_says_over_the_limit(
    generated, truck_opening, monkeypatch
):
    monkeypatch.setattr(ranking, "MATCHED_COUNT_LIMIT", 20)
    run = SearchRun.objects.create(
        opening=truck_opening,
        created_by=user_with_role(Role.CONTACT_PERSON),
        criteria=Criteria(area=Area.NATIONAL).to_json(),
    )

    run = search_run_execute(run_id=run.pk)

    assert run.matched_count == 21
    plan = Plan.build(truck_opening, Criteria(area=Area.NATIONAL))
    assert run.result_count == min(ranking.RESULT_LIMIT, ranking.matching(plan).count())
    monkeypatch.setattr("candidates.models.search.MATCHED_COUNT_LIMIT", 20)
    assert run.is_matched_count_capped
    run.matched_count = 20
    assert not run.is_matched_count_capped
