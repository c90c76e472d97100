from django.urls import path

from .views import dialogue as dialogue_views
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
    path("<int:pk>/kontakthistorikk/", dialogue_views.dialogue_list, name="dialogue_list"),
    path("<int:pk>/kontakthistorikk/ny/", dialogue_views.dialogue_create, name="dialogue_create"),
    path("kontakthistorikk/<int:pk>/endre/", dialogue_views.dialogue_edit, name="dialogue_edit"),
    path(
        "kontakthistorikk/<int:pk>/historikk/",
        dialogue_views.dialogue_history,
        name="dialogue_history",
    ),
    path("oppgaver/", dialogue_views.task_list, name="task_list"),
    path("oppgaver/<int:pk>/utfort/", dialogue_views.task_mark_done, name="task_complete"),
]
