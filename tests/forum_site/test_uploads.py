import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from exhibitors.admin import OrganisationAdmin
from exhibitors.models import Organisation
from forum_site.uploads import CappedUploadHandler
from tests.files import png


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


def test_an_admin_save_that_fails_after_storing_a_logo_removes_it(
    client, editor, settings, monkeypatch
):
    def fail(*args, **kwargs):
        # After the organisation's row and its logo's files are written, inside the transaction.
        raise RuntimeError("the database went away")

    monkeypatch.setattr(OrganisationAdmin, "log_addition", fail)
    client.force_login(editor)
    data = {
        "name_kk": "«Жарық» ҚБ",
        "name_ru": "ОО «Свет»",
        "logo": png(),
        "logo_alt_kk": "Жарық логотипі",
        "logo_alt_ru": "Логотип «Свет»",
    }

    with pytest.raises(RuntimeError):
        client.post(reverse("admin:exhibitors_organisation_add"), data)

    media = settings.MEDIA_ROOT
    assert [path for path in media.rglob("*") if path.is_file()] == []
    assert Organisation.objects.count() == 0
