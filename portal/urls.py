from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("vilkar/", views.terms_page, name="terms"),
    path("behov/", views.needs_page, name="needs"),
    path("behov/nytt/", views.need_create, name="need_create"),
    path("kandidater/", views.candidates_page, name="candidates"),
    path("stillinger/<int:opening_id>/kandidater/", views.opening_page, name="opening"),
    path("kandidater/<int:entry_id>/kontakt/", views.contact_reveal, name="contact_reveal"),
    path("kandidater/<int:entry_id>/vurdering/", views.assess, name="assess"),
    path("kandidater/<int:entry_id>/steg/", views.next_step, name="next_step"),
    path("kandidater/<int:entry_id>/ansatt/", views.hire, name="hire"),
    path("kandidater/<int:entry_id>/fjern/", views.remove, name="remove"),
    path("meldinger/", views.messages_page, name="messages"),
    path("historikk/", views.history_page, name="history"),
    path("stillinger/<int:opening_id>/meldinger/", views.opening_messages, name="opening_messages"),
    path("virksomheter/<int:employer_id>/meldinger/", views.staff_message, name="staff_message"),
    path("virksomheter/<int:employer_id>/brukere/", views.staff_users, name="staff_users"),
    path(
        "virksomheter/<int:employer_id>/brukere/<int:user_id>/deaktiver/",
        views.staff_user_deactivate,
        name="staff_user_deactivate",
    ),
    path(
        "virksomheter/<int:employer_id>/brukere/<int:user_id>/enheter/",
        views.staff_user_units,
        name="staff_user_units",
    ),
    path(
        "virksomheter/<int:employer_id>/brukere/<int:user_id>/administrator/",
        views.staff_user_admin,
        name="staff_user_admin",
    ),
    path("enhet/", views.unit_pick, name="unit_pick"),
    path("brukere/", views.users_page, name="users"),
    path("brukere/<int:user_id>/deaktiver/", views.user_deactivate, name="user_deactivate"),
    path("moter/<int:meeting_id>/kalender.ics", views.meeting_ics, name="meeting_ics"),
]
