from django.urls import path

from ..views import consent, overview, pipeline

urlpatterns = [
    path("kandidatlister/", overview.shortlist_overview_page, name="shortlist_overview"),
    path("stillinger/<int:opening_id>/kandidatliste/", pipeline.shortlist, name="shortlist"),
    path("stillinger/<int:opening_id>/foresla/", pipeline.propose, name="propose"),
    path("kandidatliste/<int:entry_id>/", pipeline.entry_detail, name="entry_detail"),
    path("kandidatliste/<int:entry_id>/flytt/", pipeline.entry_move, name="entry_move"),
    path("kandidatliste/<int:entry_id>/fjern/", pipeline.entry_archive, name="entry_archive"),
    path("kandidatliste/<int:entry_id>/angre/", pipeline.entry_restore, name="entry_restore"),
    path("kandidatliste/<int:entry_id>/ansatt/", pipeline.entry_hire, name="entry_hire"),
    path(
        "kandidatliste/<int:entry_id>/samtykke/", pipeline.consent_request, name="consent_request"
    ),
    path(
        "kandidatliste/<int:entry_id>/be-om-samtykke/",
        pipeline.consent_ask_owner,
        name="consent_ask_owner",
    ),
    path("samtykke/<int:consent_id>/trekk/", pipeline.consent_withdraw, name="consent_withdraw"),
    path("samtykke/svar/<str:token>/", consent.consent_respond, name="consent_respond"),
]
