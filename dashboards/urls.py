from django.urls import path

from . import views

app_name = "dashboards"

urlpatterns = [
    path("", views.county_dashboard, name="county"),
    path("last-ned/<slug:key>.<str:fmt>", views.download, name="download"),
    path("importer-piloten/", views.pilot_import, name="import"),
]
