from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ViInkludererConfig(AppConfig):
    name = "vi_inkluderer"

    def ready(self):
        from .dbroles import grant_after_migrate

        post_migrate.connect(grant_after_migrate, dispatch_uid="vi_inkluderer.dbroles")
