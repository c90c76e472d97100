"""Benchmarks for shortlists (see the `bench` command and devdata.scale.candidate_pipeline): the
pages of the contact person whose county has the biggest lists, an adviser with a big caseload. The
employer's pages are in devdata.bench.portal."""

from django.db.models import Count, Q
from django.urls import reverse

from accounts.models import User
from candidates.models import Shortlist, ShortlistEntry, Step, openings_managed_by

CONTACT = "contact_person.0.0@skala.no"
ADVISER = "adviser.0.0@skala.no"


def _busiest_shortlist() -> Shortlist:
    """The open list with the most live candidates among those the contact person works on."""
    return (
        Shortlist.objects.filter(
            opening__in=openings_managed_by(User.objects.get(email=CONTACT)), closed_at=None
        )
        .annotate(n=Count("entries", filter=Q(entries__archived_at__isnull=True)))
        .order_by("-n", "pk")
        .first()
    )


def _shortlist_url(query: str = "") -> str:
    return reverse("candidates:shortlist", args=[_busiest_shortlist().opening_id]) + query


def _entry_url() -> str:
    """An entry far along the pipeline: several events, a consent."""
    entry = (
        ShortlistEntry.objects.live()
        .filter(shortlist=_busiest_shortlist())
        .filter(step__in=[Step.PRESENTED, Step.INTERVIEW_WANTED, Step.INTERVIEW_HELD])
        .order_by("pk")
        .first()
        or ShortlistEntry.objects.live().filter(shortlist=_busiest_shortlist()).first()
    )
    return reverse("candidates:entry_detail", args=[entry.pk])


def _overview_url(query: str = "") -> str:
    return reverse("candidates:shortlist_overview") + query


SCENARIOS = [
    ("shortlist: board (biggest list)", CONTACT, _shortlist_url),
    ("shortlist: table (biggest list)", CONTACT, lambda: _shortlist_url("?vis=tabell")),
    ("shortlist: entry detail", CONTACT, _entry_url),
    ("shortlist: overview (contact person)", CONTACT, lambda: _overview_url()),
    (
        "shortlist: overview, new proposals",
        CONTACT,
        lambda: _overview_url("?nye=on"),
    ),
    ("home: adviser (candidates in process)", ADVISER, lambda: "/"),
]
