from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = _("Kandidater")

    def ready(self):
        from core.activity import register_actions

        from . import employer_page, signals

        signals.connect()
        employer_page.add_to_employer_page()
        register_actions(
            {
                "candidates.assessment.changed": _("Virksomheten endret sin vurdering"),
                "candidates.assessment.removed": _(
                    "Virksomheten fjernet kandidaten fra sin visning"
                ),
            }
        )
