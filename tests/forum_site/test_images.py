import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image

from forum_site.images import LOGO_WIDTHS, PHOTO_WIDTHS, prepare_image
from tests import files


def refusal(upload):
    with pytest.raises(ValidationError) as caught:
        prepare_image(upload)
    return caught.value


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (files.png_bomb, "too_many_pixels"),
        (files.truncated_jpeg, "damaged"),
        (files.truncated_png, "damaged"),
        (files.svg, "unsupported_format"),
        (files.svg_named_png, "unsupported_format"),
        (files.html_named_jpeg, "unsupported_format"),
        (files.gif, "unsupported_format"),
        (files.polyglot_jpeg_zip, "trailing_data"),
        (files.polyglot_png_html, "trailing_data"),
        (files.too_large, "file_too_large"),
    ],
)
def test_every_bad_file_kind_is_refused_with_its_own_message(make, code):
    error = refusal(make())

    assert error.code == code
    assert len(error.messages) == 1


def test_a_bomb_bigger_than_pillows_own_limit_is_refused_as_too_many_pixels():
    assert refusal(files.png_bomb(20000, 20000)).code == "too_many_pixels"


def test_refusal_messages_say_what_is_wrong_in_the_active_language():
    with translation.override("ru"):
        assert "не изображение JPEG, PNG или WebP" in refusal(files.svg()).messages[0]
        assert "не больше 40 мегапикселей" in refusal(files.png_bomb()).messages[0]
        assert "не больше 5,0\xa0МБ" in refusal(files.too_large()).messages[0]


@pytest.mark.parametrize("make", [files.jpeg, files.png, files.webp])
def test_jpeg_png_and_webp_are_accepted_and_stored_as_webp_and_jpeg(make):
    prepared = prepare_image(make(size=(1200, 900)))

    assert (prepared.width, prepared.height) == (1200, 900)
    assert sorted((r.format, r.width, r.height) for r in prepared.renditions) == [
        ("jpeg", 480, 360),
        ("jpeg", 960, 720),
        ("jpeg", 1200, 900),
        ("webp", 480, 360),
        ("webp", 960, 720),
        ("webp", 1200, 900),
    ]
    for rendition in prepared.renditions:
        with Image.open(io.BytesIO(rendition.content)) as stored:
            assert stored.format == rendition.format.upper()
            assert stored.size == (rendition.width, rendition.height)


def test_a_small_image_is_never_enlarged():
    prepared = prepare_image(files.png(size=(300, 200)), LOGO_WIDTHS)

    assert sorted({(r.width, r.height) for r in prepared.renditions}) == [(160, 107), (300, 200)]


def test_a_large_photo_is_capped_at_the_widest_rendition():
    prepared = prepare_image(files.jpeg(size=(4000, 3000)))

    assert max(r.width for r in prepared.renditions) == max(PHOTO_WIDTHS)


def test_exif_and_gps_are_dropped_and_the_orientation_applied():
    prepared = prepare_image(files.jpeg_with_gps())

    # Orientation 6: the 800 × 600 picture displays as 600 × 800.
    assert (prepared.width, prepared.height) == (600, 800)
    for rendition in prepared.renditions:
        with Image.open(io.BytesIO(rendition.content)) as stored:
            assert not stored.getexif()
            assert "exif" not in stored.info
            assert "icc_profile" not in stored.info
            assert b"PhoneMaker" not in rendition.content


def test_a_transparent_png_keeps_its_transparency_in_webp_and_gets_white_in_jpeg():
    prepared = prepare_image(files.png(size=(200, 200), mode="RGBA", color=(0, 0, 0, 0)))

    webp = next(r for r in prepared.renditions if r.format == "webp")
    jpeg = next(r for r in prepared.renditions if r.format == "jpeg")
    with Image.open(io.BytesIO(webp.content)) as image:
        assert image.convert("RGBA").getpixel((5, 5))[3] == 0
    with Image.open(io.BytesIO(jpeg.content)) as image:
        assert image.getpixel((5, 5)) == (255, 255, 255)


def test_padding_after_the_image_is_not_a_polyglot():
    content = files.image_bytes("JPEG", size=(100, 100)) + b"\x00" * 16

    prepared = prepare_image(files.upload(content))

    assert prepared.width == 100


def test_a_progressive_jpeg_is_accepted():
    content = files.image_bytes("JPEG", size=(640, 480), progressive=True)

    assert prepare_image(files.upload(content)).width == 640
