"""Text in the other language, marked with its own `lang`."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def bilingual(obj, field):
    """`obj.field` in the page's language; wrapped in <span lang="…"> when it fell back to the other.

    A Russian organisation name with no Kazakh one, shown on a Kazakh page,
    is then read by a screen reader in Russian.
    """
    value = getattr(obj, field)
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if not value or getattr(obj, f"{field}_{current}", None):
        return value
    for code, _name in settings.LANGUAGES:
        if code != current and getattr(obj, f"{field}_{code}", None) == value:
            return format_html('<span lang="{}">{}</span>', code, value)
    return value
