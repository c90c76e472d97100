from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = _("Kandidater")

    def ready(self):
        from core.activity import register_actions
        from notifications.subjects import register_subject_namer

        from . import employer_page, signals
        from .models import ShortlistEntry
        from .notices import entry_candidate_names

        signals.connect()
        register_subject_namer(ShortlistEntry, entry_candidate_names)
        employer_page.add_to_employer_page()
        register_actions(
            {
                "candidates.entry.added": _("Lagt på listen"),
                "candidates.entry.moved": _("Flyttet"),
                "candidates.entry.consent_asked": _("Eieren ble bedt om å innhente samtykke"),
                "candidates.entry.archived": _("Fjernet fra listen"),
                "candidates.entry.restored": _("Lagt tilbake på listen"),
                "candidates.entry.noted": _("Merknad"),
                "candidates.consent.requested": _("Samtykke ble etterspurt"),
                "candidates.consent.recorded": _("Samtykke gitt i møte ble registrert"),
                "candidates.consent.given": _("Kandidaten samtykket"),
                "candidates.consent.declined": _("Kandidaten takket nei"),
                "candidates.consent.expired": _("Svarfristen gikk ut"),
                "candidates.consent.withdrawn": _("Samtykket ble trukket tilbake"),
                "candidates.assessment.changed": _("Virksomheten endret sin vurdering"),
                "candidates.assessment.removed": _(
                    "Virksomheten fjernet kandidaten fra sin visning"
                ),
            }
        )
