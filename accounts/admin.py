from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .forms import UserInviteForm
from .models import County, Measure, MeasureProvider, NavOffice, Region, User
from .services import user_invite, user_send_invitation


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ["name", "number", "is_pilot"]
    list_filter = ["is_pilot"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "county"]
    list_filter = ["county"]
    search_fields = ["name"]


@admin.register(NavOffice)
class NavOfficeAdmin(admin.ModelAdmin):
    list_display = ["name", "county", "region"]
    list_filter = ["county"]
    list_select_related = ["county", "region"]
    search_fields = ["name"]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]


@admin.register(MeasureProvider)
class MeasureProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "orgnr", "procurement"]
    list_filter = ["procurement", "measures"]
    search_fields = ["name", "orgnr"]
    filter_horizontal = ["measures", "regions"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "role", "county", "is_active", "last_login"]
    list_filter = ["role", "county", "is_active"]
    list_select_related = ["county"]
    search_fields = ["email", "first_name", "last_name"]
    autocomplete_fields = ["region", "office", "provider"]
    actions = ["send_invitation"]
    add_form = UserInviteForm
    fieldsets = [
        (None, {"fields": ["email", "first_name", "last_name", "phone", "role"]}),
        (_("Tilhørighet"), {"fields": ["county", "region", "office", "provider"]}),
        (_("Status"), {"fields": ["is_active", "last_login", "date_joined"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]
    # New accounts get no password here: the person sets one from the invitation e-mail. The
    # form is the person and where they belong, without the status section.
    add_fieldsets = fieldsets[:2]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            user_invite(user=obj, invited_by=request.user)

    @admin.action(description=_("Send invitasjon på nytt"))
    def send_invitation(self, request, queryset):
        for user in queryset:
            user_send_invitation(user=user, invited_by=request.user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("Invitasjon sendt til %d bruker.", "Invitasjon sendt til %d brukere.", count)
            % count,
            messages.SUCCESS,
        )
