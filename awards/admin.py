from django.contrib import admin

from forum_site.admin_tools import BilingualAdmin, StaffExportMixin

from .models import Award
from .resources import AwardResource


@admin.register(Award)
class AwardAdmin(StaffExportMixin, BilingualAdmin):
    list_display = ["__str__", "forum", "nomination", "order"]
    list_filter = ["forum"]
    list_select_related = ["organisation", "forum"]
    search_fields = [
        "organisation__name_kk",
        "organisation__name_ru",
        "recipient_name_kk",
        "recipient_name_ru",
        "nomination_kk",
        "nomination_ru",
    ]
    ordering = ["forum", "order", "pk"]
    autocomplete_fields = ["forum", "organisation"]
    resource_classes = [AwardResource]

    def get_export_queryset(self, request):
        return super().get_export_queryset(request).select_related("forum", "organisation")
