from django.urls import path

from .views import dialogue as dialogue_views
from .views import imports, leads, occupations, openings, people, register

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
    path("import/<int:pk>/framdrift/", imports.import_progress, name="import_progress"),
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
    path("yrker/sok/", occupations.occupation_search, name="occupation_search"),
    path("tips/", leads.lead_list, name="lead_list"),
    path("tips/ny/", leads.lead_create, name="lead_create"),
    path("tips/<int:pk>/", leads.lead_detail, name="lead_detail"),
    path("tips/<int:pk>/fordel/", leads.lead_assign, name="lead_assign"),
    path("tips/<int:pk>/ta-inn/", leads.lead_accept, name="lead_accept"),
    path("tips/<int:pk>/avslutt/", leads.lead_close, name="lead_close"),
    path("ressursgrupper/", leads.resource_groups, name="resource_groups"),
    path("stillinger/", openings.shared_openings, name="shared_openings"),
    path("<int:employer_pk>/stillinger/ny/", openings.opening_create, name="opening_create"),
    path("stillinger/<int:pk>/", openings.opening_detail, name="opening_detail"),
    path("stillinger/<int:pk>/endre/", openings.opening_edit, name="opening_edit"),
    path("stillinger/<int:pk>/publiser/", openings.opening_publish, name="opening_publish"),
    path("stillinger/<int:pk>/besatt/", openings.opening_mark_filled, name="opening_mark_filled"),
    path("stillinger/<int:pk>/avlys/", openings.opening_cancel, name="opening_cancel"),
]
