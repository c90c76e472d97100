import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vi_inkluderer.settings")

app = Celery("vi_inkluderer")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
