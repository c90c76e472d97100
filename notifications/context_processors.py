from django.utils.functional import SimpleLazyObject

from .models import Notification


def unread_notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # Lazy: pages that do not render the header (htmx partials) do not pay for the query.
    return {
        "unread_notification_count": SimpleLazyObject(
            lambda: Notification.objects.visible_to(user).unread().count()
        )
    }
