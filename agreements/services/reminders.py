"""Reminders from Celery beat: to the fixed contact 14 and 2 days before a planned meeting and
when it is overdue, and to the county's project leaders when an agreement has had no held
meeting for more than six months. Days are counted in Europe/Oslo."""

import datetime

from dateutil.relativedelta import relativedelta
from django.db.models import Exists, Max, OuterRef
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Role, User
from notifications.services import remind_once

from ..models import Agreement, FollowUpMeeting, Reminder

BEFORE_FIRST_DAYS = 14
BEFORE_LAST_DAYS = 2
NO_MEETING_MONTHS = 6


def meeting_reminder_kind(planned: datetime.date, today: datetime.date) -> str | None:
    """Which reminder is due today for a meeting planned on `planned`, if any. A meeting
    planned less than 14 days ahead gets only the 2-day reminder."""
    days_left = (planned - today).days
    if days_left < 0:
        return Reminder.Kind.OVERDUE
    if days_left <= BEFORE_LAST_DAYS:
        return Reminder.Kind.BEFORE_2_DAYS
    if days_left <= BEFORE_FIRST_DAYS:
        return Reminder.Kind.BEFORE_14_DAYS
    return None


def _remind(
    *, kind: str, agreement: Agreement, meeting, due_on, recipient: User, title: str, link: str
) -> bool:
    return remind_once(
        Reminder,
        recipient=recipient,
        title=title,
        link=link,
        kind=kind,
        agreement=agreement,
        meeting=meeting,
        due_on=due_on,
    )


def _meeting_reminders(today: datetime.date) -> int:
    meetings = (
        FollowUpMeeting.objects.planned()
        .filter(
            agreement__status=Agreement.Status.ACTIVE,
            planned_date__lte=today + datetime.timedelta(days=BEFORE_FIRST_DAYS),
        )
        .select_related("agreement__employer", "agreement__fixed_contact")
    )
    # A meeting already reminded as overdue is done with; the rest are checked one by one.
    overdue_sent = Reminder.objects.filter(meeting=OuterRef("pk"), kind=Reminder.Kind.OVERDUE)
    sent = 0
    for meeting in meetings.exclude(Exists(overdue_sent)):
        kind = meeting_reminder_kind(meeting.planned_date, today)
        if (
            kind is None
            or Reminder.objects.filter(
                meeting=meeting, kind=kind, due_on=meeting.planned_date
            ).exists()
        ):
            continue
        agreement = meeting.agreement
        contact = agreement.fixed_contact
        if not contact.is_active:
            continue
        sent += _remind(
            kind=kind,
            agreement=agreement,
            meeting=meeting,
            due_on=meeting.planned_date,
            recipient=contact,
            title=_meeting_title(kind, meeting),
            link=reverse("agreements:meeting_detail", args=[meeting.pk]),
        )
    return sent


def _meeting_title(kind: str, meeting: FollowUpMeeting) -> str:
    values = {
        "name": meeting.agreement.display_name,
        "date": date_format(meeting.planned_date),
    }
    if kind == Reminder.Kind.OVERDUE:
        return _("Oppfølgingsmøtet med %(name)s %(date)s er ikke registrert som holdt") % values
    return _("Påminnelse: oppfølgingsmøte med %(name)s %(date)s") % values


def agreements_without_recent_meeting(today: datetime.date):
    """Active agreements whose last held meeting (or activation, if none) is more than six
    months ago, annotated with that day as `since`."""
    return (
        Agreement.objects.filter(status=Agreement.Status.ACTIVE)
        .annotate(
            last_held=Max("meetings__held_on"),
            since=Coalesce("last_held", "plan_anchor"),
        )
        .filter(since__lt=today - relativedelta(months=NO_MEETING_MONTHS))
    )


def _leader_reminders(today: datetime.date) -> int:
    agreements = agreements_without_recent_meeting(today).select_related("employer")
    leaders_by_county: dict[int, list[User]] = {}
    for leader in User.objects.filter(role=Role.PROJECT_LEADER, is_active=True):
        leaders_by_county.setdefault(leader.county_id, []).append(leader)
    sent = 0
    for agreement in agreements:
        due_on = agreement.since + relativedelta(months=NO_MEETING_MONTHS)
        reminded = set(
            Reminder.objects.filter(
                agreement=agreement, kind=Reminder.Kind.NO_MEETING, due_on=due_on
            ).values_list("recipient_id", flat=True)
        )
        title = _("%(name)s har ikke hatt oppfølgingsmøte siden %(date)s") % {
            "name": agreement.display_name,
            "date": date_format(agreement.since),
        }
        for leader in leaders_by_county.get(agreement.county_id, []):
            if leader.pk in reminded:
                continue
            sent += _remind(
                kind=Reminder.Kind.NO_MEETING,
                agreement=agreement,
                meeting=None,
                due_on=due_on,
                recipient=leader,
                title=title,
                link=reverse("agreements:detail", args=[agreement.pk]),
            )
    return sent


def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Send every reminder that is due; returns how many went out now. Safe to run twice or
    in parallel: each (subject, kind, day, recipient) is sent at most once."""
    today = timezone.localdate(now or timezone.now())
    return _meeting_reminders(today) + _leader_reminders(today)
