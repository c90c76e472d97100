"""The portal's part of the staff pages for the fixed contact person: the message threads with
the employer, and what the employer answered about its candidates, on the employer's page
(added to employers.sections.EMPLOYER_PAGE by PortalConfig.ready), and the opening's own
thread on the opening's page (through the employers.signals.opening_page signal)."""

from django.db.models import Count

from accounts.models import User
from candidates.models import EmployerAssessment, Step
from core.sections import Section
from employers.models import Employer, JobOpening

from .forms import MessageForm
from .messages import may_take_part, thread_messages
from .models import MessageThread


def employer_messages(employer: Employer, user: User) -> Section | None:
    if not may_take_part(user, employer):
        return None
    threads = list(
        MessageThread.objects.filter(employer=employer)
        .select_related("opening")
        .order_by("opening__title", "id")
    )
    general = next((thread for thread in threads if thread.opening_id is None), None)
    return Section(
        "portal/_employer_messages.html",
        {
            "employer": employer,
            "general": thread_messages(general) if general else [],
            "opening_threads": [
                (thread, thread_messages(thread), opening_reply_form(thread.opening_id))
                for thread in threads
                if thread.opening_id
            ],
            "form": MessageForm(),
            "viewer": user,
        },
    )


def opening_reply_form(opening_id: int) -> MessageForm:
    """A reply form for one opening's thread, with ids of its own beside the other forms."""
    return MessageForm(auto_id=f"id_opening{opening_id}_%s")


def opening_thread(sender, *, opening: JobOpening, user: User, **kwargs) -> dict:
    """The opening's thread with the employer, and a reply form, on the opening's page."""
    if not may_take_part(user, opening.employer):
        return {}
    thread = MessageThread.objects.filter(employer_id=opening.employer_id, opening=opening).first()
    return {
        "messages_section": Section(
            "portal/_opening_messages.html",
            {
                "opening": opening,
                "messages_list": thread_messages(thread) if thread else [],
                "form": opening_reply_form(opening.pk),
                "viewer": user,
            },
        )
    }


def employer_answers(employer: Employer, user: User) -> Section | None:
    """What the employer has answered about the candidates presented to it, per opening: its
    own assessments and the interviews it asked for, as counts without names (the names are
    on the shortlist, which audits each view). Three queries."""
    if not may_take_part(user, employer):
        return None
    visible = EmployerAssessment.objects.filter(
        entry__shortlist__opening__employer=employer,
        entry__archived_at__isnull=True,
        gone_at__isnull=True,
    )
    counts = {}
    rows = visible.values_list("entry__shortlist__opening_id", "status").annotate(n=Count("id"))
    for opening_id, status, n in rows:
        counts.setdefault(opening_id, {})[status] = n
    if not counts:
        return None
    interviews = dict(
        visible.filter(entry__step=Step.INTERVIEW_WANTED)
        .values_list("entry__shortlist__opening_id")
        .annotate(n=Count("id"))
    )
    openings = JobOpening.objects.filter(pk__in=counts).only("title").order_by("title", "id")
    return Section(
        "portal/_employer_answers.html",
        {
            "rows": [
                {
                    "opening": opening,
                    "statuses": [
                        (label, counts[opening.pk][value])
                        for value, label in EmployerAssessment.Status.choices
                        if counts[opening.pk].get(value)
                    ],
                    "interviews": interviews.get(opening.pk, 0),
                }
                for opening in openings
            ],
        },
    )
