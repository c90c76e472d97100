from django.apps import AppConfig


class DevdataConfig(AppConfig):
    """Development data: the demo world (`seed_demo`), national-scale data (`seed_scale`) and
    the page benchmark (`bench`). Top layer: it may import every app, no app imports it."""

    name = "devdata"
    verbose_name = "Development data"
