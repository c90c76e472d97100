"""Reads for the agreement pages: each list is one annotated query."""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Max,
    Min,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from accounts.models import User

from .models import Agreement, FollowUpMeeting

RECENTLY_HELD_DAYS = 90
DUE_SOON_DAYS = 30
COUNTY_WINDOW_MONTHS = 6


OPEN_MEETING = Q(meetings__held_on__isnull=True, meetings__cancelled_at__isnull=True)


def _overdue(today: datetime.date) -> Case:
    """True when the agreement's next open meeting was planned before today (needs
    `next_meeting`); overdue agreements sort first (`.order_by("-overdue", ...)`)."""
    return Case(
        When(next_meeting__lt=today, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def agreement_list(*, user: User, today: datetime.date) -> QuerySet[Agreement]:
    return (
        Agreement.objects.visible_to(user)
        .for_list()
        .annotate(
            next_meeting=Min("meetings__planned_date", filter=OPEN_MEETING),
            last_held=Max("meetings__held_on"),
        )
        .annotate(overdue=_overdue(today))
    )


@dataclass
class FollowUps:
    overdue: list[FollowUpMeeting]
    due: list[FollowUpMeeting]
    held: list[FollowUpMeeting]
    # The first planned meeting after the due window, for when nothing falls in it.
    later: FollowUpMeeting | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.due or self.held)


def my_follow_ups(*, user: User, today: datetime.date) -> FollowUps:
    """The meetings of the agreements this person is the fixed contact for: overdue, due in
    the next 30 days, held in the last 90 days, and the first one planned after the 30 days
    (one query)."""
    window_end = today + datetime.timedelta(DUE_SOON_DAYS)
    # A signed agreement's start-up meeting counts too: it is booked before activation.
    theirs = FollowUpMeeting.objects.filter(
        agreement__fixed_contact=user,
        agreement__status__in=[Agreement.Status.SIGNED, Agreement.Status.ACTIVE],
    )
    is_open = Q(held_on__isnull=True, cancelled_at__isnull=True)
    first_later = (
        theirs.filter(is_open, planned_date__gt=window_end)
        .order_by("planned_date")
        .values("planned_date")[:1]
    )
    meetings = (
        theirs.select_related("agreement__employer")
        .filter(
            (is_open & Q(planned_date__lte=window_end))
            | (is_open & Q(planned_date=Subquery(first_later)))
            | Q(held_on__gte=today - datetime.timedelta(RECENTLY_HELD_DAYS))
        )
        .order_by("planned_date", "id")
    )
    overdue, due, held, later = [], [], [], []
    for meeting in meetings:
        if meeting.is_held:
            held.append(meeting)
        elif meeting.planned_date < today:
            overdue.append(meeting)
        elif meeting.planned_date <= window_end:
            due.append(meeting)
        else:
            later.append(meeting)
    held.sort(key=lambda m: m.held_on, reverse=True)
    return FollowUps(overdue=overdue, due=due, held=held, later=later[0] if later else None)


def county_follow_up(*, user: User, today: datetime.date, only_lapsed: bool):
    """Agreements in force in the user's scope with meetings held vs planned (due so far in
    the last 12 months), the day of the last held meeting and the next planned one;
    `only_lapsed` keeps those without a held meeting in the last six months or with an overdue
    meeting. Overdue first."""
    year_ago = today - relativedelta(years=1)
    in_window = Q(meetings__planned_date__gt=year_ago, meetings__planned_date__lte=today)
    agreements = (
        Agreement.objects.visible_to(user)
        .filter(status=Agreement.Status.ACTIVE)
        .select_related("employer", "county", "fixed_contact")
        .annotate(
            last_held=Max("meetings__held_on"),
            next_meeting=Min("meetings__planned_date", filter=OPEN_MEETING),
            since=Coalesce("last_held", "plan_anchor"),
            planned_count=Count("meetings", filter=in_window),
            held_count=Count("meetings", filter=in_window & Q(meetings__held_on__isnull=False)),
        )
    )
    agreements = agreements.annotate(overdue=_overdue(today))
    if only_lapsed:
        lapsed = Q(since__lt=today - relativedelta(months=COUNTY_WINDOW_MONTHS))
        agreements = agreements.filter(lapsed | Q(overdue=True))
    return agreements.order_by("-overdue", "since", "employer__name", "id")


def first_signed_on(employer_id: int) -> datetime.date | None:
    """When the employer first signed an agreement (any status since), or None."""
    return Agreement.objects.filter(employer_id=employer_id, signed_on__isnull=False).aggregate(
        first=Min("signed_on")
    )["first"]
