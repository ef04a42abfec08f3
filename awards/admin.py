from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Award


@admin.register(Award)
class AwardAdmin(TranslationAdmin):
    list_display = ["__str__", "forum", "nomination", "order"]
    list_filter = ["forum"]
    list_select_related = ["organisation", "forum"]
    search_fields = ["organisation__name_kk", "organisation__name_ru", "recipient_name_kk"]
