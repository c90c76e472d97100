"""The rolling meeting plan: 2, 3 or 4 meetings a year, twelve months ahead, across year
ends, never twice."""

import datetime

import pytest
from django.utils import timezone

from agreements.models import Agreement
from agreements.services.agreements import agreement_transition, agreement_update
from agreements.services.plans import plan_dates, plan_extend, plans_extend_all

from .factories import AgreementFactory, county

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.mark.parametrize(
    ("per_year", "expected"),
    [
        (2, [D(2026, 11, 15), D(2027, 5, 15)]),
        (3, [D(2026, 9, 15), D(2027, 1, 15), D(2027, 5, 15)]),
        (4, [D(2026, 8, 15), D(2026, 11, 15), D(2027, 2, 15), D(2027, 5, 15)]),
    ],
)
def test_plan_spreads_meetings_evenly_over_twelve_months_across_the_year_end(per_year, expected):
    days = list(plan_dates(anchor=D(2026, 5, 15), per_year=per_year, until=D(2027, 5, 15)))
    assert days == expected


def test_month_ends_are_counted_from_the_anchor_not_from_the_previous_meeting():
    days = list(plan_dates(anchor=D(2026, 11, 30), per_year=4, until=D(2027, 11, 30)))
    assert days == [D(2027, 2, 28), D(2027, 5, 30), D(2027, 8, 30), D(2027, 11, 30)]


def _active(per_year: int, anchor: datetime.date) -> Agreement:
    return AgreementFactory(
        employer__county=county("Trøndelag"),
        active=True,
        follow_ups_per_year=per_year,
        plan_anchor=anchor,
    )


def test_activation_generates_the_plan_for_the_next_twelve_months():
    agreement = AgreementFactory(
        employer__county=county("Trøndelag"),
        status=Agreement.Status.SIGNED,
        signed_on=timezone.localdate(),
        follow_ups_per_year=3,
    )
    agreement_transition(
        agreement=agreement, actor=agreement.fixed_contact, to=Agreement.Status.ACTIVE
    )
    today = timezone.localdate()
    planned = list(agreement.meetings.values_list("planned_date", flat=True))
    assert len(planned) == 3
    assert all(today < day <= today.replace(year=today.year + 1) for day in planned)


def test_extending_again_never_duplicates_and_rolls_forward():
    agreement = _active(4, D(2026, 1, 10))
    assert plan_extend(agreement=agreement, today=D(2026, 1, 10)) == 4
    assert plan_extend(agreement=agreement, today=D(2026, 1, 10)) == 0
    assert plan_extend(agreement=agreement, today=D(2026, 4, 11)) == 1
    assert list(agreement.meetings.values_list("planned_date", flat=True)) == [
        D(2026, 4, 10),
        D(2026, 7, 10),
        D(2026, 10, 10),
        D(2027, 1, 10),
        D(2027, 4, 10),
    ]


def test_a_moved_meeting_is_not_planned_again_on_its_old_day():
    agreement = _active(2, D(2026, 1, 10))
    plan_extend(agreement=agreement, today=D(2026, 1, 10))
    agreement.meetings.filter(planned_date=D(2026, 7, 10)).update(planned_date=D(2026, 8, 1))
    assert plan_extend(agreement=agreement, today=D(2026, 2, 1)) == 0
    assert agreement.meetings.count() == 2


def test_beat_task_keeps_every_active_agreement_twelve_months_ahead():
    first = _active(2, D(2026, 1, 10))
    second = _active(4, D(2026, 1, 10))
    AgreementFactory()  # in dialogue: no plan
    plans_extend_all(today=D(2026, 1, 10))
    assert first.meetings.count() == 2
    assert second.meetings.count() == 4


def test_changing_meetings_per_year_replans_the_meetings_ahead():
    agreement = _active(4, timezone.localdate() - datetime.timedelta(days=5))
    plan_extend(agreement=agreement, today=timezone.localdate())
    assert agreement.meetings.count() == 4
    agreement_update(agreement=agreement, actor=agreement.fixed_contact, follow_ups_per_year=2)
    assert agreement.meetings.count() == 2
