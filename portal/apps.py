from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal for virksomheter")

    def ready(self):
        from core.activity import register_actions

        register_actions({"portal.terms.accepted": _("Godtok bruksvilkårene for kandidater")})
