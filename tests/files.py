"""Image files made in the tests: good ones, and every kind the form must refuse."""

import io
import struct
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(format="JPEG", size=(1200, 900), color=(200, 30, 30), mode="RGB", **options):
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=format, **options)
    return buffer.getvalue()


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def jpeg(name="photo.jpg", **kwargs):
    return upload(image_bytes("JPEG", **kwargs), name)


def png(name="logo.png", **kwargs):
    return upload(image_bytes("PNG", **kwargs), name, "image/png")


def webp(name="photo.webp", **kwargs):
    return upload(image_bytes("WEBP", **kwargs), name, "image/webp")


def jpeg_with_gps(name="phone.jpg"):
    """A phone photo: EXIF with the camera and a GPS position (Astana), rotated by EXIF."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (51.0, 10.0, 0.0)
    gps[3] = "E"
    gps[4] = (71.0, 26.0, 0.0)
    return upload(image_bytes("JPEG", size=(800, 600), exif=exif.tobytes()), name)


def png_bomb(width=8000, height=6000):
    """A tiny PNG that claims width × height pixels (48 MP by default): a decompression bomb.

    Only the header matters: the size is refused before any pixel is decoded.
    """
    import zlib

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    pixels = zlib.compress(row * height, 9)
    content = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
    content += chunk(b"IEND", b"")
    return upload(content, "bomb.png", "image/png")


def truncated_jpeg():
    content = image_bytes("JPEG", size=(1200, 900))
    return upload(content[: len(content) // 2], "cut.jpg")


def truncated_png():
    content = _noisy_png()
    return upload(content[: len(content) * 2 // 3], "cut.png", "image/png")


def _noisy_png():
    image = Image.effect_noise((600, 400), 64).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def svg(name="logo.svg"):
    content = (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b"<script>alert(1)</script></svg>"
    )
    return upload(content, name, "image/svg+xml")


def svg_named_png():
    return svg(name="logo.png")


def html_named_jpeg():
    return upload(b"<html><script>alert(1)</script></html>", "photo.jpg")


def gif():
    return upload(image_bytes("GIF", size=(100, 100), mode="P", color=1), "anim.gif", "image/gif")


def polyglot_jpeg_zip():
    """A JPEG with a ZIP archive appended: both a valid image and a valid archive."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("payload.html", "<script>alert(1)</script>")
    return upload(image_bytes("JPEG", size=(400, 300)) + archive.getvalue(), "poly.jpg")


def polyglot_png_html():
    return upload(
        image_bytes("PNG", size=(50, 50)) + b"<html><script>alert(1)</script>",
        "poly.png",
        "image/png",
    )


def too_large():
    """A real JPEG over 5 MB (noise does not compress)."""
    image = Image.effect_noise((2000, 2000), 128).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=100)
    content = buffer.getvalue()
    assert len(content) > 5 * 1024 * 1024, len(content)
    return upload(content, "big.jpg")
