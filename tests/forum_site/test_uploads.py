from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from forum_site.uploads import CappedUploadHandler


def test_the_upload_handler_keeps_only_the_forms_files_and_caps_their_bytes():
    request = RequestFactory().post(
        "/kk/exhibition/apply/",
        {
            "logo": SimpleUploadedFile("a.png", b"x" * 5000),
            "photo_1": SimpleUploadedFile("b.jpg", b"y" * 50),
            "other": SimpleUploadedFile("c.bin", b"z" * 50),
        },
    )
    request.upload_handlers = [CappedUploadHandler(request, fields=["logo", "photo_1"], limit=1000)]

    files = request.FILES

    assert sorted(files) == ["logo", "photo_1"]
    assert files["logo"].size == 5000  # its true size, for the form's message
    assert len(files["logo"].read()) == 1001  # but no more than the limit is kept
    assert files["photo_1"].read() == b"y" * 50


def test_a_field_sent_twice_is_read_once():
    request = RequestFactory().post(
        "/kk/exhibition/apply/",
        {"logo": [SimpleUploadedFile("a.png", b"1"), SimpleUploadedFile("b.png", b"2")]},
    )
    request.upload_handlers = [CappedUploadHandler(request, fields=["logo"], limit=1000)]

    assert [f.read() for f in request.FILES.getlist("logo")] == [b"1"]
