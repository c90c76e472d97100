from django.urls import path

from . import views

app_name = "competence_paths"

urlpatterns = [
    path("", views.path_index, name="list"),
    path("ny/<int:employer_pk>/", views.path_create, name="create"),
    path("<int:pk>/", views.path_detail, name="detail"),
    path("<int:pk>/endre/", views.path_edit, name="edit"),
    path("<int:pk>/status/<str:to>/", views.path_transition, name="transition"),
    path("<int:pk>/lagre-som-mal/", views.path_save_template, name="save_template"),
    path("<int:pk>/sok/", views.path_search, name="search"),
    path("<int:pk>/intervju/", views.interview_record, name="interview"),
    path("<int:pk>/deltakere/", views.participant_add, name="participant_add"),
    path("deltaker/<int:pk>/", views.participant_detail, name="participant"),
    path("deltaker/<int:pk>/status/", views.participant_status, name="participant_status"),
    path("deltaker/<int:pk>/framdrift/", views.participant_progress, name="participant_progress"),
    path("deltaker/<int:pk>/utfall/", views.participant_outcome, name="participant_outcome"),
]
