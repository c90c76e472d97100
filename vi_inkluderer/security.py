"""Response headers and request limits that hold for every page (README: Configuration)."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import get_template


class PermissionsPolicyMiddleware:
    """The browser may not give any page camera, microphone, location, payment or similar
    powers: the app uses none of them (settings.PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response


class RequestBodyLimitMiddleware:
    """A request body larger than REQUEST_BODY_MAX_BYTES (room for the largest upload, a
    signed agreement) is refused with 413 before anything reads it. Django's own
    DATA_UPLOAD_MAX_MEMORY_SIZE leaves file parts out, so it cannot cap an upload."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_BODY_MAX_BYTES:
            # No request context: the session and the user are not loaded yet.
            mb = settings.AGREEMENT_UPLOAD_MAX_BYTES // 2**20
            return HttpResponse(get_template("413.html").render({"mb": mb}), status=413)
        return self.get_response(request)
