from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from events.models import Forum

from . import cards
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

    def get_urls(self):
        cards_view = self.admin_site.admin_view(self.cards_view)
        return [
            path("cards/", cards_view, name="exhibitors_booth_cards"),
            *super().get_urls(),
        ]

    def cards_view(self, request):
        """A page to print: one A6 card per approved booth of an edition, with a QR code."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        forums = list(Forum.objects.all())
        chosen = request.GET.get("forum", "")
        forum = next((f for f in forums if str(f.pk) == chosen), None)
        forum = forum or Forum.objects.current() or (forums[0] if forums else None)
        booth_cards = cards.cards(forum, request.build_absolute_uri) if forum else []
        context = {
            **self.admin_site.each_context(request),
            "forums": forums,
            "forum": forum,
            "cards": booth_cards,
        }
        return TemplateResponse(request, "admin/exhibitors/booth/cards.html", context)
