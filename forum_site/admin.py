from django.contrib import admin
from django.utils.translation import gettext_lazy as _

# The site header and title are set in urls.py.
admin.site.index_title = _("Site content")
