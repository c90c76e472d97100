from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetencePathsConfig(AppConfig):
    name = "competence_paths"
    verbose_name = _("Kompetansehevende løp")
