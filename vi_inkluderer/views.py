from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.utils.http import url_has_allowed_host_and_scheme

from .home import home_sections


def home(request):
    return render(request, "home.html", {"sections": home_sections(request.user)})


def healthz(request):
    """For load balancers and docker-compose: the app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No request context: the failure may come from the database or a context processor.
    return HttpResponse(get_template("500.html").render(), status=500)


def csrf_failure(request, reason=""):
    """A form from a page too old to be trusted (the session changed since it was opened).
    What the user typed is kept in the browser (static/js/drafts.js); the way back to the
    form brings it back."""
    back = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = ""
    return render(request, "403_csrf.html", {"back": back}, status=403)
