from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# The admin site speaks for the product, not for Django.
admin.site.site_header = _("Vi inkluderer! administrasjon")
admin.site.site_title = _("Vi inkluderer! administrasjon")
admin.site.index_title = _("Administrasjon")

# The admin site signs in through the app's own login (allauth), so its lockout, rate limits
# and two-factor login apply there too; Django's own admin login form has none of them.
admin.site.login = secure_admin_login(admin.site.login)
