from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Region, User


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, region: Region) -> str:
        return f"{region.name} ({region.county.name})"


class RegionInCountyMixin:
    """For a form with `county` and `region`: the region must lie in the county."""

    def clean(self):
        cleaned = super().clean()
        region, county = cleaned.get("region"), cleaned.get("county")
        if region and county and region.county_id != county.pk:
            self.add_error("region", _("Regionen ligger ikke i valgt fylke."))
        return cleaned


class UserInviteForm(forms.ModelForm):
    """An administrator's form for a new account; the password comes from the invitation."""

    class Meta:
        model = User
        fields = ["email", "first_name", "last_name", "phone", "role"]
        fields += ["county", "region", "office", "provider"]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].lower()
