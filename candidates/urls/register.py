from django.urls import path

from ..views import register

urlpatterns = [
    path("", register.candidate_list, name="list"),
    path("ny/", register.candidate_create, name="create"),
    path("eksport.csv", register.candidate_export, name="export"),
    path("i-tall/", register.candidate_counts_page, name="counts"),
    path("<int:pk>/", register.candidate_detail, name="detail"),
    path("<int:pk>/endre/", register.candidate_edit, name="edit"),
    path("<int:pk>/utilgjengelig/", register.candidate_unavailable, name="unavailable"),
    path("<int:pk>/tilgjengelig/", register.candidate_available, name="available"),
    path("<int:pk>/deaktiver/", register.candidate_deactivate, name="deactivate"),
    path("<int:pk>/aktiver/", register.candidate_reactivate, name="reactivate"),
]
