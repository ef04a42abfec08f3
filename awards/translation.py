"""Bilingual fields of the awards app."""

from modeltranslation.translator import TranslationOptions, register

from .models import Award


@register(Award)
class AwardTranslationOptions(TranslationOptions):
    fields = ("recipient_name", "nomination", "citation")
