"""Pages with personal data must not be kept by the browser or a proxy (issue 15 item 8)."""

from django.utils.cache import patch_cache_control


class NoStoreMiddleware:
    """Every page the app renders (static files are served by whitenoise before this runs)
    says `Cache-Control: no-store`: candidate data appears on lists, details, exports, the
    home page and the candidate's consent page, and a rule per page would be forgotten."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_cache_control(response, no_store=True, private=True)
        return response
