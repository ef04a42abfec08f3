from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Appearance, Forum, Performance, Person, ProgrammeItem, Statement


@admin.register(Forum)
class ForumAdmin(TranslationAdmin):
    list_display = ["title", "slug", "starts_on", "status", "is_sample"]
    list_filter = ["status", "is_sample"]
    search_fields = ["title_kk", "title_ru", "slug"]


@admin.register(ProgrammeItem)
class ProgrammeItemAdmin(TranslationAdmin):
    list_display = ["title", "forum", "kind", "order"]
    list_filter = ["forum", "kind"]
    list_select_related = ["forum"]
    search_fields = ["title_kk", "title_ru"]


@admin.register(Person)
class PersonAdmin(TranslationAdmin):
    list_display = ["name", "position"]
    search_fields = ["name_kk", "name_ru"]


@admin.register(Appearance)
class AppearanceAdmin(admin.ModelAdmin):
    list_display = ["person", "programme_item", "role", "order"]
    list_select_related = ["person", "programme_item"]


@admin.register(Statement)
class StatementAdmin(TranslationAdmin):
    list_display = ["person", "forum", "order"]
    list_select_related = ["person", "forum"]


@admin.register(Performance)
class PerformanceAdmin(TranslationAdmin):
    list_display = ["performer", "forum", "order"]
    list_select_related = ["forum"]
