from functools import cached_property

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views import View
from django.views.generic import ListView, TemplateView

from .calendar import programme_calendar
from .models import ACCESS_LABELS, ACCESS_NAMES, Forum, ProgrammeItem


def access_selected(request):
    """The access features a visitor filters by (`?access=captions&access=seating`), known ones only."""
    asked = set(request.GET.getlist("access"))
    return [name for name in ACCESS_NAMES if name in asked]


def access_choices(selected):
    """The access filter's checkboxes: name, label and whether it is ticked."""
    return [
        {"name": name, "label": label, "checked": name in selected}
        for name, label in ACCESS_LABELS.items()
    ]


def access_chosen(selected):
    """The labels of the access features filtered by, for the page's title."""
    return [ACCESS_LABELS[name] for name in selected]


class EditionMixin:
    """A page of one edition: the current one, or a published one named by `forum_slug`.

    Adds `forum` and `edition_slug` (None for the current edition) to the
    context; `edition_slug` makes the page's own links stay in that edition.
    `is_archived` is true when the named edition is not the current one (a
    printed QR code names the current edition too), found in the same query.
    """

    @cached_property
    def forum(self):
        slug = self.kwargs.get("forum_slug")
        if slug is None:
            forum = Forum.objects.current()
            if forum is None:
                raise Http404("No edition is published yet.")
            return forum
        forum = get_object_or_404(Forum.objects.with_is_current(), slug=slug)
        if forum.status != Forum.Status.PUBLISHED:
            # A draft: a preview for staff who may see editions, 404 for anyone
            # else. Only draft addresses read the session, so published pages
            # stay free of cookies and cacheable.
            if not self.request.user.has_perm("events.view_forum"):
                raise Http404("This edition is not published.")
            self.preview = True
        return forum

    preview = False

    @property
    def is_current_edition(self):
        """Whether the page's edition is the current one, at either of its addresses."""
        return "forum_slug" not in self.kwargs or self.forum.is_current

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if self.preview:
            # A draft must never reach a shared cache or the browser's history.
            patch_cache_control(response, private=True, no_store=True)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["forum"] = self.forum
        context["edition_slug"] = self.kwargs.get("forum_slug")
        context["preview"] = self.preview
        context["is_archived"] = not self.is_current_edition and not self.preview
        return context


class ProgrammeView(EditionMixin, TemplateView):
    """The edition's programme in order, filterable by what items offer for access."""

    template_name = "events/programme_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selected = access_selected(self.request)
        items = self.forum.programme_items.all()
        context.update(
            items=items.for_programme().offering(selected),
            access_choices=access_choices(selected),
            access_chosen=access_chosen(selected),
            is_filtered=bool(selected),
            has_dated_items=items.dated().exists(),
        )
        return context


class ProgrammeCalendarView(EditionMixin, View):
    """The programme as an iCalendar file: the whole of it, or one item (`item_id`).

    404 when there is nothing dated to put in it, rather than an empty calendar.
    """

    http_method_names = ["get", "head", "options"]

    def get(self, request, *args, **kwargs):
        items = self.forum.programme_items.dated()
        if "item_id" in kwargs:
            items = items.filter(pk=kwargs["item_id"])
            filename = f"{self.forum.slug}-{kwargs['item_id']}.ics"
        else:
            filename = f"{self.forum.slug}.ics"
        items = list(items)
        if not items:
            raise Http404("Nothing in this programme has a date yet.")
        programme_kwargs = {"forum_slug": kwargs["forum_slug"]} if "forum_slug" in kwargs else {}
        programme_url = request.build_absolute_uri(
            reverse("events:programme", kwargs=programme_kwargs)
        )
        body = programme_calendar(
            self.forum,
            items,
            url_for=lambda item: f"{programme_url}#item-{item.pk}",
            host=request.get_host(),
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


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
