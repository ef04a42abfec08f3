from functools import cached_property

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import ListView, TemplateView

from .models import Forum, ProgrammeItem


class EditionMixin:
    """A page of one edition: the current one, or a published one named by `forum_slug`.

    Adds `forum` and `edition_slug` (None for the current edition) to the
    context; `edition_slug` makes the page's own links stay in that edition.
    """

    @cached_property
    def forum(self):
        slug = self.kwargs.get("forum_slug")
        if slug is None:
            forum = Forum.objects.current()
            if forum is None:
                raise Http404("No edition is published yet.")
            return forum
        return get_object_or_404(Forum.objects.published(), slug=slug)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["forum"] = self.forum
        context["edition_slug"] = self.kwargs.get("forum_slug")
        return context


class ProgrammeView(EditionMixin, TemplateView):
    template_name = "events/programme_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items"] = self.forum.programme_items.for_programme()
        return context


class PlenaryView(EditionMixin, TemplateView):
    template_name = "events/plenary_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sessions"] = self.forum.programme_items.for_programme().filter(
            kind=ProgrammeItem.Kind.PLENARY
        )
        context["statements"] = self.forum.statements.for_listing()
        return context


class ConcertView(EditionMixin, TemplateView):
    template_name = "events/concert_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["concert_items"] = self.forum.programme_items.filter(
            kind=ProgrammeItem.Kind.CONCERT
        )
        context["performances"] = self.forum.performances.all()
        return context


class ArchiveView(ListView):
    template_name = "events/forum_list.html"
    context_object_name = "editions"
    paginate_by = 20

    def get_queryset(self):
        return Forum.objects.published()
