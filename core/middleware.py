from django.contrib import messages
from django.http import HttpResponseBadRequest
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


class RejectNulBytesMiddleware:
    """A NUL byte cannot be stored in PostgreSQL text and no one types one: a query string or
    form value that carries one is answered 400 with a plain message instead of failing deep
    in a query."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request.GET) or (request.method == "POST" and _posted_nul(request)):
            return HttpResponseBadRequest(
                _("Adressen eller skjemaet inneholder et ugyldig tegn (NUL).").encode()
            )
        return self.get_response(request)


def _has_nul(query_dict) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in query_dict.lists()
    )


def _posted_nul(request) -> bool:
    # Only plain forms: reading a multipart body here would fix its upload handlers before the
    # view can set them; text fields there are checked by the form's own NUL validator.
    return request.content_type == "application/x-www-form-urlencoded" and _has_nul(request.POST)
