"""The rolling plan of follow-up meetings: always twelve months ahead, 2–4 a year."""

import datetime

from dateutil.relativedelta import relativedelta
from django.db import transaction

from ..models import Agreement, FollowUpMeeting

PLAN_MONTHS_AHEAD = 12


def months_between_meetings(per_year: int) -> int:
    return 12 // per_year


def plan_dates(*, anchor: datetime.date, per_year: int, until: datetime.date):
    """The plan's meeting days after `anchor` up to `until`. Each is counted from the anchor
    (not from the previous meeting), so 31 January gives 30 April and then 31 July."""
    step = months_between_meetings(per_year)
    number = 1
    while (day := anchor + relativedelta(months=step * number)) <= until:
        yield day
        number += 1


def plan_extend(*, agreement: Agreement, today: datetime.date) -> int:
    """Add the plan's meetings up to twelve months from `today`; returns how many were new.
    A slot that exists already (even if moved to another day) is never created again."""
    until = today + relativedelta(months=PLAN_MONTHS_AHEAD)
    existing = set(
        agreement.meetings.filter(plan_date__isnull=False).values_list("plan_date", flat=True)
    )
    meetings = [
        FollowUpMeeting(agreement=agreement, plan_date=day, planned_date=day)
        for day in plan_dates(
            anchor=agreement.plan_anchor, per_year=agreement.follow_ups_per_year, until=until
        )
        if day not in existing
    ]
    # A concurrent run may add the same slot; the unique constraint keeps one.
    FollowUpMeeting.objects.bulk_create(meetings, ignore_conflicts=True)
    return len(meetings)


@transaction.atomic
def plan_restart(*, agreement: Agreement, today: datetime.date) -> int:
    """After a change of meetings per year: drop the planned meetings still ahead and plan
    again from today."""
    agreement.meetings.planned().filter(plan_date__isnull=False, planned_date__gt=today).delete()
    agreement.plan_anchor = today
    agreement.save(update_fields=["plan_anchor", "updated_at"])
    return plan_extend(agreement=agreement, today=today)


def plans_extend_all(*, today: datetime.date) -> int:
    """Beat, daily: keep every active agreement's plan twelve months ahead."""
    added = 0
    for agreement in Agreement.objects.filter(status=Agreement.Status.ACTIVE).iterator():
        with transaction.atomic():
            added += plan_extend(agreement=agreement, today=today)
    return added
