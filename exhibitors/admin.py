from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import Booth, BoothPhoto, Organisation, Theme


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "legal_form", "bin", "city"]
    list_filter = ["legal_form"]
    search_fields = ["name_kk", "name_ru", "bin"]


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ["name", "slug", "order"]


class BoothPhotoInline(TranslationTabularInline):
    model = BoothPhoto
    extra = 0


@admin.register(Booth)
class BoothAdmin(TranslationAdmin):
    list_display = ["project_title", "organisation", "forum", "number", "status"]
    list_filter = ["status", "forum"]
    list_select_related = ["organisation", "forum"]
    search_fields = [
        "project_title_kk",
        "project_title_ru",
        "organisation__name_kk",
        "reference_code",
    ]
    readonly_fields = ["reference_code", "submitted_at"]
    inlines = [BoothPhotoInline]
