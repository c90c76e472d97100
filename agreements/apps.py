from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Avtaler")

    def ready(self):
        from . import employer_page

        employer_page.add_to_employer_page()
