from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Avtaler")

    def ready(self):
        from . import employer_page

        employer_page.add_to_employer_page()

        from core.activity import register_actions

        register_actions(
            {
                "agreements.agreement.created": _("Avtalen ble opprettet"),
                "agreements.agreement.signed": _("Avtalen ble signert"),
                "agreements.agreement.activated": _("Avtalen ble aktiv"),
                "agreements.agreement.ended": _("Avtalen ble avsluttet"),
            }
        )
