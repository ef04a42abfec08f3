"""Site-wide pages: the home page and the error pages."""

from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import get_language
from django.views.generic import TemplateView

from awards.models import Award
from events.models import ProgrammeItem
from events.views import EditionMixin
from exhibitors.models import Booth


class HomeView(EditionMixin, TemplateView):
    """An edition at a glance: what, when, where, its figures and its sections."""

    template_name = "forum_site/home.html"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            if "forum_slug" in kwargs:
                raise
            # A new site with nothing published yet: say so rather than 404.
            return self.render_to_response({"forum": None})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        forum = self.forum
        context.update(
            items=forum.programme_items.all(),
            plenary=forum.programme_items.filter(kind=ProgrammeItem.Kind.PLENARY).first(),
            award_count=Award.objects.filter(forum=forum).count(),
            booth_count=Booth.objects.public().filter(forum=forum).count(),
            accepts_applications=forum.accepts_applications(),
        )
        return context


def server_error(request):
    """The 500 page, without the database or context processors: they may be what failed."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"LANGUAGE_CODE": get_language() or "kk"}))


def csrf_failure(request, reason=""):
    """A failed CSRF check, explained in the visitor's language with a way forward."""
    return render(request, "403_csrf.html", status=403)


def bench_trivial(request):
    """The cheapest page Django can serve: the benchmark's yardstick (only with BENCH_VIEWS)."""
    return HttpResponse(b"ok", content_type="text/plain")
