import copy

from allauth.account.admin import EmailAddressAdmin
from allauth.account.decorators import secure_admin_login
from allauth.account.models import EmailAddress
from allauth.mfa.admin import AuthenticatorAdmin
from allauth.mfa.models import Authenticator
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

# The admin site speaks for the product, not for Django.
admin.site.site_header = _("Vi inkluderer! administrasjon")
admin.site.site_title = _("Vi inkluderer! administrasjon")
admin.site.index_title = _("Administrasjon")

# The admin site signs in through the app's own login (allauth), so its lockout, rate limits
# and two-factor login apply there too; Django's own admin login form has none of them.
admin.site.login = secure_admin_login(admin.site.login)


class ConstraintErrorsForm(forms.ModelForm):
    """A form for a model from a library whose constraints carry only Django's generic
    'Begrensning «…» er brutt.': each constraint in `constraint_errors` (name: (field, message))
    is checked as the database would and, when broken, explained in Norwegian on its field.
    Django's own check then skips it (the field has an error)."""

    constraint_errors: dict[str, tuple[str, str]] = {}

    def clean(self):
        data = super().clean()
        model = self._meta.model
        row = construct_instance(self, copy.copy(self.instance))
        for constraint in model._meta.constraints:
            if constraint.name in self.constraint_errors:
                try:
                    constraint.validate(model, row)
                except ValidationError:
                    field, message = self.constraint_errors[constraint.name]
                    self.add_error(field, message)
        return data


class EmailAddressForm(ConstraintErrorsForm):
    constraint_errors = {
        "unique_verified_email": (
            "email",
            _("En annen bruker har allerede bekreftet denne e-postadressen."),
        ),
        "unique_primary_email": (
            "primary",
            _("Brukeren har allerede en primær e-postadresse. Bare én kan være primær."),
        ),
    }


class AuthenticatorForm(ConstraintErrorsForm):
    class Meta:
        labels = {
            "user": _("Bruker"),
            "type": _("Type"),
            "data": _("Data"),
            "created_at": _("Opprettet"),
            "last_used_at": _("Sist brukt"),
        }

    constraint_errors = {
        "unique_authenticator_type": (
            "type",
            _("Brukeren har allerede en innloggingsmetode av denne typen."),
        ),
    }


admin.site.unregister(EmailAddress)
admin.site.unregister(Authenticator)


@admin.register(EmailAddress)
class NorwegianEmailAddressAdmin(EmailAddressAdmin):
    form = EmailAddressForm


@admin.register(Authenticator)
class NorwegianAuthenticatorAdmin(AuthenticatorAdmin):
    """allauth's fields have no Norwegian names: the columns are named here, and the list
    filters by type only (date filters would be headed by the English field names)."""

    form = AuthenticatorForm
    list_display = ("user", "type", "created", "last_used")
    list_filter = ("type",)

    @admin.display(description=_("Opprettet"), ordering="created_at")
    def created(self, authenticator):
        return authenticator.created_at

    @admin.display(description=_("Sist brukt"), ordering="last_used_at")
    def last_used(self, authenticator):
        return authenticator.last_used_at
