from .pipeline import urlpatterns as pipeline_urlpatterns
from .register import urlpatterns as register_urlpatterns

app_name = "candidates"
urlpatterns = [*register_urlpatterns, *pipeline_urlpatterns]
