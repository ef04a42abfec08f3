"""What search engines and link previews read: Open Graph and Twitter tags, JSON-LD."""

from django import template
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events.templatetags.editions import SECTIONS

from .. import linked_data
from ..share_image import HEIGHT, WIDTH

register = template.Library()

OG_LOCALES = {"kk": "kk_KZ", "ru": "ru_RU"}
SECTION_LABELS = dict(SECTIONS)


def _edition_kwargs(context):
    slug = context.get("edition_slug")
    return {"forum_slug": slug} if slug else {}


def share_image(forum, request):
    """(absolute URL, width, height) of the share image of `forum` (None: the site's)."""
    if forum is not None and forum.share_image:
        return (
            request.build_absolute_uri(forum.share_image.url),
            forum.share_image_width,
            forum.share_image_height,
        )
    language = get_language()
    if forum is None:
        path = reverse("share_image_site", kwargs={"language": language})
    else:
        path = reverse("share_image", kwargs={"forum_slug": forum.slug, "language": language})
        # A new address after each change, so that previews fetch the new title.
        path += f"?v={int(forum.updated_at.timestamp())}"
    return request.build_absolute_uri(path), WIDTH, HEIGHT


def _title_and_description(context):
    forum = context.get("forum")
    site = _("Social Projects Forum-Exhibition")
    if forum is None:
        return site, _(
            "The Social Projects Forum-Exhibition of the Ministry of Labour and Social "
            "Protection of the Population of the Republic of Kazakhstan."
        )
    summary = forum.summary.strip().split("\n")[0] if forum.summary else ""
    description = Truncator(summary).chars(200) or site
    if booth := context.get("booth"):
        return f"{booth.organisation.name} — {forum.title}", booth.project_title or description
    match = getattr(context.get("request"), "resolver_match", None)
    view_name = match.view_name if match else None
    if view_name in SECTION_LABELS and view_name != "home":
        return f"{SECTION_LABELS[view_name]} — {forum.title}", description
    return forum.title, description


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(context):
    """Open Graph and Twitter card tags for the page; nothing without a request (the 500 page)."""
    request = context.get("request")
    if request is None:
        return {}
    title, description = _title_and_description(context)
    image_url, width, height = share_image(context.get("forum"), request)
    language = get_language()
    return {
        "meta": {
            "title": title,
            "description": description,
            "url": request.build_absolute_uri(request.path),
            "site_name": _("Social Projects Forum-Exhibition"),
            "locale": OG_LOCALES.get(language, "kk_KZ"),
            "alternate_locales": [code for lang, code in OG_LOCALES.items() if lang != language],
            "image": image_url,
            "image_width": width,
            "image_height": height,
            "image_alt": context["forum"].title if context.get("forum") else title,
        }
    }


@register.simple_tag(takes_context=True)
def forum_json_ld(context, items):
    """The page's edition as schema.org Event JSON-LD, `items` as its sub-events."""
    forum, request = context.get("forum"), context["request"]
    if forum is None:
        return ""
    image_url, _width, _height = share_image(forum, request)
    data = linked_data.forum_event(
        forum,
        items,
        build_absolute_uri=request.build_absolute_uri,
        edition_kwargs=_edition_kwargs(context),
        image_url=image_url,
    )
    return linked_data.json_ld_script(data)


@register.simple_tag(takes_context=True)
def booth_json_ld(context, booth):
    """The booth's organisation as schema.org Organization JSON-LD."""
    request = context["request"]
    data = linked_data.booth_organisation(
        booth,
        page_url=request.build_absolute_uri(request.path),
        build_absolute_uri=request.build_absolute_uri,
    )
    return linked_data.json_ld_script(data)
