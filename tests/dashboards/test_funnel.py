"""The recruitment funnel counts from the activity log: each shortlist entry once, at its
latest step in the period; a hire is also presented. The figures are worked out by hand below."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Count
from django.urls import reverse

from accounts.models import County, Role
from candidates.models import Candidate, Innsatsgruppe, ShortlistEntry, Step
from candidates.services.shortlist import shortlist_for
from core.activity import log_action
from dashboards.figures import funnel_figures, provider_figures
from dashboards.filters import Scope
from tests.candidates.factories import CandidateFactory, ShortlistEntryFactory
from tests.employers.factories import EmployerFactory, JobOpeningFactory
from tests.factories import county, user_with_role

from .test_views import _csv

pytestmark = pytest.mark.django_db
OSLO = ZoneInfo("Europe/Oslo")
H1_2024 = {"start": datetime.date(2024, 1, 1), "end": datetime.date(2024, 6, 30)}


def _at(text: str) -> datetime.datetime:
    """A time in Norway: "2024-05-01" (noon) or "2024-07-01 00:10"."""
    if " " not in text:
        text += " 12:00"
    return datetime.datetime.fromisoformat(text).replace(tzinfo=OSLO)


def _entry(opening, *, born, group, moves, source="search", added_by=None):
    """An entry with its history: moves = [(day, step), ...], the first is the addition."""
    candidate = CandidateFactory(innsatsgruppe=group)
    Candidate.objects.filter(pk=candidate.pk).update(birth_date=datetime.date.fromisoformat(born))
    entry = ShortlistEntryFactory(
        shortlist=shortlist_for(opening),
        candidate=candidate,
        step=moves[-1][1],
        source=source,
        added_by=added_by or opening.recorded_by,
        created_at=_at(moves[0][0]),
    )
    previous = ""
    for day, step in moves:
        action = "candidates.entry.moved" if previous else "candidates.entry.added"
        log_action(entry, action, from_state=previous, to_state=step, at=_at(day))
        previous = step
    # A note is no move: it never decides the step.
    note_day = _at("2024-06-29")
    log_action(entry, "candidates.entry.noted", from_state=step, to_state=step, at=note_day)
    return entry


@pytest.fixture
def funnel(db):
    opening = JobOpeningFactory(employer=EmployerFactory(county=county("Oslo")))
    adviser = user_with_role(Role.ADVISER)
    provider = user_with_role(Role.PROVIDER_STAFF)
    S = Step
    # A, 34 in 2024, situation-dependent: added before the period, at interview in it.
    _entry(
        opening,
        born="1990-01-01",
        group=Innsatsgruppe.SITUATION,
        moves=[
            ("2023-12-20", S.PROPOSED),
            ("2024-01-10", S.CONSENT_GIVEN),
            ("2024-02-01", S.PRESENTED),
            ("2024-02-10", S.INTERVIEW_WANTED),
        ],
    )
    # C, specially adapted, hired on 2024-05-01; 29 on the period's last day (32 today).
    _entry(
        opening,
        born="1994-07-15",
        group=Innsatsgruppe.SPECIAL,
        moves=[
            ("2024-01-03", S.PROPOSED),
            ("2024-02-01", S.PRESENTED),
            ("2024-03-01", S.INTERVIEW_HELD),
            ("2024-05-01", S.HIRED),
        ],
    )
    # D, standard, 24: presented in the period, not relevant ten minutes after it ended.
    _entry(
        opening,
        born="2000-01-01",
        group=Innsatsgruppe.STANDARD,
        source="proposal",
        added_by=adviser,
        moves=[
            ("2024-02-01", S.PROPOSED),
            ("2024-03-01", S.PRESENTED),
            ("2024-07-01 00:10", S.NOT_RELEVANT),
        ],
    )
    # E, standard: proposed by a provider and withdrawn.
    _entry(
        opening,
        born="1985-01-01",
        group=Innsatsgruppe.STANDARD,
        source="proposal",
        added_by=provider,
        moves=[("2024-01-15", S.PROPOSED), ("2024-02-01", S.WITHDRAWN)],
    )
    # G, standard, turned 30 on 2024-03-01: hired on 2024-06-30 late in the evening.
    _entry(
        opening,
        born="1994-03-01",
        group=Innsatsgruppe.STANDARD,
        moves=[
            ("2024-01-10", S.PROPOSED),
            ("2024-02-01", S.PRESENTED),
            ("2024-03-01", S.INTERVIEW_HELD),
            ("2024-06-30 23:30", S.HIRED),
        ],
    )
    # F: everything happened in 2023.
    _entry(
        opening,
        born="1990-01-01",
        group=Innsatsgruppe.SITUATION,
        moves=[("2023-05-01", S.PROPOSED), ("2023-06-01", S.PRESENTED), ("2023-07-01", S.HIRED)],
    )
    # Another county's hire in the period, proposed by the same provider.
    elsewhere = JobOpeningFactory(employer=EmployerFactory(county=county("Trøndelag")))
    _entry(
        elsewhere,
        born="1999-01-01",
        group=Innsatsgruppe.SITUATION,
        source="proposal",
        added_by=provider,
        moves=[("2024-02-01", S.PROPOSED), ("2024-03-01", S.PRESENTED), ("2024-04-01", S.HIRED)],
    )
    return County.objects.get(name="Oslo").pk


def test_latest_step_in_the_period_counts(funnel):
    figures = funnel_figures(Scope(county_ids=(funnel,), **H1_2024))
    # Latest steps in the period: A interview wanted, C hired, D presented, E withdrawn,
    # G hired; F had no move in the period.
    assert figures["latest_step"] == {
        **dict.fromkeys([s.value for s in Step], 0),
        "interview_wanted": 1,
        "hired": 2,
        "presented": 1,
        "withdrawn": 1,
    }
    assert {k: figures[k] for k in figures if k != "latest_step"} == {
        "openings": 0,  # both openings were registered today
        "proposals": 4,  # C, D, E, G added in the period
        "proposed_by_adviser": 1,  # D
        "proposed_by_provider": 1,  # E
        "own_search": 2,  # C, G
        "consent_asked": 0,
        "consent_given": 0,
        "consent_declined": 0,
        "consent_expired": 0,
        "presented": 4,  # A, C, D and G: a hire is also presented
        "presented_under_30": 2,  # C (29 on 30 June), D
        "presented_not_standard": 2,  # A, C
        "interview": 1,  # A
        "work_trial": 0,
        "hired": 2,  # C, G
        "hired_under_30": 1,  # C; G was 30
        "hired_not_standard": 1,  # C
    }


def test_without_a_period_the_latest_step_is_the_current_one(funnel):
    figures = funnel_figures(Scope(county_ids=(funnel,)))
    assert figures["latest_step"]["not_relevant"] == 1  # D
    assert figures["hired"] == 3  # C, G, F
    assert figures["presented"] == 5  # A, C, D, G, F
    assert figures["proposals"] == 6
    current = dict(
        ShortlistEntry.objects.filter(shortlist__opening__employer__county_id=funnel)
        .values_list("step")
        .order_by("step")
        .annotate(n=Count("id"))
    )
    assert {k: v for k, v in figures["latest_step"].items() if v} == current


def test_a_later_period_sees_only_its_own_moves(funnel):
    figures = funnel_figures(
        Scope(
            county_ids=(funnel,),
            start=datetime.date(2024, 7, 1),
            end=datetime.date(2024, 12, 31),
        )
    )
    # Only D moved (to not relevant, 00:10 on 1 July): it was presented, so it counts there.
    assert {k: v for k, v in figures["latest_step"].items() if v} == {"not_relevant": 1}
    assert figures["presented"] == 1 and figures["hired"] == 0 and figures["proposals"] == 0
    # The same from 1 July until today (a period that has not ended reads the current step).
    open_ended = funnel_figures(Scope(county_ids=(funnel,), start=datetime.date(2024, 7, 1)))
    assert open_ended["openings"] == 1 and figures["openings"] == 0  # registered today
    assert open_ended | {"openings": 0} == figures
    # D is 26 today: under 30 also on the last day of either period.
    assert figures["presented_under_30"] == 1


def test_providers_per_county(funnel, login, admin_user):
    provider = ShortlistEntry.objects.get(
        source="proposal",
        added_by__role="provider_staff",
        shortlist__opening__employer__county__name="Oslo",
    ).added_by.provider.name
    assert provider_figures(Scope(**H1_2024)) == {
        "Oslo": {provider: {"proposals": 1, "hires": 0}},  # E, withdrawn
        "Trøndelag": {provider: {"proposals": 1, "hires": 1}},
    }
    url = reverse("dashboards:download", args=["providers_per_county", "csv"])
    rows = _csv(login(admin_user).get(url, H1_2024))
    assert rows[1:] == [["Oslo", "1", "1", "0"], ["Trøndelag", "1", "1", "1"]]
