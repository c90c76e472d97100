from .register import urlpatterns as register_urlpatterns

app_name = "candidates"
urlpatterns = [*register_urlpatterns]
