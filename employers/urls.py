from django.urls import path  # noqa: F401 (patterns arrive with the employer views)

app_name = "employers"
urlpatterns = []
