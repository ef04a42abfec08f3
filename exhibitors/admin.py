from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from forum_site.admin_tools import (
    BilingualAdmin,
    BilingualStackedInline,
    StaffExportMixin,
    thumbnail,
)

from .models import Booth, BoothPhoto, Organisation, Theme
from .resources import BoothResource


@admin.register(Organisation)
class OrganisationAdmin(BilingualAdmin):
    list_display = ["logo_thumbnail", "name", "legal_form", "bin", "city"]
    list_display_links = ["logo_thumbnail", "name"]
    list_filter = ["legal_form"]
    search_fields = ["name_kk", "name_ru", "bin"]
    readonly_fields = ["logo_thumbnail"]

    @admin.display(description=_("logo"))
    def logo_thumbnail(self, organisation):
        return thumbnail(organisation.logo, organisation.logo_alt)


@admin.register(Theme)
class ThemeAdmin(BilingualAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name_kk", "name_ru", "slug"]
    ordering = ["order", "pk"]


class BoothPhotoInline(BilingualStackedInline):
    model = BoothPhoto
    extra = 0
    fields = ["photo_thumbnail", "image", "alt", "order"]
    readonly_fields = ["photo_thumbnail"]

    @admin.display(description=_("thumbnail"))
    def photo_thumbnail(self, photo):
        return thumbnail(photo.image, photo.alt, size=160)


@admin.register(Booth)
class BoothAdmin(StaffExportMixin, BilingualAdmin):
    list_display = ["project_title", "organisation", "forum", "number", "status", "submitted_at"]
    list_filter = ["status", "forum", "themes"]
    list_select_related = ["organisation", "forum"]
    search_fields = [
        "project_title_kk",
        "project_title_ru",
        "organisation__name_kk",
        "organisation__name_ru",
        "organisation__bin",
        "reference_code",
        "contact_email",
    ]
    date_hierarchy = "submitted_at"
    readonly_fields = ["reference_code", "submitted_at"]
    autocomplete_fields = ["organisation"]
    inlines = [BoothPhotoInline]
    resource_classes = [BoothResource]

    def get_export_queryset(self, request):
        return (
            super()
            .get_export_queryset(request)
            .select_related("forum", "organisation")
            .prefetch_related("themes")
        )
