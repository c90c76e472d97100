"""Reads for the employer portal: everything goes through the candidates app's
`employer_entries(user)`, which scopes to the user's employer and the candidate's consent."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from accounts.models import User
from agreements.models import Agreement, FollowUpMeeting
from candidates.models import EmployerAssessment, Placement, ShortlistEntry, Step
from candidates.selectors.pipeline import employer_entries
from competence_paths.models import CompetencePath, PathStatus
from competence_paths.selectors import path_list
from employers.models import Employer, JobOpening

from .messages import unread_count

CLOSED_STATUSES = (JobOpening.Status.FILLED, JobOpening.Status.CANCELLED)


@dataclass
class OpeningRow:
    opening: JobOpening
    candidates: int
    waiting: int


def waiting_for_answer():
    """Presented, and the employer has not said what it thinks yet."""
    return Q(step=Step.PRESENTED) & (
        Q(employer_assessment__isnull=True)
        | Q(employer_assessment__status=EmployerAssessment.Status.ASSESSING)
    )


def own_openings(user: User):
    """The openings of the user's employer: the only ones any portal URL may name."""
    if not user.is_authenticated or not user.employer_id:
        return JobOpening.objects.none()
    return JobOpening.objects.filter(employer_id=user.acting_employer_id)


def recruitment_processes(user: User) -> tuple[list[OpeningRow], list[OpeningRow]]:
    """The openings with candidates presented to the user's employer, active ones and closed
    ones apart. Two queries."""
    counts = {
        row["shortlist__opening"]: row
        for row in employer_entries(user)
        .order_by()
        .values("shortlist__opening")
        .annotate(n=Count("id"), waiting=Count("id", filter=waiting_for_answer()))
    }
    openings = own_openings(user).filter(pk__in=counts).order_by("-created_at", "-id")
    active, closed = [], []
    for opening in openings:
        row = OpeningRow(opening, counts[opening.pk]["n"], counts[opening.pk]["waiting"])
        (closed if opening.status in CLOSED_STATUSES else active).append(row)
    return active, closed


def opening_entries(user: User, opening: JobOpening) -> list[ShortlistEntry]:
    """The candidates presented for one opening, those waiting for an answer first."""
    entries = employer_entries(user).filter(shortlist__opening=opening)
    return sorted(entries, key=lambda entry: entry.step != Step.PRESENTED)


def waiting_count(user: User) -> int:
    return employer_entries(user).filter(waiting_for_answer()).count()


@dataclass
class Home:
    employer: Employer | None
    agreement: Agreement | None
    next_meeting: FollowUpMeeting | None
    open_openings: list[JobOpening]
    waiting: int
    unread_messages: int
    paths: list[CompetencePath]


def home(user: User) -> Home:
    """The employer's home: its agreement, fixed contact, next follow-up meeting, openings that
    are still open, and how many candidates wait for an answer. A fixed number of queries."""
    employer = Employer.objects.visible_to(user).select_related("fixed_contact__office").first()
    agreements = Agreement.objects.visible_to(user).select_related("fixed_contact")
    agreement = (
        agreements.in_force().order_by("-signed_on", "-id").first()
        or agreements.order_by("-id").first()
    )
    next_meeting = (
        FollowUpMeeting.objects.visible_to(user)
        .planned()
        .filter(agreement__status__in=Agreement.IN_FORCE)
        .order_by("planned_date", "start_time")
        .first()
    )
    openings = list(
        own_openings(user).exclude(status__in=CLOSED_STATUSES).order_by("-created_at", "-id")[:10]
    )
    unread = unread_count(user, employer.pk) if employer else 0
    # The employer's planned and running paths; the path page shows only the participants who
    # agreed to share with the employer (competence_paths.permissions.participants_for).
    paths = list(
        path_list(user=user)
        .filter(status__in=(PathStatus.PLANNED, PathStatus.RUNNING))
        .order_by("planned_start", "id")[:5]
    )
    return Home(employer, agreement, next_meeting, openings, waiting_count(user), unread, paths)


@dataclass(frozen=True)
class HistoryItem:
    day: object
    text: str
    minutes: str = ""


def history(user: User) -> list[HistoryItem]:
    """What the employer and NAV have done together, newest first, in plain words: agreements
    made, signed and ended, follow-up meetings held (with the minutes the contact person chose
    to share), hires, competence paths run. Four queries."""
    items = []
    for agreement in Agreement.objects.visible_to(user).order_by("created_at"):
        items.append(
            HistoryItem(agreement.created_at.date(), _("Samarbeidet om en avtale startet"))
        )
        if agreement.signed_on:
            items.append(HistoryItem(agreement.signed_on, _("Vi inkluderer!-avtalen ble signert")))
        if agreement.end_date:
            items.append(HistoryItem(agreement.end_date, _("Avtalen ble avsluttet")))
    meetings = FollowUpMeeting.objects.visible_to(user).held()
    for meeting in meetings.only("held_on", "minutes", "minutes_shared"):
        shared = meeting.minutes if meeting.minutes_shared else ""
        items.append(HistoryItem(meeting.held_on, _("Oppfølgingsmøte med NAV"), shared))
    for placement in Placement.objects.filter(employer_id=user.acting_employer_id).only(
        "start_date", "position"
    ):
        items.append(
            HistoryItem(
                placement.start_date,
                _("En ny medarbeider begynte som %(position)s") % {"position": placement.position},
            )
        )
    paths = CompetencePath.objects.visible_to(user).filter(
        status__in=(PathStatus.RUNNING, PathStatus.COMPLETED)
    )
    for path in paths.only("title", "planned_start", "ends_on", "status"):
        title = {"title": path.title}
        items.append(
            HistoryItem(path.planned_start, _("Kompetanseløpet «%(title)s» startet") % title)
        )
        if path.status == PathStatus.COMPLETED:
            items.append(
                HistoryItem(path.ends_on, _("Kompetanseløpet «%(title)s» ble fullført") % title)
            )
    return sorted(items, key=lambda item: item.day, reverse=True)
