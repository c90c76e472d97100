from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer: the activity log and the one way to change an object's state."""

    name = "core"
    verbose_name = _("Felles")
    default_auto_field = "django.db.models.BigAutoField"
