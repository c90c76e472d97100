import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vi_inkluderer.settings")

app = Celery("vi_inkluderer")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Consent tasks live beside the search tasks of the same app, in their own module.
app.autodiscover_tasks(lambda: ["candidates"], related_name="tasks_consent")
