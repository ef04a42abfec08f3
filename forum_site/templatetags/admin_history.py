"""The admin history's change messages with the bilingual fields' names translated."""

import json
import re
from copy import copy

from django import template
from django.utils.text import capfirst
from django.utils.translation import gettext

from forum_site.admin_tools import LANGUAGE_CODES

register = template.Library()

# modeltranslation labels a column "Title [kk]"; Django stores the English label
# and translates it when shown, which finds no "Title [kk]" in any catalogue.
COLUMN_LABEL = re.compile(r"(?P<label>.+) \[(?P<code>[a-z]{2})\]")


def field_label(label):
    if (translated := gettext(label)) != label:
        return translated
    column = COLUMN_LABEL.fullmatch(label)
    code = column["code"] if column and column["code"] in LANGUAGE_CODES else None
    name = column["label"] if code else label
    # The msgid is the verbose name ("title"); the label is its capfirst.
    name = capfirst(gettext(name[:1].lower() + name[1:]))
    return f"{name} [{code}]" if code else name


@register.filter
def change_message(entry):
    """`entry.get_change_message()`, with each changed field's label in the page's language."""
    try:
        parts = json.loads(entry.change_message)
    except json.JSONDecodeError:
        return entry.get_change_message()
    if not isinstance(parts, list):
        return entry.get_change_message()
    for part in parts:
        for details in part.values():
            if isinstance(details, dict) and "fields" in details:
                details["fields"] = [field_label(label) for label in details["fields"]]
    entry = copy(entry)
    entry.change_message = json.dumps(parts)
    return entry.get_change_message()
