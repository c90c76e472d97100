"""Dashboard figures on the imported fixture set, against numbers worked out by hand
(see the comments; dates and people are in tests/dashboards/pilot/valid/)."""

import datetime as dt
import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import County
from candidates.models import BirthCountryGroup, BirthRegion, Placement
from dashboards.figures import figures
from dashboards.filters import Scope
from employers.models import Employer
from tests.agreements.factories import AgreementFactory, MeetingFactory
from tests.candidates.factories import CandidateFactory

pytestmark = pytest.mark.django_db


def _pct(n, of):
    return round(100 * n / of)


_TRAITS = [
    "female",
    "immigrant",
    "education:primary",
    "education:upper_secondary",
    "education:higher",
    "education:unknown",
    "birth_region:norway",
    "birth_region:western_europe",
    "birth_region:eastern_europe",
    "birth_region:non_western",
    "innsatsgruppe:standard",
    "innsatsgruppe:situation_dependent",
    "innsatsgruppe:specially_adapted",
    "innsatsgruppe:other",
]

# The hired people of the pilot sheets as Table 7-1 sees them (male unless "female"; C7 is
# permanently adapted, which the table counts as "other").
C1 = {
    "female",
    "immigrant",
    "education:primary",
    "birth_region:non_western",
    "innsatsgruppe:situation_dependent",
}
C2 = {"education:higher", "birth_region:norway", "innsatsgruppe:standard"}
C4 = {"education:unknown", "birth_region:norway", "innsatsgruppe:specially_adapted"}
C5 = {
    "female",
    "immigrant",
    "education:higher",
    "birth_region:western_europe",
    "innsatsgruppe:standard",
}
C7 = {
    "female",
    "immigrant",
    "education:upper_secondary",
    "birth_region:eastern_europe",
    "innsatsgruppe:other",
}


def _column(*people):
    """A Table 7-1 column of these people: their number and the share with each trait."""
    n = len(people)
    return {"n": n} | {
        f"{trait}_pct": _pct(sum(trait in person for person in people), n) if n else 0
        for trait in _TRAITS
    }


def _without_counts(table):
    return {col: {k: v for k, v in row.items() if k != "counts"} for col, row in table.items()}


def test_agreement_figures(pilot):
    agreements = figures(Scope())["agreements"]
    # A1 (Q4 2020), A2, A3, A5 (Q1 2021) signed; A4 in dialogue. A1 and A2 share one employer.
    assert agreements["signed"] == 4
    assert agreements["employers"] == 3
    assert agreements["public"] == 1
    assert agreements["per_county"] == {"Oslo": 2, "Trøndelag": 2}
    assert agreements["per_quarter"] == {"2020Q4": 1, "2021Q1": 3}
    assert agreements["employers_per_industry"] == {"C": 1, "I": 1, "Q": 1}
    assert agreements["employers_in_dialogue"] == {"Vestland": 1}
    assert agreements["ended_by_reason"] == {"other": 1}
    # In force: Oslo A1 (one contact), Trøndelag A3 (a contact) and A5 (none).
    assert agreements["capacity_per_county"] == {
        "Oslo": {"contact_persons": 1, "agreements": 1, "agreements_per_contact": 1.0},
        "Trøndelag": {"contact_persons": 1, "agreements": 2, "agreements_per_contact": 2.0},
    }


def test_hire_figures(pilot):
    hires = figures(Scope())["hires"]
    # First signings: 910000004 on 2020-11-15, 910000012 on 2021-02-01; 910000020 never.
    assert hires == {
        "all": 8,
        "before_first_signing_2y": 3,  # C1 2019-05-01, C2 2018-11-15 (the boundary), C7
        "before_first_signing": 4,  # and C3 2018-11-14, one day more than two years before
        "after_first_signing": 3,  # C4 on the signing day, C5, C1 again
        "employers_hiring_after_signing": 2,
        "at_employers_without_signing": 1,  # C6 at the employer still in dialogue
    }


def test_table_7_1_before_signing(pilot):
    table = _without_counts(figures(Scope())["table_7_1"]["before_signing_2y"])
    # C1 (23, female, primary, immigrant, non-Western, situation-dependent),
    # C2 (58, male, higher, Norway, standard), C7 (30, female, upper secondary, immigrant,
    # Eastern Europe, permanently adapted = other).
    assert table["All"] == _column(C1, C2, C7)
    assert table["All"]["female_pct"] == 67
    assert table["18-24"] == _column(C1)
    assert table["25-29"] == _column()
    assert table["30-49"] == _column(C7)
    assert table["50+"] == _column(C2)


def test_table_7_1_after_signing_and_all(pilot):
    tables = figures(Scope())["table_7_1"]
    after = _without_counts(tables["after_signing"])
    # C4 (19 on 2020-11-15, a day before turning 20), C5 (50 on the hire date), C1 (26).
    assert after["18-24"] == _column(C4)
    assert after["25-29"] == _column(C1)
    assert after["50+"] == _column(C5)
    assert after["All"]["n"] == 3
    # All hires: seven different people (C1 twice; C8 never hired).
    assert tables["all"]["All"]["n"] == 7


def test_scope_county_period_sector(pilot):
    oslo = County.objects.get(name="Oslo").pk
    assert figures(Scope(county_ids=(oslo,)))["agreements"]["signed"] == 2
    q1 = Scope(start=date(2021, 1, 1), end=date(2021, 3, 31))
    assert figures(q1)["agreements"]["per_quarter"] == {"2021Q1": 3}
    public = figures(Scope(sector="public"))
    assert public["agreements"]["signed"] == 1
    assert public["hires"]["all"] == 3  # C5, C7, C1 at the hospital
    assert figures(Scope(sector="private"))["agreements"]["signed"] == 3


def test_command_prints_the_same_figures(pilot):
    out = StringIO()
    call_command("dashboard_figures", "--county", "Trøndelag", "--sector", "all", stdout=out)
    data = json.loads(out.getvalue())
    trondelag = County.objects.get(name="Trøndelag").pk
    assert data == json.loads(json.dumps(figures(Scope(county_ids=(trondelag,)))))
    assert set(data) >= {"agreements", "hires", "table_7_1", "follow_up", "funnel", "paths"}
    assert data["paths"]["started"] == 0 and data["paths"]["per_county"] == {}  # no paths
    assert data["agreements"]["per_county"] == {"Trøndelag": 2}


def test_time_to_first_hire_and_hires_per_agreement(pilot):
    agreements = figures(Scope())["agreements"]
    # 910000004: signed 2020-11-15, first hire after on the same day (0 days);
    # 910000012: signed 2021-02-01, first hire after 2021-05-01 (89 days); 910000039: none.
    assert agreements["median_days_agreement_to_first_hire"] == 44.5
    assert agreements["hires_per_agreement"] == 0.75  # 3 hires after signing / 4 agreements


def _register_candidate_hired_after_signing(**candidate):
    """A register candidate hired at 910000004 (signed 2020-11-15) on 2021-03-01."""
    Placement.objects.create(
        candidate=CandidateFactory(**candidate),
        employer=Employer.objects.get(orgnr="910000004"),
        start_date=date(2021, 3, 1),
        contract_confirmed=True,
        registered_afterwards=True,
    )


def test_birth_region_of_register_candidates(pilot):
    """The register's two country groups map onto the evaluation's: EU/EEA and the like to
    Western Europe, the rest of the world to non-Western; Eastern Europe comes only from the
    pilot's sheets (C7). Immigrant: the register's group when no answer is recorded."""
    for group in (BirthCountryGroup.EU_EEA, BirthCountryGroup.AFRICA_ASIA_OTHER):
        _register_candidate_hired_after_signing(birth_country_group=group)
    after = figures(Scope())["table_7_1"]["after_signing"]["All"]
    # C4 (Norway), C5 (Western Europe), C1 (non-Western) and the two register candidates.
    assert after["n"] == 5
    assert after["counts"]["birth_region:norway_pct"] == 1
    assert after["counts"]["birth_region:western_europe_pct"] == 2
    assert after["counts"]["birth_region:eastern_europe_pct"] == 0
    assert after["counts"]["birth_region:non_western_pct"] == 2
    assert after["counts"]["immigrant_pct"] == 4
    before = figures(Scope())["table_7_1"]["before_signing_2y"]["All"]
    assert before["counts"]["birth_region:eastern_europe_pct"] == 1  # C7, imported


def test_a_recorded_birth_region_of_a_register_candidate_comes_before_the_group(pilot):
    """A registered candidate born in Poland (EU/EEA group) whose adviser chose Eastern Europe
    counts as Eastern Europe, not Western; one without a region still falls back."""
    for group, region in (
        (BirthCountryGroup.EU_EEA, BirthRegion.EASTERN_EUROPE),
        (BirthCountryGroup.AFRICA_ASIA_OTHER, ""),
    ):
        _register_candidate_hired_after_signing(birth_country_group=group, birth_region=region)
    after = figures(Scope())["table_7_1"]["after_signing"]["All"]
    # C4 (Norway), C5 (Western Europe), C1 (non-Western), the Pole and the fallback one.
    assert after["n"] == 5
    assert after["birth_region:norway_pct"] == 20
    assert after["birth_region:western_europe_pct"] == 20
    assert after["birth_region:eastern_europe_pct"] == 20
    assert after["birth_region:non_western_pct"] == 40


def test_active_agreements_without_a_meeting_for_six_months(db):
    today = timezone.localdate()
    old = today - dt.timedelta(days=400)
    AgreementFactory(active=True, signed_on=old)  # no meeting held at all: counts
    held_long_ago = AgreementFactory(active=True, signed_on=old)
    MeetingFactory(
        agreement=held_long_ago, held_on=today - dt.timedelta(days=200), minutes="Ok."
    )  # counts
    held_lately = AgreementFactory(active=True, signed_on=old)
    MeetingFactory(agreement=held_lately, held_on=today - dt.timedelta(days=20), minutes="Ok.")
    AgreementFactory(active=True)  # signed 30 days ago: too new to count
    assert figures(Scope())["follow_up"]["active_without_meeting_6m"] == 2
