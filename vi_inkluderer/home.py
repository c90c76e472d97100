"""What each role sees on its home page: the things to act on today, newest first.

Each section is a template plus its context; apps add sections as their features land.
"""

import datetime

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import County, MeasureProvider, Region, Role, User
from agreements.selectors import my_follow_ups
from candidates.models import AuditRecord
from candidates.selectors.overview import entries_in_process, new_proposals
from candidates.selectors.register import caseload_summary, headline_counts
from candidates.services.audit import audit_candidate_reads
from core.sections import Section
from employers.models import Employer, JobOpening, Lead
from employers.selectors.dialogue import task_agenda
from notifications.models import Notification
from portal.selectors import home as portal_home

from .county_attention import county_attention

HOME_LIST_SIZE = 10


def _unread_notifications(user: User) -> Section:
    latest = list(Notification.objects.visible_to(user).unread()[:5])
    return Section("home/_notifications.html", {"notifications": latest})


def _my_employers(user: User) -> Section:
    """The employers whose fixed contact this person is: the daily starting point."""
    employers = (
        Employer.objects.visible_to(user)
        .filter(fixed_contact=user)
        .select_related("county")
        .order_by("name")
    )
    return Section("home/_my_employers.html", {"employers": employers[:10]})


def _colleagues(user: User) -> Section:
    colleagues = User.objects.filter(is_active=True).exclude(pk=user.pk)
    if user.provider_id:
        colleagues = colleagues.filter(provider_id=user.provider_id)
    elif user.office_id:
        colleagues = colleagues.filter(office_id=user.office_id)
    else:
        colleagues = colleagues.filter(county_id=user.county_id, role__in=[user.role])
    return Section("home/_colleagues.html", {"colleagues": colleagues.select_related("office")})


# The staff a county or region page counts, by the name of the count.
STAFF_COUNTED = {"contact_persons": Role.CONTACT_PERSON, "advisers": Role.ADVISER}


def _active_staff_counts() -> dict[str, Count]:
    """The active users of each STAFF_COUNTED role. distinct: the other join beside it
    (providers, regions) multiplies the user rows (join fan-out)."""
    return {
        name: Count("users", filter=Q(users__role=role, users__is_active=True), distinct=True)
        for name, role in STAFF_COUNTED.items()
    }


def _county_staff(user: User) -> Section:
    regions = (
        Region.objects.filter(county_id=user.county_id)
        .annotate(**_active_staff_counts(), provider_count=Count("providers", distinct=True))
        .order_by("name")
    )
    return Section("home/_county_staff.html", {"regions": regions, "county": user.county})


def _pilot_counties(user: User) -> Section:
    counties = County.objects.filter(is_pilot=True).annotate(
        **_active_staff_counts(), regions_count=Count("regions", distinct=True)
    )
    return Section("home/_pilot_counties.html", {"counties": counties})


def _provider(user: User) -> Section:
    provider = (
        MeasureProvider.objects.prefetch_related("measures", "regions__county")
        .filter(pk=user.provider_id)
        .first()
    )
    return Section("home/_provider.html", {"provider": provider})


def _employer_home(user: User) -> Section:
    """The employer's portal home: agreement, contact, next meeting, openings, answers due."""
    return Section("portal/_home.html", {"home": portal_home(user)})


def _my_tasks(user: User) -> Section:
    today = timezone.localdate()
    agenda = task_agenda(user=user, today=today)
    return Section("home/_my_tasks.html", {"agenda": agenda, "today": today})


def _my_follow_ups(user: User) -> Section:
    today = timezone.localdate()
    return Section(
        "home/_my_follow_ups.html",
        {"follow_ups": my_follow_ups(user=user, today=today), "today": today},
    )


def _leads_waiting(user: User) -> Section:
    leads = (
        Lead.objects.visible_to(user)
        .filter(county_id=user.county_id)
        .waiting_for_assignment()
        .select_related("employer", "suggested_by")
        .order_by("created_at")
    )
    return Section("home/_leads_waiting.html", {"leads": leads[:5], "total": leads.count()})


def _leads_assigned(user: User) -> Section:
    leads = (
        Lead.objects.filter(assigned_to=user, status=Lead.Status.ASSIGNED)
        .select_related("employer", "county")
        .order_by("assigned_at")
    )
    return Section("home/_leads_assigned.html", {"leads": leads[:5], "total": leads.count()})


def _shared_openings(user: User) -> Section:
    openings = JobOpening.objects.visible_to(user).open().in_area_of(user).for_list()
    return Section(
        "home/_shared_openings.html", {"openings": openings.order_by("-published_at")[:5]}
    )


def _my_caseload(user: User) -> Section:
    """The owner's caseload at a glance, and how many return from a pause within a week."""
    today = timezone.localdate()
    summary = caseload_summary(user, today, soon=today + datetime.timedelta(days=8))
    return Section("home/_my_caseload.html", {"summary": summary})


def _new_proposals(user: User) -> Section:
    """Proposals to the contact person's openings. No candidate names here (so no audit): the
    opening, who proposed and when; the name is on the entry page."""
    entries = list(new_proposals(user)[: HOME_LIST_SIZE + 1])
    return Section(
        "home/_new_proposals.html",
        {"entries": entries[:HOME_LIST_SIZE], "more": len(entries) > HOME_LIST_SIZE},
    )


def _candidates_in_process(user: User) -> Section:
    """The owner's own candidates on live shortlists, waiting consents first. Names are shown,
    so the read is audited (one insert, none when the list is empty)."""
    entries = list(entries_in_process(user)[: HOME_LIST_SIZE + 1])
    shown = entries[:HOME_LIST_SIZE]
    audit_candidate_reads(
        actor=user,
        candidates=[entry.candidate for entry in shown],
        action=AuditRecord.Action.LIST,
        purpose=_("Min side: kandidater i prosess"),
        path=reverse("home"),
    )
    return Section(
        "home/_candidates_in_process.html",
        {"entries": shown, "more": len(entries) > HOME_LIST_SIZE},
    )


def _candidate_counts(user: User) -> Section:
    """Counts, never people, for project leaders and national readers."""
    return Section(
        "home/_candidate_counts.html", {"counts": headline_counts(user, timezone.localdate())}
    )


def _county_dashboard(user: User) -> Section:
    return Section("home/_county_dashboard.html", county_attention(user, timezone.localdate()))


def _pending_invitations(user: User) -> Section:
    # Invited accounts have no usable password until the person follows the e-mailed link.
    pending = User.objects.filter(
        last_login__isnull=True, is_active=True, password__startswith=UNUSABLE_PASSWORD_PREFIX
    ).select_related("county")[:10]
    per_role = dict(User.objects.filter(is_active=True).values_list("role").annotate(n=Count("id")))
    roles = [(label, per_role.get(value, 0)) for value, label in Role.choices]
    return Section("home/_admin.html", {"pending": pending, "roles": roles})


SECTIONS_BY_ROLE = {
    Role.CONTACT_PERSON: [
        _my_tasks,
        _my_follow_ups,
        _unread_notifications,
        _new_proposals,
        _leads_assigned,
        _my_employers,
        _colleagues,
    ],
    Role.ADVISER: [
        _my_tasks,
        _unread_notifications,
        _my_caseload,
        _candidates_in_process,
        _shared_openings,
        _colleagues,
    ],
    Role.PROJECT_LEADER: [
        _my_tasks,
        _unread_notifications,
        _county_dashboard,
        _leads_waiting,
        _candidate_counts,
        _county_staff,
    ],
    Role.NATIONAL_READER: [_unread_notifications, _candidate_counts, _pilot_counties],
    Role.PROVIDER_STAFF: [
        _my_tasks,
        _my_follow_ups,
        _unread_notifications,
        _my_caseload,
        _candidates_in_process,
        _shared_openings,
        _my_employers,
        _provider,
        _colleagues,
    ],
    Role.EMPLOYER_USER: [_employer_home, _unread_notifications],
    Role.ADMIN: [_unread_notifications, _pending_invitations],
}


def home_sections(user: User) -> list[Section]:
    return [build(user) for build in SECTIONS_BY_ROLE[Role(user.role)]]
