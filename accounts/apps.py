from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Brukere og organisasjon")

    def ready(self):
        # Connects the sign-in receiver that starts a session's time limits.
        from . import middleware  # noqa: F401
