"""Share images: the picture a messenger or social network shows beside a link.

Staff may upload one per edition (`Forum.share_image`); otherwise one is drawn
here from the edition's title, in the page's language, with a font that holds
every Kazakh letter (Pillow's default font has no Cyrillic at all). Drawn
images are cached, keyed by the edition's last change.
"""

import io
from functools import cache
from pathlib import Path

from django.core.cache import cache as django_cache
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
BACKGROUND = "#0b4f8a"  # the site's accent colour
TEXT = "#ffffff"
FONTS = Path(__file__).resolve().parent / "fonts"
CACHE_SECONDS = 60 * 60 * 24


@cache
def _font(name, size):
    return ImageFont.truetype(str(FONTS / name), size)


def _wrap(draw, text, font, width):
    """`text` in lines no wider than `width` pixels (a word longer than that keeps its own line)."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def draw(title, subtitle, footer):
    """A 1200 × 630 PNG (bytes): `title` as large as fits, `subtitle` above, `footer` below."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    canvas = ImageDraw.Draw(image)
    text_width = WIDTH - 2 * MARGIN
    small = _font("DejaVuSans.ttf", 30)
    canvas.text((MARGIN, MARGIN), subtitle, font=small, fill=TEXT)
    # The title goes between the subtitle and the footer, as large as fits there.
    area_top, area_bottom = MARGIN + 60, HEIGHT - MARGIN - 2 * 38 - 20
    for size in (72, 64, 56, 48, 40, 34, 28):
        font = _font("DejaVuSans-Bold.ttf", size)
        lines = _wrap(canvas, title, font, text_width)
        line_height = int(size * 1.25)
        if len(lines) * line_height <= area_bottom - area_top:
            break
    lines = lines[: (area_bottom - area_top) // line_height]
    top = area_top + (area_bottom - area_top - line_height * len(lines)) // 2
    for number, line in enumerate(lines):
        canvas.text((MARGIN, top + number * line_height), line, font=font, fill=TEXT)
    footer_lines = _wrap(canvas, footer, small, text_width)[:2]
    for number, line in enumerate(reversed(footer_lines), start=1):
        canvas.text((MARGIN, HEIGHT - MARGIN - number * 38), line, font=small, fill=TEXT)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def edition_image(forum, language):
    """The PNG for `forum` in the active `language`, drawn once per change of the edition."""
    stamp = forum.updated_at.timestamp() if forum and forum.updated_at else 0
    key = f"share-image:{forum.pk if forum else 'site'}:{language}:{stamp}"

    def render():
        site = _("Social Projects Forum-Exhibition")
        ministry = _(
            "Ministry of Labour and Social Protection of the Population of the Republic of Kazakhstan"
        )
        if forum is None:
            return draw(site, "", ministry)
        subtitle = ", ".join(str(part) for part in (forum.city, forum.year) if part)
        return draw(forum.title, subtitle or site, ministry)

    return django_cache.get_or_set(key, render, CACHE_SECONDS)
