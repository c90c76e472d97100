"""The county project leader's home-page section: this year's signed agreements and what needs
attention, linking to the dashboard (the hires are in the candidate counts section beside it).
Here rather than in dashboards: the project layer's apps do not import each other."""

import datetime

from django.db.models import Exists, OuterRef

from agreements.models import Agreement, FollowUpMeeting
from candidates.models import ShortlistEntry
from employers.models import JobOpening, Lead

STALE_DAYS = 14


def county_attention(user, today: datetime.date) -> dict:
    cutoff = today - datetime.timedelta(days=STALE_DAYS)
    has_proposal = ShortlistEntry.objects.filter(shortlist__opening=OuterRef("pk"))
    return {
        "signed": Agreement.objects.filter(
            county_id=user.county_id,
            signed_on__gte=datetime.date(today.year, 1, 1),
            signed_on__lte=today,
        ).count(),
        "overdue_meetings": FollowUpMeeting.objects.planned()
        .filter(
            agreement__county_id=user.county_id,
            agreement__status="active",
            planned_date__lt=today,
        )
        .count(),
        "stale_leads": Lead.objects.filter(county_id=user.county_id, created_at__date__lt=cutoff)
        .waiting_for_assignment()
        .count(),
        "openings_without_proposals": JobOpening.objects.filter(
            employer__county_id=user.county_id,
            status=JobOpening.Status.OPEN,
            published_at__date__lt=cutoff,
        )
        .exclude(Exists(has_proposal))
        .count(),
        "year": today.year,
    }
