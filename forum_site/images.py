"""Uploaded images, judged by their content and re-encoded before they are stored.

Django's ImageField only calls Pillow's `verify()`: it lets through huge
files, truncated images (a 500 later, when resized), files with an archive
appended and photos carrying their GPS position (see shared/SECURITY.md).
Here an upload is accepted only if Pillow, limited to JPEG, PNG and WebP,
decodes it whole, within our size and pixel caps and with nothing after the
image's end; it is then re-encoded (EXIF, GPS, XMP and colour profiles
dropped, orientation applied) at the widths the pages use, as WebP and JPEG
(JPEG alone for a share image: link previews read no <picture>).

Every uploaded image goes through here: the public booth form's, and the
admin's (booth photos, logos, an edition's share image).
"""

import io
import struct
import warnings
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000

# Widths (in pixels) of the copies each kind of image gets: what the pages
# show at one and two device pixels per CSS pixel, phones first.
PHOTO_WIDTHS = (480, 960, 1600)
LOGO_WIDTHS = (160, 320, 640)

# What the stored copies are: (format, file extension, Pillow options).
WEBP_OUTPUT = ("WEBP", "webp", {"quality": 80, "method": 4})
JPEG_OUTPUT = ("JPEG", "jpg", {"quality": 85, "optimize": True, "progressive": True})
OUTPUT_FORMATS = (WEBP_OUTPUT, JPEG_OUTPUT)

# Anything Pillow may raise on a damaged file while decoding it.
_DECODING_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError)


def _reject(message, code):
    raise ValidationError(message, code=code)


@dataclass
class Rendition:
    width: int
    height: int
    format: str  # "webp" or "jpeg"
    extension: str
    content: bytes


@dataclass
class PreparedImage:
    """An accepted upload, re-encoded in memory and ready to store."""

    width: int
    height: int
    renditions: list[Rendition] = field(default_factory=list)

    def largest(self, format="jpeg"):
        return max((r for r in self.renditions if r.format == format), key=lambda r: r.width)


def prepare_image(upload, widths=PHOTO_WIDTHS, formats=OUTPUT_FORMATS):
    """Validate an uploaded file and return it re-encoded, or raise ValidationError.

    The copies are `widths` wide (never wider than the original), in each of
    `formats` (entries of OUTPUT_FORMATS).

    Every refusal has its own message: too large, not an image of an allowed
    type (SVG, GIF, HTML, a renamed file...), too many pixels (a decompression
    bomb), damaged or incomplete, or carrying other data after the image.
    """
    if upload.size > MAX_BYTES:
        _reject(
            _("This file is %(size)s; the largest allowed is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)},
            "file_too_large",
        )
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        _reject(
            _("This file is larger than %(limit)s.") % {"limit": filesizeformat(MAX_BYTES)},
            "file_too_large",
        )
    image = _open(data)
    if image.width * image.height > MAX_PIXELS:
        _too_many_pixels()
    _check_decodes(data)
    if _trailing_data(data, image.format):
        _reject(
            _(
                "This file carries other data after the image (for example an archive, or the "
                "video of a “live” photo). Please save it as a plain JPEG, PNG or WebP image "
                "and choose it again."
            ),
            "trailing_data",
        )
    return _reencode(image, widths, formats)


def _too_many_pixels():
    _reject(
        _("This image has too many pixels: at most %(megapixels)s megapixels are allowed.")
        % {"megapixels": MAX_PIXELS // 1_000_000},
        "too_many_pixels",
    )


def _not_an_image():
    _reject(
        _(
            "This file is not a JPEG, PNG or WebP image (whatever its name says). "
            "Please choose a photo or picture in one of these formats."
        ),
        "unsupported_format",
    )


def _open(data):
    """Open the image's header with only the allowed decoders, bombs refused."""
    try:
        with warnings.catch_warnings():
            # Pillow warns above its own limit and raises at twice it; either is a bomb.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _too_many_pixels()
    except UnidentifiedImageError:
        _not_an_image()
    except _DECODING_ERRORS:
        _damaged()
    if image.format not in ALLOWED_FORMATS:
        _not_an_image()
    return image


def _damaged():
    _reject(
        _(
            "This image is damaged or incomplete (perhaps it was not fully downloaded). "
            "Please choose another copy of it."
        ),
        "damaged",
    )


def _check_decodes(data):
    """verify() checks the structure, load() decodes every pixel: both must pass."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS) as image:
                image.verify()
            with Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS) as image:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _too_many_pixels()
    except _DECODING_ERRORS:
        _damaged()


def _trailing_data(data, format):
    """Whether bytes other than padding follow the image's end (a polyglot file)."""
    end = {"JPEG": _jpeg_end, "PNG": _png_end, "WEBP": _webp_end}[format](data)
    if end is None:
        return True
    return bool(data[end:].strip(b"\x00\r\n\t "))


def _png_end(data):
    position = 8
    while position + 12 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        position += 12 + length
        if kind == b"IEND":
            return position
    return None


def _webp_end(data):
    (size,) = struct.unpack("<I", data[4:8])
    return 8 + size + size % 2


def _jpeg_end(data):
    """The offset just after the JPEG's end-of-image marker, walking its segments."""
    position = 2  # after SOI
    length_of_data = len(data)
    while position + 4 <= length_of_data:
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xD9:  # EOI
            return position + 2
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        position += 2 + length
        if marker == 0xDA:  # SOS: entropy-coded data runs to the next real marker
            while position + 1 < length_of_data:
                if data[position] == 0xFF and data[position + 1] not in (
                    0x00,
                    *range(0xD0, 0xD8),
                ):
                    break
                position += 1
    if position + 2 <= length_of_data and data[position : position + 2] == b"\xff\xd9":
        return position + 2
    return None


def _to_srgb(image):
    """Apply an embedded colour profile so dropping it keeps the colours right."""
    profile = image.info.get("icc_profile")
    if not profile:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        output_mode = "RGBA" if "A" in image.getbands() else "RGB"
        converted = ImageCms.profileToProfile(
            image.convert(output_mode),
            source,
            ImageCms.createProfile("sRGB"),
            outputMode=output_mode,
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image
    return converted or image


def _flatten(image, keep_alpha):
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    if has_alpha:
        image = image.convert("RGBA")
        if keep_alpha:
            return image
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def _reencode(image, widths, formats):
    try:
        image = ImageOps.exif_transpose(image)
        image = _to_srgb(image)
    except _DECODING_ERRORS:
        _damaged()
    prepared = PreparedImage(width=image.width, height=image.height)
    targets = sorted({min(width, image.width) for width in widths})
    for width in targets:
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.LANCZOS)
        for pillow_format, extension, options in formats:
            output = io.BytesIO()
            encoded = _flatten(resized, keep_alpha=pillow_format == "WEBP")
            # Nothing of the original's metadata is passed on: some encoders
            # default to what `info` holds (EXIF, ICC, XMP), so empty it.
            encoded.info = {}
            encoded.save(output, format=pillow_format, **options)
            prepared.renditions.append(
                Rendition(
                    width=width,
                    height=height,
                    format=pillow_format.lower(),
                    extension=extension,
                    content=output.getvalue(),
                )
            )
    return prepared
