from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Social Projects Forum: administration")
admin.site.site_title = _("Forum administration")
admin.site.index_title = _("Site content")
