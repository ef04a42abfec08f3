"""A code as a screen reader should read it: one character at a time."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def spelled(code):
    """The code's characters between commas, a hyphen named: a voice reads each one, with a pause.

    «MNA-VF34» becomes «M, N, A, hyphen, V, F, 3, 4».
    Read whole, the code sounds like a word («мна», «вэфэ»), and a listener
    cannot write it down.
    """
    names = {"-": _("hyphen")}
    return ", ".join(names.get(character, character) for character in code)
