from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe
from django.views.i18n import set_language
from django.views.static import serve

from events.routing import edition_paths

from . import display, views
from .sitemaps import SITEMAPS

# The admin names the site, in the staff member's language (not "Django administration").
admin.site.site_header = _("Social Projects Forum-Exhibition")
admin.site.site_title = _("Social Projects Forum-Exhibition")

urlpatterns = [
    path("admin/", admin.site.urls),
    # Probes for the proxy and the service manager: no language, never cached.
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("sitemap.xml", require_safe(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # The display options' stylesheet: private, it reads the visitor's cookie.
    path("display.css", display.display_stylesheet, name="display_stylesheet"),
    # The admin's language switch, remembered in the language cookie. POST only:
    # Django's view answers any method, and nothing here switches by a link.
    path("i18n/setlang/", require_POST(set_language), name="set_language"),
    # Open data: both languages in one document, so outside the language prefixes.
    path("api/v1/editions.json", views.open_data_editions, name="open_data_editions"),
    path(
        "api/v1/editions/<slug:forum_slug>.json",
        views.open_data_edition,
        name="open_data_edition",
    ),
    re_path(
        r"^share/(?P<forum_slug>[-\w]+)/(?P<language>kk|ru)\.png$",
        views.share_image_view,
        name="share_image",
    ),
    re_path(r"^share/(?P<language>kk|ru)\.png$", views.share_image_view, name="share_image_site"),
]

urlpatterns += i18n_patterns(
    *edition_paths("", views.HomeView.as_view(), "home"),
    path("accessibility/", views.AccessibilityView.as_view(), name="accessibility"),
    path("display/", display.display_settings, name="display"),
    path("", include("events.urls")),
    path("", include("exhibitors.urls")),
    path("", include("awards.urls")),
)

if settings.BENCH_VIEWS:
    # The baselines bench/run compares pages with: the cheapest Django view,
    # and an edition page with nothing in it.
    urlpatterns += [path("bench/trivial/", views.bench_trivial)]
    urlpatterns += i18n_patterns(path("bench/empty/", views.BenchEmptyPageView.as_view()))

handler400 = "forum_site.views.bad_request"
handler500 = "forum_site.views.server_error"

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]
