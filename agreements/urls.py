from django.urls import path

from .views import agreements, meetings

app_name = "agreements"
urlpatterns = [
    path("", agreements.agreement_index, name="list"),
    path("ny/<int:employer_pk>/", agreements.agreement_create, name="create"),
    path("<int:pk>/", agreements.agreement_detail, name="detail"),
    path("<int:pk>/endre/", agreements.agreement_edit, name="edit"),
    path("<int:pk>/status/<slug:to>/", agreements.agreement_transition, name="transition"),
    path("<int:pk>/kontaktperson/", agreements.agreement_change_contact, name="change_contact"),
    path("<int:pk>/dokument/", agreements.agreement_document, name="document"),
    path("<int:pk>/avtale.pdf", agreements.agreement_document_pdf, name="document_pdf"),
    path("<int:pk>/signert/", agreements.agreement_upload, name="upload"),
    path("<int:pk>/signert.pdf", agreements.agreement_signed_copy, name="signed_copy"),
    path("<int:pk>/moter/nytt/", meetings.meeting_create, name="meeting_create"),
    path("moter/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("moter/<int:pk>/endre/", meetings.meeting_edit, name="meeting_edit"),
    path("moter/<int:pk>/referat/", meetings.meeting_record, name="meeting_record"),
    path("moter/<int:pk>/mote.ics", meetings.meeting_ics, name="meeting_ics"),
    path("moter/<int:pk>/inviter/", meetings.meeting_invite, name="meeting_invite"),
    path("moter/<int:pk>/behov/", meetings.need_add, name="need_add"),
    path("behov/<int:pk>/stilling/", meetings.need_to_opening, name="need_to_opening"),
    path("mine-oppfolginger/", meetings.my_follow_up_list, name="my_follow_ups"),
    path("fylket/", meetings.county_list, name="county"),
]
