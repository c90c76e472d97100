"""The rolling plan of follow-up meetings: always twelve months ahead, 2–4 a year."""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from core.outbox import enqueue

from ..models import Agreement, FollowUpMeeting, RecruitmentNeed

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


def with_content(meetings: QuerySet[FollowUpMeeting]) -> QuerySet[FollowUpMeeting]:
    """Meetings someone has put something into: an agenda, a place, participants, a
    recruitment need, or an invitation that went out."""
    has_need = Exists(RecruitmentNeed.objects.filter(meeting=OuterRef("pk")))
    return meetings.filter(
        ~Q(agenda="")
        | ~Q(location="")
        | ~Q(nav_participants="")
        | ~Q(employer_participants="")
        | ~Q(provider_participants="")
        | Q(invited_sequence__isnull=False)
        | has_need
    )


@dataclass
class PlanChange:
    """What replacing the plan ahead would do: empty meetings deleted, meetings with content
    cancelled (kept, with a calendar cancellation to those invited), new days planned."""

    deleted: list[FollowUpMeeting]
    cancelled: list[FollowUpMeeting]
    new_dates: list[datetime.date]

    @property
    def changes_anything(self) -> bool:
        return bool(self.deleted or self.cancelled or self.new_dates)


def _ahead_in_plan(agreement: Agreement, today: datetime.date) -> QuerySet[FollowUpMeeting]:
    return agreement.meetings.planned().filter(plan_date__isnull=False, planned_date__gt=today)


def plan_change_preview(*, agreement: Agreement, per_year: int, today: datetime.date) -> PlanChange:
    """Reads only: what plan_restart would do with `per_year` meetings a year from today."""
    ahead = _ahead_in_plan(agreement, today)
    cancelled = list(with_content(ahead))
    deleted = list(ahead.exclude(pk__in=[meeting.pk for meeting in cancelled]))
    until = today + relativedelta(months=PLAN_MONTHS_AHEAD)
    new_dates = list(plan_dates(anchor=today, per_year=per_year, until=until))
    return PlanChange(deleted=deleted, cancelled=cancelled, new_dates=new_dates)


def meetings_retire(meetings: QuerySet[FollowUpMeeting]) -> tuple[int, int]:
    """Take planned meetings out of the plan: empty ones are deleted; those with content are
    cancelled and keep their record, and whoever was invited gets a calendar cancellation.
    Returns (deleted, cancelled)."""
    from ..tasks import send_meeting_invitation

    keep = list(with_content(meetings).select_for_update(of=("self",)))
    now = timezone.now()
    for meeting in keep:
        meeting.cancelled_at = now
        # Out of the plan's slots, so planning the same day again is possible.
        meeting.plan_date = None
        fields = ["cancelled_at", "plan_date", "updated_at"]
        if meeting.was_invited:
            meeting.ics_sequence += 1
            fields.append("ics_sequence")
        meeting.save(update_fields=fields)
        if meeting.was_invited:
            enqueue(send_meeting_invitation, meeting.pk)
    deleted, _by_model = meetings.exclude(pk__in=[meeting.pk for meeting in keep]).delete()
    return deleted, len(keep)


@transaction.atomic
def plan_restart(*, agreement: Agreement, today: datetime.date) -> int:
    """After a change of meetings per year: take the planned meetings still ahead out of the
    plan (meetings_retire) and plan again from today."""
    meetings_retire(_ahead_in_plan(agreement, today))
    agreement.plan_anchor = today
    agreement.save(update_fields=["plan_anchor", "updated_at"])
    return plan_extend(agreement=agreement, today=today)


def plans_extend_all(*, today: datetime.date) -> int:
    """Beat, daily: keep every active agreement's plan twelve months ahead. Agreements imported
    from the pilot's spreadsheets are history and get no plan."""
    added = 0
    active = Agreement.objects.filter(status=Agreement.Status.ACTIVE, import_ref__isnull=True)
    for agreement in active.iterator():
        with transaction.atomic():
            added += plan_extend(agreement=agreement, today=today)
    return added
