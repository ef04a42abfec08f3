"""Kazakh-aware text handling shared by every app: slugs, sort keys, search.

Django's `slugify` drops Cyrillic, SQLite folds case for ASCII only and
orders by code point, so each of these is done here, in Python, the same way
on every database (see shared/KAZAKH.md).
"""

import re
import unicodedata

# Latin letters for URL slugs. Readable rather than reversible: a slug only
# has to be stable, ASCII (Django's <slug:> converter) and recognisable.
_TRANSLITERATION = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d",
    "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k",
    "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u",
    "ф": "f", "х": "h", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip

# The alphabets, in order. Kazakh as the state standard has it; Russian with
# the Kazakh-only letters after the Russian letter they are built on, as a
# Russian reader would look for them (І beside И).
ALPHABETS = {
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "ru": "аәбвгғдеёжзиійкқлмнңоөпрстуұүфхһцчшщъыьэюя",
}


def normalise(text: str) -> str:
    """Lower-case, NFC-composed text: what search compares."""
    return unicodedata.normalize("NFC", text or "").casefold()


def slugify_kk(text: str, max_length: int = 80) -> str:
    """An ASCII slug for Kazakh, Russian or Latin text ("Қазақ тілі" -> "qazaq-tili")."""
    latin = "".join(_TRANSLITERATION.get(char, char) for char in normalise(text))
    latin = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")
    return slug[:max_length].rstrip("-")


def alphabet_sort_key(text: str, language: str) -> str:
    """A key that sorts names in the alphabet of `language` ("kk" or "ru").

    The key is made of digits only, three per letter, so that every database
    and collation orders it the same way. Quotation marks and other
    punctuation are skipped («Болашақ» sorts under Б); digits come before
    letters, Latin letters after Cyrillic ones.
    """
    alphabet = ALPHABETS[language]
    codes = []
    for char in normalise(text):
        if char.isspace():
            if codes and codes[-1] != "000":
                codes.append("000")
        elif char.isdigit() and char.isascii():
            codes.append(f"{100 + int(char):03d}")
        elif char in alphabet:
            codes.append(f"{200 + alphabet.index(char):03d}")
        elif "a" <= char <= "z":
            codes.append(f"{300 + ord(char) - ord('a'):03d}")
        elif char.isalnum():
            codes.append(f"{400 + ord(char) % 600:03d}")
    while codes and codes[-1] == "000":
        codes.pop()
    return "".join(codes)


def bilingual_sort_keys(name_kk: str, name_ru: str) -> dict:
    """{"sort_key_kk": ..., "sort_key_ru": ...} for a name given in both languages.

    A name missing in one language sorts there by the other, as pages show it.
    """
    name_kk = name_kk or name_ru or ""
    name_ru = name_ru or name_kk or ""
    return {
        "sort_key_kk": alphabet_sort_key(name_kk, "kk"),
        "sort_key_ru": alphabet_sort_key(name_ru, "ru"),
    }
