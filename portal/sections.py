"""The portal's part of the staff pages for the fixed contact person: the message threads with
the employer on the employer's page (added to employers.sections.EMPLOYER_PAGE by
PortalConfig.ready), and the opening's own thread on the opening's page (through the
employers.signals.opening_page signal)."""

from accounts.models import User
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
