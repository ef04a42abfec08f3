"""Text in the other language, marked with its own `lang`."""

import re

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

# A quoted name with a letter Russian does not have is Kazakh: ОО «Бақытты Шаңырақ».
# Marked, a Russian voice hands it to a Kazakh one instead of skipping its letters.
# A Kazakh name spelt with Russian letters alone («Ыбырай») reads well enough in Russian.
_QUOTED_KAZAKH = re.compile(r"«([^«»]*[әғқңөұүһіӘҒҚҢӨҰҮҺІ][^«»]*)»")


def _page_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _fallback_language(obj, field):
    """The language `obj.field` fell back to, or None when it is in the page's own."""
    value = getattr(obj, field)
    current = _page_language()
    if not value or getattr(obj, f"{field}_{current}", None):
        return None
    for code, _name in settings.LANGUAGES:
        if code != current and getattr(obj, f"{field}_{code}", None) == value:
            return code
    return None


@register.simple_tag
def bilingual(obj, field):
    """`obj.field` in the page's language; wrapped in <span lang="…"> when it fell back to the other.

    A Russian organisation name with no Kazakh one, shown on a Kazakh page,
    is then read by a screen reader in Russian. On a Russian page, a Kazakh
    name quoted inside the Russian text is marked too.
    """
    value = getattr(obj, field)
    if code := _fallback_language(obj, field):
        return format_html('<span lang="{}">{}</span>', code, value)
    if value and _page_language() == "ru":
        return mark_safe(
            _QUOTED_KAZAKH.sub(r'«<span lang="kk">\1</span>»', conditional_escape(value))
        )
    return value


@register.simple_tag
def fallback_lang(obj, field):
    """` lang="…"` for the element holding `obj.field` when it fell back to the other language, else "".

    For what a <span> cannot hold: paragraphs (a description an NGO wrote
    in Russian only, on the Kazakh page) and an image's alt text.
    """
    if code := _fallback_language(obj, field):
        return format_html(' lang="{}"', code)
    return ""
