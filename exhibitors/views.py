from functools import cached_property

from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from events.models import ProgrammeItem
from events.views import EditionMixin, access_choices, access_selected

from .models import Booth, Theme


class BoothListView(EditionMixin, ListView):
    """The exhibition: public booths of an edition, filtered by theme and searched."""

    template_name = "exhibitors/booth_list.html"
    context_object_name = "booths"
    paginate_by = 24

    def get_queryset(self):
        booths = Booth.objects.public().filter(forum=self.forum)
        if theme := self.selected_theme:
            booths = booths.filter(themes=theme)
        booths = booths.offering(self.selected_access)
        return booths.search(self.query).for_listing(get_language())

    @cached_property
    def query(self):
        return self.request.GET.get("q", "")[:100]

    @cached_property
    def selected_access(self):
        return access_selected(self.request)

    @cached_property
    def themes(self):
        return list(Theme.objects.all())

    @cached_property
    def selected_theme(self):
        slug = self.request.GET.get("theme", "")
        return next((theme for theme in self.themes if theme.slug == slug), None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            query=self.query,
            themes=self.themes,
            selected_theme=self.selected_theme,
            access_choices=access_choices(self.selected_access),
            is_filtered=bool(self.query.strip() or self.selected_theme or self.selected_access),
            exhibitions=self.forum.programme_items.filter(kind=ProgrammeItem.Kind.EXHIBITION),
        )
        return context


class BoothDetailView(EditionMixin, DetailView):
    template_name = "exhibitors/booth_detail.html"
    context_object_name = "booth"

    def get_object(self, queryset=None):
        booths = (
            Booth.objects.public()
            .filter(forum=self.forum)
            .select_related("organisation")
            .prefetch_related("themes", "photos")
        )
        return get_object_or_404(booths, slug=self.kwargs["booth_slug"])
