"""Site-wide pages: the home page, the error pages and the health checks."""

import logging
import math
import sys

from django.conf import settings
from django.contrib import admin
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe
from django.views.generic import TemplateView

from awards.models import Award
from events.models import Forum, ProgrammeItem
from events.views import EditionMixin
from exhibitors.models import Booth

from . import open_data, share_image
from .services import SAMPLE_SLUG


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
            # The form takes applications for the current edition only.
            accepts_applications=self.is_current_edition and forum.accepts_applications(),
        )
        return context


class AccessibilityView(TemplateView):
    """The accessibility statement: the standard aimed at, how it is tested, gaps, reporting."""

    template_name = "forum_site/accessibility.html"
    http_method_names = ["get", "head"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(display_url=reverse("display"), contact=settings.ACCESSIBILITY_CONTACT)
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


@require_safe
def robots_txt(request):
    """Crawlers may read every public page; not the admin, sample data or thank-you pages."""
    lines = ["User-agent: *", "Disallow: /admin/"]
    for language, _name in settings.LANGUAGES:
        lines += [
            f"Disallow: /{language}/archive/{SAMPLE_SLUG}/",
            f"Disallow: /{language}/exhibition/apply/thanks/",
        ]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def csrf_failure(request, reason=""):
    """A failed CSRF check, explained in the visitor's language with a way forward."""
    return render(request, "403_csrf.html", status=403)


logger = logging.getLogger(__name__)

# The database is unreachable (down, restarting, refusing connections): a
# passing state, unlike a bug in a query.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def _error_page(request, template_name, status):
    """An error page in the visitor's language, without the database or context processors.

    They may be what failed. The language is the active one (LocaleMiddleware
    set it from the URL's prefix), and the page gives the request's id for a
    visitor reporting the error.
    """
    language = get_language()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    template = loader.get_template(template_name)
    context = {
        "LANGUAGE_CODE": language,
        "request_id": getattr(request, "request_id", ""),
    }
    return HttpResponse(template.render(context), status=status)


def bad_request(request, exception):
    """400, for a malformed request or a Host the site does not serve."""
    return _error_page(request, "400.html", 400)


def server_error(request):
    """500, or 503 when the database is unreachable: the visitor may simply try again."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_UNAVAILABLE):
        response = _error_page(request, "503.html", 503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return _error_page(request, "500.html", 500)


def _database_answers():
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DATABASE_UNAVAILABLE:
        logger.warning("Readiness: the database does not answer", exc_info=True)
        return False


def _cache_answers():
    ping = getattr(cache, "ping", None)
    if ping is not None:
        answers = ping()
    else:
        cache.set("readyz", "ok", 10)
        answers = cache.get("readyz") == "ok"
    if not answers:
        logger.warning("Readiness: the cache does not answer")
    return answers


@never_cache
@require_GET
def healthz(request):
    """The process answers. Nothing else is checked, and nothing is said."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    """The database and the cache answer: "ok" or "fail" for each, no details.

    Without the database the site cannot serve, so the answer is 503 and the
    proxy should send traffic elsewhere. Without the cache it serves (more
    slowly), and every app server shares the one Redis: failing here would
    take them all out of rotation at once, so that is a 200 marked "degraded".
    """
    database = _database_answers()
    cache_ok = _cache_answers()
    if not database:
        status, code = "fail", 503
    elif not cache_ok:
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    body = {
        "status": status,
        "database": "ok" if database else "fail",
        "cache": "ok" if cache_ok else "fail",
    }
    return JsonResponse(body, status=code)


def bench_trivial(request):
    """The cheapest page Django can serve: the benchmark's yardstick (only with BENCH_VIEWS)."""
    return HttpResponse(b"ok", content_type="text/plain")


class BenchEmptyPageView(EditionMixin, TemplateView):
    """The current edition's layout with nothing in it (only with BENCH_VIEWS).

    What every public page costs before its own content: the edition's
    lookup, the header, navigation and footer. bench/run prints it beside the
    pages, so their figures can be read against the least a page can cost.
    """

    template_name = "base.html"
