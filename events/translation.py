"""Bilingual fields of the events app (Kazakh and Russian columns)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Forum, Performance, Person, ProgrammeItem, Statement


@register(Forum)
class ForumTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "venue", "city", "organiser")
    required_languages = {"kk": ("title",)}


@register(ProgrammeItem)
class ProgrammeItemTranslationOptions(TranslationOptions):
    fields = ("title", "description", "topics", "place")
    required_languages = {"kk": ("title",)}


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("name", "position")
    required_languages = {"kk": ("name",)}


@register(Statement)
class StatementTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = {"kk": ("text",)}


@register(Performance)
class PerformanceTranslationOptions(TranslationOptions):
    fields = ("performer", "notes")
    required_languages = {"kk": ("performer",)}
