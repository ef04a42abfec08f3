"""Links that stay within the edition a page shows."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

register = template.Library()

# The sections of an edition, in the order the site's navigation shows them.
SECTIONS = [
    ("home", _("Forum")),
    ("events:programme", _("Programme")),
    ("exhibitors:booth_list", _("Exhibition")),
    ("events:plenary", _("Plenary session")),
    ("awards:award_list", _("Awards")),
    ("events:concert", _("Concert")),
]

# Pages within a section: the navigation marks their section as where the
# visitor is (aria-current="true"; "page" is for the section's own page).
SECTION_OF = {
    "exhibitors:booth_detail": "exhibitors:booth_list",
    "exhibitors:booth_apply": "exhibitors:booth_list",
    "exhibitors:booth_thanks": "exhibitors:booth_list",
}


def _edition_reverse(context, view_name, **kwargs):
    if slug := context.get("edition_slug"):
        kwargs["forum_slug"] = slug
    return reverse(view_name, kwargs=kwargs)


@register.simple_tag(takes_context=True)
def edition_url(context, view_name, **kwargs):
    """The URL of `view_name` in the page's edition (the current one unless archived)."""
    return _edition_reverse(context, view_name, **kwargs)


def _aria_current(section, current):
    if section == current:
        return "page"
    if SECTION_OF.get(current) == section:
        return "true"
    return None


@register.inclusion_tag("includes/section_nav.html", takes_context=True)
def section_nav(context):
    """The main navigation, marking the page the visitor is on."""
    match = getattr(context.get("request"), "resolver_match", None)
    current = match.view_name if match else None
    items = [
        {
            "url": _edition_reverse(context, view_name),
            "label": label,
            "current": _aria_current(view_name, current),
        }
        for view_name, label in SECTIONS
    ]
    archive_url = reverse("events:archive")
    return {
        "items": items,
        "archive_url": archive_url,
        "archive_is_current": current == "events:archive",
    }
