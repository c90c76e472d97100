from django.contrib import admin

from .models import AgreementTemplate, CountySigningPolicy


@admin.register(CountySigningPolicy)
class CountySigningPolicyAdmin(admin.ModelAdmin):
    """Counties decide when an agreement may be signed; administrators keep that here."""

    list_display = ["county", "kind"]
    list_editable = ["kind"]
    list_select_related = ["county"]


@admin.register(AgreementTemplate)
class AgreementTemplateAdmin(admin.ModelAdmin):
    """A new version is a new row: saved versions are read-only, so signed agreements keep
    the text they were made from."""

    list_display = ["version", "title", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return [field.name for field in self.model._meta.fields]
