from django.contrib import admin

from .models import Occupation, ResourceGroup, ResourceGroupMember


class ResourceGroupMemberInline(admin.TabularInline):
    model = ResourceGroupMember
    extra = 1


@admin.register(ResourceGroup)
class ResourceGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "county"]
    list_filter = ["county"]
    search_fields = ["name"]
    inlines = [ResourceGroupMemberInline]


@admin.register(ResourceGroupMember)
class ResourceGroupMemberAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "group", "email", "phone"]
    list_filter = ["organisation", "group__county"]
    list_select_related = ["group"]
    search_fields = ["name", "email"]


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    """Reference data from Statistics Norway, loaded by a migration: read-only here."""

    list_display = ["code", "name", "level"]
    list_filter = ["level"]
    search_fields = ["code", "name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
