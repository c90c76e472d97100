from .search import urlpatterns as search_urlpatterns

app_name = "candidates"
urlpatterns = [*search_urlpatterns]
