from django.urls import path

from .views import imports, people, register

app_name = "employers"
urlpatterns = [
    path("", register.employer_list, name="list"),
    path("ny/", register.employer_create, name="create"),
    path("<int:pk>/", register.employer_detail, name="detail"),
    path("<int:pk>/endre/", register.employer_edit, name="edit"),
    path("<int:pk>/personer/ny/", people.person_add, name="person_add"),
    path("personer/<int:pk>/endre/", people.person_edit, name="person_edit"),
    path("personer/<int:pk>/slett/", people.person_delete, name="person_delete"),
    path("import/", imports.import_upload, name="import"),
    path("import/<int:pk>/", imports.import_preview, name="import_preview"),
    path("import/<int:pk>/gjennomfor/", imports.import_apply, name="import_apply"),
]
