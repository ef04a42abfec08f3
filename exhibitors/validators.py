import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_WEIGHTS = (range(1, 12), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2))


def bin_check_digit(first_eleven: str) -> int | None:
    """The 12th digit of a Kazakhstani BIN/IIN, or None if no valid one exists.

    The sum of the digits times weights 1..11, modulo 11; when that gives 10,
    a second set of weights is tried; a second 10 means the number is never
    issued.
    """
    digits = [int(char) for char in first_eleven]
    for weights in _WEIGHTS:
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder != 10:
            return remainder
    return None


def validate_bin(value: str) -> None:
    if len(value) != 12 or not value.isascii() or not value.isdigit():
        raise ValidationError(_("A BIN is exactly 12 digits."), code="bin_format")
    if bin_check_digit(value[:11]) != int(value[11]):
        raise ValidationError(
            _("This BIN’s check digit does not match: please check the number."),
            code="bin_check_digit",
        )


_PHONE_SEPARATORS = re.compile(r"[\s\-().]")
_PHONE = re.compile(r"\+7\d{10}")


def normalise_phone(value: str) -> str:
    """A Kazakhstani phone number as +7 and ten digits ("8 (701) 234-56-78" -> "+77012345678").

    Spaces, dashes, dots and brackets are dropped, and a leading 8 (the
    domestic prefix) becomes +7; anything else must already be +7 and ten digits.
    """
    compact = _PHONE_SEPARATORS.sub("", value or "")
    if len(compact) == 11 and compact.startswith("8") and compact.isdigit():
        compact = f"+7{compact[1:]}"
    validate_phone(compact)
    return compact


def validate_phone(value: str) -> None:
    if not _PHONE.fullmatch(value or ""):
        raise ValidationError(
            _(
                "Enter a phone number that starts with +7 and has 10 more digits, like +7 701 234 56 78."
            ),
            code="phone_format",
        )
