from django.urls import path

from .views import dialogue as dialogue_views

app_name = "employers"
urlpatterns = [
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
