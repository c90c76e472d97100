from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CandidatesConfig(AppConfig):
    name = "candidates"
    verbose_name = _("Kandidater")

    def ready(self):
        from . import employer_page, signals

        signals.connect()
        employer_page.add_to_employer_page()
