from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("konto/", include("allauth.urls")),
    path("varsler/", include("notifications.urls")),
    path("virksomheter/", include("employers.urls")),
    path("avtaler/", include("agreements.urls")),
    path("kandidater/", include("candidates.urls")),
    path("dashbord/", include("dashboards.urls")),
    path("virksomhet/", include("portal.urls")),
    path("kompetanselop/", include("competence_paths.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "vi_inkluderer.views.permission_denied"
handler404 = "vi_inkluderer.views.page_not_found"
handler500 = "vi_inkluderer.views.server_error"
