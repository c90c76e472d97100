from django.urls import path

from ..views import search

urlpatterns = [
    path("sok/stilling/<int:opening_id>/", search.search_start, name="search_start"),
    path("sok/<int:pk>/", search.search_run, name="search_run"),
    path("sok/<int:pk>/framdrift/", search.search_progress, name="search_progress"),
    path("sok/<int:pk>/kjor-pa-nytt/", search.search_rerun, name="search_rerun"),
    path(
        "sok/<int:pk>/kandidat/<int:candidate_id>/til-kandidatlisten/",
        search.search_shortlist_add,
        name="search_shortlist_add",
    ),
]
