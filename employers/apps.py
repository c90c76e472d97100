from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "employers"
    verbose_name = _("Virksomheter")

    def ready(self):
        from core.activity import register_actions

        register_actions(
            {
                "employers.employer.lead": _("Virksomheten ble satt tilbake til aktuell"),
                "employers.employer.in_dialogue": _("Virksomheten kom i dialog"),
                "employers.employer.agreement": _("Virksomheten fikk avtale"),
                "employers.employer.inactive": _("Virksomheten ble satt som inaktiv"),
                "employers.lead.created": _("Tipset ble registrert"),
                "employers.lead.assigned": _("Tipset ble tildelt"),
                "employers.lead.accepted": _("Tipset ble tatt inn i dialog"),
                "employers.lead.closed": _("Tipset ble avsluttet"),
                "employers.opening.created": _("Stillingen ble registrert som utkast"),
                "employers.opening.published": _("Stillingen ble publisert"),
                "employers.opening.filled": _("Stillingen ble besatt"),
                "employers.opening.cancelled": _("Stillingen ble avlyst"),
            }
        )
