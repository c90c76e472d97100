from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetencePathsConfig(AppConfig):
    name = "competence_paths"
    verbose_name = _("Kompetansehevende løp")

    def ready(self):
        from core.activity import register_actions

        from . import signals
        from .sections import register

        register()
        signals.connect()

        register_actions(
            {
                "competence_paths.path.created": _("Løpet ble opprettet"),
                "competence_paths.path.edited": _("Løpet ble endret"),
                "competence_paths.path.saved_as_template": _("Løpet ble lagret som mal"),
                "competence_paths.path.opening_created": _(
                    "Løpet fikk sin egen stilling for utvelgelsen"
                ),
                "competence_paths.path.draft": _("Løpet ble satt tilbake til utkast"),
                "competence_paths.path.planned": _("Løpet ble planlagt"),
                "competence_paths.path.running": _("Løpet startet"),
                "competence_paths.path.completed": _("Løpet ble fullført"),
                "competence_paths.path.cancelled": _("Løpet ble avlyst"),
                "competence_paths.participant.added": _("Kandidaten ble tatt med i løpet"),
                "competence_paths.participant.progress": _("Framdrift i et trinn ble registrert"),
                "competence_paths.participant.assessing": _("Deltakeren vurderes"),
                "competence_paths.participant.waiting": _("Deltakeren venter på oppstart"),
                "competence_paths.participant.taking_part": _("Deltakeren deltar"),
                "competence_paths.participant.completed": _("Deltakeren fullførte løpet"),
                "competence_paths.participant.dropped_out": _("Deltakeren avbrøt løpet"),
                "competence_paths.participant.not_relevant": _("Deltakeren er ikke aktuell"),
                "competence_paths.participant.outcome_hired": _("Deltakeren ble ansatt"),
                "competence_paths.participant.outcome_not_hired": _("Deltakeren ble ikke ansatt"),
                "competence_paths.participant.outcome_in_progress": _(
                    "Utfallet er satt til «under arbeid»"
                ),
            }
        )
