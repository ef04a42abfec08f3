"""sitemap.xml: every public page in Kazakh and Russian, with hreflang alternates.

The current edition's pages are listed at their short addresses
(`/kk/programme/`), other published editions' under `/kk/archive/<slug>/…`.
Sample editions are made up and left out (robots.txt keeps crawlers away).
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Forum
from events.templatetags.editions import SECTIONS
from exhibitors.models import Booth


class _Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True


def _real_editions():
    return Forum.objects.published().filter(is_sample=False)


class PagesSitemap(_Bilingual):
    """The sections of every real published edition, the archive and the booth form."""

    def items(self):
        editions = list(_real_editions())
        current = editions[0] if editions else None
        pages = [("events:archive", {}, None), ("exhibitors:booth_apply", {}, None)]
        for forum in editions:
            kwargs = {} if forum == current else {"forum_slug": forum.slug}
            pages += [(view_name, kwargs, forum) for view_name, _label in SECTIONS]
        return pages

    def location(self, item):
        view_name, kwargs, _forum = item
        return reverse(view_name, kwargs=kwargs)

    def lastmod(self, item):
        _view_name, _kwargs, forum = item
        return forum.updated_at if forum else None


class BoothsSitemap(_Bilingual):
    """Every public booth of a real edition."""

    def items(self):
        self.current = Forum.objects.current()
        return (
            Booth.objects.public()
            .filter(forum__is_sample=False)
            .select_related("forum")
            .order_by("forum_id", "number", "pk")
        )

    def location(self, booth):
        kwargs = {"booth_slug": booth.slug}
        if booth.forum_id != getattr(self.current, "pk", None):
            kwargs["forum_slug"] = booth.forum.slug
        return reverse("exhibitors:booth_detail", kwargs=kwargs)


SITEMAPS = {"pages": PagesSitemap, "booths": BoothsSitemap}
