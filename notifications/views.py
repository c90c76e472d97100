from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import Notification
from .services import notification_mark_read, notifications_mark_all_read
from .subjects import attach_subject_names


def notification_list(request):
    notifications = Notification.objects.visible_to(request.user)
    show = request.GET.get("vis", "alle")
    if show == "uleste":
        notifications = notifications.unread()
    page = Paginator(notifications, 25).get_page(request.GET.get("side"))
    attach_subject_names(request.user, page.object_list)
    return render(request, "notifications/list.html", {"page": page, "show": show})


@require_POST
def notification_open(request, pk: int):
    notification = get_object_or_404(Notification.objects.visible_to(request.user), pk=pk)
    notification_mark_read(notification=notification)
    if notification.link and url_has_allowed_host_and_scheme(
        notification.link, allowed_hosts={request.get_host()}
    ):
        return redirect(notification.link)
    return redirect("notifications:list")


@require_POST
def notification_mark_all_read(request):
    count = notifications_mark_all_read(user=request.user)
    messages.success(request, _("%(count)d varsler er merket som lest.") % {"count": count})
    return redirect("notifications:list")
