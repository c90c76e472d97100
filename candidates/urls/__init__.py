from .pipeline import urlpatterns as pipeline_urlpatterns
from .register import urlpatterns as register_urlpatterns
from .search import urlpatterns as search_urlpatterns

app_name = "candidates"
urlpatterns = [*register_urlpatterns, *search_urlpatterns, *pipeline_urlpatterns]
