"""The Norwegian word rule (candidates.matching.norwegian), without a database."""

import pytest

from candidates.matching.norwegian import normalise, query_terms, stem


def _finds(query: str, document: str) -> bool:
    stems = set(normalise(document))
    terms = query_terms(query)
    return bool(terms) and all(term.matches(stems) for term in terms)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("sveiser", "sveising"),
        ("sveisere", "sveiseren"),
        ("truckførere", "truckfører"),
        ("truckføreren", "truckførerne"),
        ("helsefagarbeidere", "helsefagarbeider"),
        ("kokken", "kokker"),
        ("renholdere", "renholder"),
        ("sjåfører", "sjåføren"),
        ("lageret", "lager"),
        ("barnehagen", "barnehage"),
        ("sveisar", "sveisarane"),
        ("butikkmedarbeidere", "butikkmedarbeideren"),
    ],
)
def test_inflected_forms_share_a_stem(one, other):
    assert stem(one) == stem(other)
    assert _finds(one, other)
    assert _finds(other, one)


@pytest.mark.parametrize(
    ("query", "document"),
    [
        ("truck", "Truckfører med T1–T4"),
        ("lager", "Lagermedarbeider i tre år"),
        ("barnehage", "Barnehageassistent"),
        ("helse", "helsefagarbeider på sykehjem"),
        ("sveis", "Sveisesertifikat etter NS-EN ISO 9606"),
        ("butikk", "butikkmedarbeider"),
        ("IT-brukerstøtte", "Brukerstøtte og IT-drift"),
    ],
)
def test_a_compound_is_found_by_its_first_part(query, document):
    assert _finds(query, document)


@pytest.mark.parametrize(
    ("query", "document"),
    [
        ("sveis", "svensk"),
        ("svensk", "sveiser"),
        ("kokk", "kontor"),
        ("truck", "trykkeri"),
        ("lager", "lege"),
        ("renhold", "regnskap"),
        ("arbeider", "helsefagarbeider"),
    ],
)
def test_different_words_do_not_match(query, document):
    assert not _finds(query, document)


def test_accents_and_case_are_folded_but_norwegian_letters_kept():
    assert normalise("KAFÉ Sjåfør Ærlig Øvet") == normalise("kafe sjåfør ærlig øvet")
    assert stem("sjåfør") == "sjåfør"


def test_query_leaves_out_stop_words_and_repeats():
    terms = query_terms("Erfaring med truck og lager, og truckfører")
    assert [term.word for term in terms] == ["truck", "lager", "truckfører"]
    assert query_terms("og med erfaring") == []


def test_short_stems_keep_at_least_three_letters():
    assert stem("ene") == "ene"
    assert stem("bilen") == "bil"
    assert stem("2024") == "2024"


def test_tsquery_uses_a_prefix_only_for_long_enough_stems():
    lager, truck = query_terms("lager truckførere")
    assert lager.tsquery == "'lag' | 'lager':*"
    assert truck.tsquery == "'truckfør':*"
