"""The realistic candidate generator, the demo seed and the national-scale seed."""

import datetime

import pytest
from django.core.management import call_command
from stdnum.no import fodselsnummer

from accounts.models import County
from candidates.matching.document import sections_of
from candidates.models import BIRTH_REGION_COUNTRY_GROUPS, BirthRegion, Candidate, SearchRun
from devdata.generate import CandidateGenerator, Owner, profile_codes
from devdata.generate_data import COUNTY_MUNICIPALITIES, PROFILES
from devdata.scale import accounts as accounts_scale
from devdata.scale import candidates as candidates_scale
from employers.models import Occupation

pytestmark = pytest.mark.django_db


def _generator(seed=1):
    return CandidateGenerator(
        seed=seed,
        occupations=Occupation.objects.in_bulk(profile_codes()),
        today=datetime.date(2026, 11, 23),
    )


def _owner(county_name="Rogaland"):
    county = County.objects.get(name=county_name)
    return Owner(user_id=1, county_id=county.pk, county_name=county.name, office_id=1)


def test_every_profile_code_is_a_styrk_unit_group():
    codes = profile_codes()
    assert Occupation.objects.filter(code__in=codes, level=4).count() == len(codes)
    assert {"7212", "8344", "5321", "9112", "5311", "5120", "5223", "4321", "3512", "8322"} <= {
        profile.code for profile in PROFILES
    }


@pytest.mark.slow
def test_generated_people_are_valid_unique_and_deterministic():
    generator, repeat = _generator(), _generator()
    people = [generator.generate(number, _owner()).candidate for number in range(3000)]
    again = [repeat.generate(number, _owner()).candidate for number in range(50)]

    fnrs = [person.fnr for person in people]
    assert len(set(fnrs)) == len(fnrs)
    assert all(fodselsnummer.is_valid(fnr) for fnr in fnrs[:200])
    assert [p.fnr for p in again] == fnrs[:50]
    assert {person.municipality for person in people} <= set(COUNTY_MUNICIPALITIES["Rogaland"])
    shares = {
        g: sum(p.innsatsgruppe == g for p in people) / 3000 for g in ("situation", "permanent")
    }
    assert 0.38 < shares["situation"] < 0.52 and 0.05 < shares["permanent"] < 0.15
    assert all(person.target_group_reasons for person in people)


def test_generated_people_carry_a_birth_region_that_fits_their_group():
    generator = _generator()
    people = [generator.generate(number, _owner()).candidate for number in range(400)]
    assert {person.birth_region for person in people} == set(BirthRegion.values)
    for person in people:
        assert person.birth_country_group in BIRTH_REGION_COUNTRY_GROUPS[person.birth_region]
    # A Ukrainian is Eastern European but outside the EU/EEA group.
    ukrainians = [p for p in people if "uk" in p.languages]
    assert ukrainians
    assert {(p.birth_country_group, p.birth_region) for p in ukrainians} == {
        ("africa_asia_other", "eastern_europe")
    }


def test_generated_documents_hold_the_occupation_and_the_texts():
    item = _generator().generate(7, _owner())
    sections = sections_of(item.candidate.search_document)
    assert f"w{item.wanted[0]}" in sections["A"]
    assert f"f{_owner().county_id}" in sections["A"]
    assert sections["B"] and sections["C"] and sections["D"]


@pytest.mark.slow
def test_demo_seed_creates_nav_and_provider_candidates_once():
    call_command("seed_demo")
    count = Candidate.objects.count()
    call_command("seed_demo")

    assert count == Candidate.objects.count() == 300
    assert Candidate.objects.filter(provider__isnull=False).exists()
    assert Candidate.objects.filter(office__isnull=False).exists()
    assert Candidate.objects.filter(owner__email="veileder@demo.no").count() >= 10
    assert Candidate.objects.exclude(search_document="").count() == 300


@pytest.mark.slow
def test_scale_seed_builds_candidates_openings_and_finished_searches(monkeypatch):
    monkeypatch.setattr(candidates_scale, "CANDIDATES", 600)
    monkeypatch.setattr(candidates_scale, "BATCH", 250)
    accounts_scale.seed_scale()

    summary = candidates_scale.seed_scale()

    assert Candidate.objects.count() == 600
    assert summary.startswith("600 candidates, 6 openings")
    assert SearchRun.objects.filter(status="done").count() == 6
    assert SearchRun.objects.filter(status="done", result_count__gt=0).count() >= 5
    assert candidates_scale.seed_scale() == "already there"
