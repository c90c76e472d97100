"""Reads for the agreement pages: each list is one annotated query."""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Max, Min, Q, QuerySet
from django.db.models.functions import Coalesce

from accounts.models import User

from .models import Agreement, FollowUpMeeting

RECENTLY_HELD_DAYS = 90
DUE_SOON_DAYS = 30
COUNTY_WINDOW_MONTHS = 6


def agreement_list(*, user: User) -> QuerySet[Agreement]:
    return (
        Agreement.objects.visible_to(user)
        .for_list()
        .annotate(
            next_meeting=Min(
                "meetings__planned_date",
                filter=Q(meetings__held_on__isnull=True, meetings__cancelled_at__isnull=True),
            ),
            last_held=Max("meetings__held_on"),
        )
    )


@dataclass
class FollowUps:
    overdue: list[FollowUpMeeting]
    due: list[FollowUpMeeting]
    held: list[FollowUpMeeting]

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.due or self.held)


def my_follow_ups(*, user: User, today: datetime.date) -> FollowUps:
    """The meetings of the agreements this person is the fixed contact for: overdue, due in
    the next 30 days, and held in the last 90 days."""
    meetings = (
        FollowUpMeeting.objects.filter(
            agreement__fixed_contact=user, agreement__status=Agreement.Status.ACTIVE
        )
        .select_related("agreement__employer")
        .filter(
            Q(
                held_on__isnull=True,
                cancelled_at__isnull=True,
                planned_date__lte=today + datetime.timedelta(DUE_SOON_DAYS),
            )
            | Q(held_on__gte=today - datetime.timedelta(RECENTLY_HELD_DAYS))
        )
        .order_by("planned_date", "id")
    )
    overdue, due, held = [], [], []
    for meeting in meetings:
        if meeting.is_held:
            held.append(meeting)
        elif meeting.planned_date < today:
            overdue.append(meeting)
        else:
            due.append(meeting)
    held.sort(key=lambda m: m.held_on, reverse=True)
    return FollowUps(overdue=overdue, due=due, held=held)


def county_follow_up(*, user: User, today: datetime.date, only_lapsed: bool):
    """Agreements in force in the user's scope with meetings held vs planned (due so far in
    the last 12 months), and the day of the last held meeting; `only_lapsed` keeps those
    without a held meeting in the last six months."""
    year_ago = today - relativedelta(years=1)
    in_window = Q(meetings__planned_date__gt=year_ago, meetings__planned_date__lte=today)
    agreements = (
        Agreement.objects.visible_to(user)
        .filter(status=Agreement.Status.ACTIVE)
        .select_related("employer", "county", "fixed_contact")
        .annotate(
            last_held=Max("meetings__held_on"),
            since=Coalesce("last_held", "plan_anchor"),
            planned_count=Count("meetings", filter=in_window),
            held_count=Count("meetings", filter=in_window & Q(meetings__held_on__isnull=False)),
        )
    )
    if only_lapsed:
        agreements = agreements.filter(since__lt=today - relativedelta(months=COUNTY_WINDOW_MONTHS))
    return agreements.order_by("since", "employer__name", "id")


def first_signed_on(employer_id: int) -> datetime.date | None:
    """When the employer first signed an agreement (any status since), or None."""
    return Agreement.objects.filter(employer_id=employer_id, signed_on__isnull=False).aggregate(
        first=Min("signed_on")
    )["first"]
