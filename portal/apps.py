from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal for virksomheter")

    def ready(self):
        from core.activity import register_actions
        from employers.sections import EMPLOYER_PAGE
        from employers.signals import opening_page

        from .sections import employer_answers, employer_messages, opening_thread

        # The fixed contact person reads and answers the employer's messages on its page, and
        # an opening's own thread on the opening's page too.
        EMPLOYER_PAGE.add(employer_messages)
        # What the employer answered about its candidates, just above the messages.
        EMPLOYER_PAGE.add(employer_answers, before=employer_messages)
        opening_page.connect(opening_thread, dispatch_uid="portal-opening-thread")

        register_actions(
            {
                "portal.terms.accepted": _("Godtok bruksvilkårene for kandidater"),
                "portal.user.invited": _("Inviterte en bruker til portalen"),
                "portal.user.deactivated": _("Deaktiverte en bruker i portalen"),
                "portal.user.units_granted": _("Endret hvilke underenheter en bruker har"),
                "portal.user.admin_granted": _("Gjorde en bruker til administrator i portalen"),
                "portal.user.admin_revoked": _("Fjernet en bruker som administrator i portalen"),
            }
        )
