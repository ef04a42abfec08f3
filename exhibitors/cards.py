"""Printed booth cards: one A6 card per approved booth, with a QR code to its page.

The QR code holds the booth page's address without a language prefix
(`https://…/archive/<edition>/exhibition/<booth>/`): the site sends each phone
on to the page in its own language, Kazakh when unsure. The address names the
edition, so a card printed this year still leads to this year's booth later.
"""

import segno
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .models import Booth


def language_neutral_path(booth):
    """The booth page's path without its language prefix."""
    with translation.override("kk"):
        path = reverse(
            "exhibitors:booth_detail",
            kwargs={"forum_slug": booth.forum.slug, "booth_slug": booth.slug},
        )
    return path.removeprefix("/kk")


def qr_svg(url):
    """`url` as a QR code, an inline SVG element (no script, no style attribute)."""
    code = segno.make(url, error="m")
    # segno writes only paths and attributes it escapes itself: safe to insert as is.
    return mark_safe(
        code.svg_inline(
            scale=4,
            border=4,
            dark="#000",
            light="#fff",
            svgclass="qr-code",
            title=_("QR code"),
            omitsize=True,  # sized by the stylesheet, through its viewBox
        )
    )


def cards(forum, build_absolute_uri):
    """The cards of `forum`'s approved booths, by booth number, then by Kazakh name."""
    booths = (
        Booth.objects.filter(forum=forum, status=Booth.Status.APPROVED)
        .select_related("organisation", "forum")
        .order_by("number", "organisation__sort_key_kk", "pk")
    )
    result = []
    for booth in booths:
        url = build_absolute_uri(language_neutral_path(booth))
        result.append({"booth": booth, "url": url, "qr": qr_svg(url)})
    return result
