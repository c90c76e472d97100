"""Relevance on Norwegian words, occupation codes and the explained score, in PostgreSQL."""

import pytest

from candidates.matching.criteria import Area, Criteria, Plan
from candidates.matching.ranking import explain, ranked
from employers.models import Occupation

from ..employers.factories import JobOpeningFactory
from .factories import CandidateFactory

pytestmark = pytest.mark.django_db


def _search(query: str, opening=None, **criteria) -> list:
    opening = opening or JobOpeningFactory(title="Stilling", requirements_must="")
    criteria = Criteria(
        occupation=criteria.pop("occupation", False),
        opening_text=criteria.pop("opening_text", False),
        query=query,
        area=criteria.pop("area", Area.NATIONAL),
        **criteria,
    )
    return list(ranked(Plan.build(opening, criteria)))


@pytest.mark.parametrize(
    ("document", "query"),
    [
        ("Sveiser med MIG/MAG", "sveising"),
        ("Kurs i sveising", "sveiser"),
        ("Truckfører i fem år", "truckførere"),
        ("Vi har truckførere", "truckfører"),
        ("Helsefagarbeider på sykehjem", "helsefagarbeidere"),
        ("Tidligere helsefagarbeidere-vikar", "helsefagarbeider"),
        ("Truckfører", "truck"),
        ("Lageret på Alnabru", "lager"),
    ],
)
def test_norwegian_word_forms_find_each_other(document, query):
    candidate = CandidateFactory(competencies=document, cv_summary="")
    assert _search(query) == [candidate]


@pytest.mark.parametrize(
    ("document", "query"),
    [
        ("Snakker svensk", "sveis"),
        ("Sveiser", "svensk"),
        ("Kontorarbeid", "kokk"),
        ("Trykkeri", "truck"),
    ],
)
def test_different_words_find_nothing(document, query):
    CandidateFactory(competencies=document, cv_summary="")
    assert _search(query) == []


def test_plain_snowball_stemming_would_miss_these_pairs(django_db_blocker):
    """Why the normaliser exists: PostgreSQL's own Norwegian stemmer keeps them apart."""
    from django.db import connection

    with connection.cursor() as cursor:
        for one, other in [
            ("sveiser", "sveising"),
            ("truckførere", "truckfører"),
            ("helsefagarbeidere", "helsefagarbeider"),
        ]:
            cursor.execute(
                "SELECT to_tsvector('norwegian', %s) @@ plainto_tsquery('norwegian', %s)",
                [one, other],
            )
            assert cursor.fetchone() == (False,)


def test_occupation_codes_rank_wanted_and_done_above_minor_group():
    welding = Occupation.objects.get(code="7212")
    sheet_metal = Occupation.objects.get(code="7213")  # same minor group 721
    both = CandidateFactory(cv_summary="")
    both.occupations_wanted.add(welding)
    both.occupations_done.add(welding)
    wanted = CandidateFactory(cv_summary="")
    wanted.occupations_wanted.add(welding)
    related = CandidateFactory(cv_summary="")
    related.occupations_done.add(sheet_metal)
    CandidateFactory(cv_summary="Kokk")  # nothing in common
    opening = JobOpeningFactory(occupation=welding)

    results = _search("", opening=opening, occupation=True)

    assert results == [both, wanted, related]
    assert [c.score for c in results] == [100, 50, 21]


def test_the_explanation_gives_the_same_score_as_the_ranking():
    welding = Occupation.objects.get(code="7212")
    opening = JobOpeningFactory(
        occupation=welding,
        title="Sveiser",
        requirements_must="Sveisesertifikat og truckførerbevis",
    )
    candidate = CandidateFactory(
        competencies="Truckfører", work_experience="Sveising på verksted", cv_summary=""
    )
    candidate.occupations_wanted.add(welding)
    criteria = Criteria(occupation=True, opening_text=True, area=Area.NATIONAL)
    plan = Plan.build(opening, criteria)

    [found] = ranked(plan)
    explanation = explain(plan, found)

    assert explanation["score"] == found.score
    assert explanation["occupation"]["wanted"] is True
    assert explanation["occupation"]["done"] is False
    terms = {term["word"]: term for term in explanation["terms"]}
    assert terms["sveiser"]["sections"] == ["A", "C"]  # occupation name, experience
    assert terms["truckførerbevis"]["matched"] is False
    assert terms["sveisesertifikat"]["matched"] is False


def test_occupation_names_weigh_more_than_the_cv_summary():
    in_summary = CandidateFactory(cv_summary="Har jobbet som renholder")
    in_occupations = CandidateFactory(cv_summary="")
    in_occupations.occupations_wanted.add(Occupation.objects.get(code="9112"))

    assert _search("renholdere") == [in_occupations, in_summary]


def test_changing_occupations_or_texts_updates_the_search_document():
    candidate = CandidateFactory(competencies="", cv_summary="")
    assert _search("kokk") == []
    candidate.occupations_wanted.add(Occupation.objects.get(code="5120"))
    assert _search("kokk") == [candidate]
    candidate.occupations_wanted.clear()
    assert _search("kokk") == []
    candidate.competencies = "Kokkefagbrev"
    candidate.save(update_fields=["competencies"])
    assert _search("kokk") == [candidate]


def test_prefixes_are_completed_to_exact_stems_from_the_vocabulary():
    CandidateFactory(competencies="Truckfører, truckførerbevis", cv_summary="")
    opening = JobOpeningFactory(title="Stilling", requirements_must="")
    [term] = Plan.build(
        opening, Criteria(occupation=False, opening_text=False, query="truck")
    ).terms
    assert set(term.completions) == {"truckfør", "truckførerbevis"}
    assert ":*" not in term.tsquery


def test_the_explanation_reads_as_norwegian_sentences_met_and_unmet():
    from candidates.matching.describe import describe

    lines = describe(
        {
            "occupation": {
                "code": "7212",
                "name": "Sveisere",
                "wanted": False,
                "done": False,
                "minor": True,
            },
            "terms": [
                {"word": "sveising", "matched": True, "sections": ["B", "D"]},
                {"word": "truck", "matched": False, "sections": []},
            ],
            "area": "commute",
            "municipality": "Stord",
            "commute_km": 60,
            "available_by": "2026-12-01",
            "driving_licences": ["C"],
            "languages": ["pl"],
            "innsatsgruppe": "standard",
        }
    )

    assert [(line.met, line.text) for line in lines] == [
        (True, "Ønsker eller kan et beslektet yrke"),
        (False, "Har ikke oppgitt yrket Sveisere"),
        (True, "«sveising» i kompetanse og sertifikater, CV-sammendrag"),
        (False, "«truck» er ikke nevnt"),
        (True, "Bor i Stord og kan pendle 60 km"),
        (True, "Tilgjengelig innen 1. des. 2026"),
        (True, "Førerkort C (lastebil)"),
        (True, "Snakker polsk"),
        (True, "Standard innsats"),
    ]
