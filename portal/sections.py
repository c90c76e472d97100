"""The portal's part of the employer's page for the fixed contact person: the message threads
with the employer (added to employers.sections.EMPLOYER_PAGE by PortalConfig.ready)."""

from accounts.models import User
from core.sections import Section
from employers.models import Employer

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
                (thread, thread_messages(thread)) for thread in threads if thread.opening_id
            ],
            "form": MessageForm(),
            "viewer": user,
        },
    )
