from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Notification


class UncertainEmailFilter(admin.SimpleListFilter):
    """E-mails whose sending was claimed but never confirmed: the worker died mid-send, so
    whether they went out is unknown and they are not resent automatically (core.mail)."""

    title = _("e-post")
    parameter_name = "epost"

    def lookups(self, request, model_admin):
        return [("usikker", _("Usikker: sending startet, ikke bekreftet"))]

    def queryset(self, request, queryset):
        if self.value() == "usikker":
            return queryset.filter(email_claimed_at__isnull=False, emailed_at__isnull=True)
        return queryset


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "created_at", "read_at", "emailed_at"]
    list_select_related = ["recipient"]
    search_fields = ["title", "recipient__email"]
    date_hierarchy = "created_at"
    list_filter = ["send_email", UncertainEmailFilter]
