from django.contrib import admin

from .models import AuditRecord

# Candidates are deliberately not in the admin site: every read of their personal data goes
# through the app's views, which write audit records. The audit log itself is read-only here.


@admin.register(AuditRecord)
class AuditRecordAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "candidate_id", "purpose", "path"]
    list_filter = ["action"]
    search_fields = ["candidate__id", "actor__email"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
