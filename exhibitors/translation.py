"""Bilingual fields of the exhibitors app.

An organisation may write in Kazakh, in Russian or in both, so no language
is required here; the form asks for at least one.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Booth, BoothPhoto, Organisation, Theme


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "city", "logo_alt")


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"kk": ("name",)}


@register(Booth)
class BoothTranslationOptions(TranslationOptions):
    fields = ("project_title", "description")


@register(BoothPhoto)
class BoothPhotoTranslationOptions(TranslationOptions):
    fields = ("alt",)
