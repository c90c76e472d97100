from django import forms

from .models import User


class UserInviteForm(forms.ModelForm):
    """An administrator's form for a new account; the password comes from the invitation."""

    class Meta:
        model = User
        fields = ["email", "first_name", "last_name", "phone", "role"]
        fields += ["county", "region", "office", "provider"]

    def clean_email(self) -> str:
        return self.cleaned_data["email"].lower()
