from django.contrib import messages
from django.utils.translation import gettext as _

from .outbox import unpublished


class OutboxNoticeMiddleware:
    """Tells the user when the work their request asked for waits in the outbox (the queue was
    unreachable): it is saved and will be done, so there is no reason to try again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pending = []
        token = unpublished.set(pending)
        try:
            response = self.get_response(request)
            if pending and hasattr(request, "_messages"):
                messages.info(
                    request,
                    _(
                        "Endringen er lagret. Det som skal skje etterpå (e-post, søk) blir "
                        "gjort så snart bakgrunnskøen er tilgjengelig igjen."
                    ),
                )
            return response
        finally:
            unpublished.reset(token)
