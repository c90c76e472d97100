from .pipeline import urlpatterns as pipeline_urlpatterns

app_name = "candidates"
urlpatterns = [*pipeline_urlpatterns]
