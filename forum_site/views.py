"""Site-wide pages: the home page and the error pages."""

import math

from django.conf import settings
from django.contrib import admin
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from awards.models import Award
from events.models import Forum, ProgrammeItem
from events.views import EditionMixin
from exhibitors.models import Booth

from . import open_data, share_image


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


def admin_lockout(request, original_response=None, credentials=None):
    """The page a locked-out login gets (django-axes): what happened and for how long."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    context = {
        **admin.site.each_context(request),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": minutes,
    }
    return render(request, "admin/lockout.html", context, status=429)


def _open_data_response(document):
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})
    # Open data: anyone's page may read it; it carries no cookie and nothing private.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def open_data_editions(request):
    """/api/v1/editions.json: the published editions."""
    return _open_data_response(open_data.editions_document(request.build_absolute_uri))


@require_safe
def open_data_edition(request, forum_slug):
    """/api/v1/editions/<slug>.json: one published edition, in both languages."""
    forum = get_object_or_404(Forum.objects.published(), slug=forum_slug)
    return _open_data_response(open_data.edition_document(forum, request.build_absolute_uri))


@require_safe
def share_image_view(request, language, forum_slug=None):
    """/share/<slug>/<language>.png: the edition's share image, drawn from its title."""
    forum = None
    if forum_slug is not None:
        forum = get_object_or_404(Forum.objects.published(), slug=forum_slug)
    with translation.override(language):
        png = share_image.edition_image(forum, language)
    response = HttpResponse(png, content_type="image/png")
    patch_cache_control(response, public=True, max_age=share_image.CACHE_SECONDS)
    return response


def server_error(request):
    """The 500 page, without the database or context processors: they may be what failed."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"LANGUAGE_CODE": get_language() or "kk"}))


def csrf_failure(request, reason=""):
    """A failed CSRF check, explained in the visitor's language with a way forward."""
    return render(request, "403_csrf.html", status=403)
