from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# The admin site speaks for the product, not for Django.
admin.site.site_header = _("Vi inkluderer! administrasjon")
admin.site.site_title = _("Vi inkluderer! administrasjon")
admin.site.index_title = _("Administrasjon")
