from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/apne/", views.notification_open, name="open"),
    path("merk-alle-lest/", views.notification_mark_all_read, name="mark_all_read"),
]
