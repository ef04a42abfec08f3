"""The booth form keeps the files a visitor chose when it comes back with errors elsewhere."""

import datetime
import io
import re
import uuid

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from exhibitors import stash
from exhibitors.models import Booth, BoothPhoto, StashedUpload
from forum_site.images import PHOTO_WIDTHS, prepare_image
from tests import files

from .test_application_form import HIDDEN_ERROR, apply, media_files, more_photos

KEPT_KK = "Сіз таңдаған «{}» файлы сақталды: оны қайта таңдаудың қажеті жоқ."
KEPT_RU = "Выбранный вами файл «{}» сохранён: выбирать его заново не нужно."
REFUSED = "Осы жерде сізге сақталған файлды пайдалану мүмкін болмады: оны қайта таңдаңыз."
EXPIRED = "Осы жерде таңдаған файлыңыз бір тәулік сақталып, өшірілді: оны қайта таңдаңыз."


def reference(response, field):
    """The kept file's reference the returned form carries for `field`."""
    found = re.search(
        rf'<input type="hidden" name="{field}_kept" value="([^"]+)">', response.content.decode()
    )
    assert found, f"no kept file for {field}"
    return found[1]


@pytest.fixture
def returned(client, open_forum, application_data):
    """A form sent with a photo and a logo but no city: (its data, the response)."""
    data = application_data(
        city="",
        logo=files.png("our-logo.png"),
        logo_alt="Үміт логотипі",
        photo_1=files.jpeg_with_gps("IMG_0001.jpg"),
        photo_1_alt="Сабақ үстінде",
    )
    response = apply(client, data)
    assert response.status_code == 200
    return data, response


def resend(client, data, language="kk", **changes):
    """The returned form sent again as a browser would: typed values, no new file."""
    again = {
        k: v for k, v in data.items() if k not in ("logo", *(f"photo_{n}" for n in range(1, 6)))
    }
    again.update(changes)
    return apply(client, {k: v for k, v in again.items() if v is not None}, language)


def test_a_file_that_passed_its_checks_is_kept_and_named_beside_its_field(returned, settings):
    _data, response = returned

    assertContains(response, KEPT_KK.format("our-logo.png"))
    assertContains(response, KEPT_KK.format("IMG_0001.jpg"))
    assertContains(
        response,
        "<p>Тексеруден өткен файлдар сақталды: оларды қайта таңдаудың қажеті жоқ.</p>",
        html=True,
    )
    assertNotContains(response, "файлдар сақталмайды")
    assert sorted(StashedUpload.objects.values_list("field", "name")) == [
        ("logo", "our-logo.png"),
        ("photo_1", "IMG_0001.jpg"),
    ]
    # Kept privately, never among the media the web server hands out.
    assert media_files(settings) == []
    assert Booth.objects.count() == 0


def test_the_kept_file_note_describes_its_input_and_the_box_to_remove_it_names_the_field(
    returned,
):
    html = returned[1].content.decode()

    logo_input = re.search(r'<input type="file" name="logo"[^>]*>', html)[0]
    assert 'aria-describedby="id_logo_helptext id_logo_kept"' in logo_input
    assert re.search(r'<p id="id_logo_kept">Сіз таңдаған «our-logo.png» файлы сақталды', html)
    assert re.search(
        r'<input type="checkbox" name="logo_remove" id="id_logo_remove">\s*'
        r'<label for="id_logo_remove">Сақталған файлды алып тастау \(Логотип\)</label>',
        html,
    )
    photo_input = re.search(r'<input type="file" name="photo_1"[^>]*>', html)[0]
    assert 'aria-describedby="id_photo_1_kept"' in photo_input
    assert (
        '<label for="id_photo_1_remove">Сақталған файлды алып тастау (1-фотосурет)</label>' in html
    )


def test_the_note_is_in_russian_on_the_russian_page(client, open_forum, application_data):
    response = apply(
        client, application_data(city="", logo=files.png("лого.png"), logo_alt="Лого"), "ru"
    )

    assertContains(response, KEPT_RU.format("лого.png"))
    assertContains(response, "Удалить сохранённый файл (Логотип)")


def test_a_kept_files_name_is_escaped(client, open_forum, application_data):
    response = apply(
        client,
        application_data(
            city="", logo=files.png('<img src=x onerror="alert(1)">.png'), logo_alt="Лого"
        ),
    )

    assertContains(response, "«&lt;img src=x onerror=&quot;alert(1)&quot;&gt;.png»")
    assertNotContains(response, "<img src=x")


def test_a_kept_file_is_saved_on_the_next_send_reencoded_like_a_new_upload(
    client, returned, settings
):
    data, first = returned

    response = resend(
        client,
        data,
        city="Астана",
        logo_kept=reference(first, "logo"),
        photo_1_kept=reference(first, "photo_1"),
    )

    booth = Booth.objects.get()
    assert response.status_code == 302
    organisation = booth.organisation
    assert organisation.logo_alt_kk == "Үміт логотипі"
    assert len(organisation.logo_renditions) == 6
    photo = BoothPhoto.objects.get(booth=booth)
    assert photo.alt_kk == "Сабақ үстінде"
    # The same bytes a file chosen again would give: checked, turned by its EXIF, re-encoded.
    expected = prepare_image(files.jpeg_with_gps("IMG_0001.jpg"), PHOTO_WIDTHS)
    stored = [(settings.MEDIA_ROOT / r["name"]).read_bytes() for r in photo.renditions]
    assert stored == [r.content for r in expected.renditions]
    assert (photo.width, photo.height) == (600, 800)
    # Used: no longer kept.
    assert StashedUpload.objects.count() == 0


def test_ticking_remove_drops_the_kept_file(client, returned, settings):
    data, first = returned

    again = resend(
        client, data, logo_kept=reference(first, "logo"), logo_remove="on",
        photo_1_kept=reference(first, "photo_1"),
    )  # fmt: skip

    assertNotContains(again, "our-logo.png")
    assertContains(again, KEPT_KK.format("IMG_0001.jpg"))
    assert list(StashedUpload.objects.values_list("field", flat=True)) == ["photo_1"]

    sent = resend(
        client, data, city="Астана", logo_alt="", photo_1_kept=reference(again, "photo_1"),
        photo_1_remove="on",
    )  # fmt: skip

    booth = Booth.objects.get()
    assert sent.status_code == 302
    assert not booth.organisation.logo
    assert booth.photos.count() == 0
    assert media_files(settings) == []
    assert StashedUpload.objects.count() == 0


def test_a_file_chosen_instead_replaces_the_kept_one(client, returned):
    data, first = returned

    response = resend(
        client,
        data,
        logo=files.webp("new-logo.webp"),
        logo_kept=reference(first, "logo"),
        photo_1_kept=reference(first, "photo_1"),
    )

    assertContains(response, KEPT_KK.format("new-logo.webp"))
    assertNotContains(response, "our-logo.png")
    assert sorted(StashedUpload.objects.values_list("field", "name")) == [
        ("logo", "new-logo.webp"),
        ("photo_1", "IMG_0001.jpg"),
    ]


def test_a_refused_new_file_leaves_the_kept_one_in_place(client, returned):
    data, first = returned

    response = resend(client, data, logo=files.svg(), logo_kept=reference(first, "logo"))

    assertContains(response, "Бұл файл JPEG, PNG немесе WebP суреті емес")
    assertContains(response, KEPT_KK.format("our-logo.png"))


def test_a_form_keeps_at_most_one_file_per_field(client, open_forum, application_data):
    data = application_data(city="", logo_alt="Лого")

    for name in ("one.png", "two.png", "three.png"):
        apply(client, {**data, "logo": files.png(name)})

    assert list(StashedUpload.objects.values_list("name", flat=True)) == ["three.png"]


NOT_KEPT_KK = (
    "Бұл жолы кейбір файлдарды сақтау мүмкін болмады: логотип пен фотосуреттерді қайта таңдаңыз."
)


def test_all_forms_together_keep_no_more_than_the_cap(
    client, open_forum, application_data, monkeypatch
):
    """A flood of forms sent with errors cannot fill the database: past the cap a file is not
    kept, and the form says to choose it again."""
    logo, photo = files.png("our-logo.png"), files.jpeg_with_gps("IMG_0001.jpg")
    logo_size = len(logo.read())
    logo.seek(0)
    # Room for the logo (the first file kept), not for the photo as well.
    monkeypatch.setattr(stash, "MAX_KEPT_BYTES", logo_size + 10)
    data = application_data(
        city="", logo=logo, logo_alt="Лого", photo_1=photo, photo_1_alt="Сабақ үстінде"
    )

    response = apply(client, data)

    assert list(StashedUpload.objects.values_list("field", "size")) == [("logo", logo_size)]
    assertContains(response, KEPT_KK.format("our-logo.png"))
    assertNotContains(response, KEPT_KK.format("IMG_0001.jpg"))
    assertContains(response, f"<p>{NOT_KEPT_KK}</p>", html=True)
    # Another form finds the cap reached: nothing of it is kept.
    other = apply(Client(), application_data(city="", logo=files.png("b.png"), logo_alt="Лого"))
    assert StashedUpload.objects.count() == 1
    assertContains(other, f"<p>{NOT_KEPT_KK}</p>", html=True)


def test_a_form_whose_files_were_all_kept_does_not_ask_for_them_again(returned):
    _data, response = returned

    assertNotContains(response, NOT_KEPT_KK)


def test_a_kept_photo_in_a_later_slot_opens_the_other_photos(client, open_forum, application_data):
    response = apply(
        client, application_data(city="", photo_3=files.jpeg("stand.jpg"), photo_3_alt="Стенд")
    )

    tag, inside = more_photos(response)
    assert tag == '<details class="more-photos" open>'
    assert KEPT_KK.format("stand.jpg") in inside


# What a visitor cannot do


@pytest.mark.parametrize(
    "forge",
    [
        lambda ref: ref[:-1] + ("A" if ref[-1] != "A" else "B"),  # signature edited
        lambda ref: "0" * 32 + ref[32:],  # another id under the same signature
        lambda ref: "../../forum_site/settings.py",
        lambda ref: "/etc/passwd:abc",
    ],
)
def test_a_forged_reference_is_refused_with_a_message(client, returned, forge):
    data, first = returned

    response = resend(
        client,
        data,
        city="Астана",
        logo_kept=forge(reference(first, "logo")),
        photo_1_kept=reference(first, "photo_1"),
    )

    assert response.status_code == 200
    assertContains(
        response,
        f'<p class="error-message" id="id_logo_error">{HIDDEN_ERROR}{REFUSED}</p>',
        html=True,
    )
    assertContains(response, f'<a href="#id_logo">Логотип: {REFUSED}</a>', html=True)
    assert Booth.objects.count() == 0
    # The other kept file is still there, the forged one is not shown as kept.
    assertContains(response, KEPT_KK.format("IMG_0001.jpg"))
    assertNotContains(response, KEPT_KK.format("our-logo.png"))


def test_a_reference_is_only_good_for_its_own_field(client, returned):
    data, first = returned

    response = resend(client, data, city="Астана", photo_1_kept=reference(first, "logo"))

    assertContains(
        response,
        f'<p class="error-message" id="id_photo_1_error">{HIDDEN_ERROR}{REFUSED}</p>',
        html=True,
    )
    assert Booth.objects.count() == 0


def test_another_visitors_kept_file_cannot_be_used(client, returned):
    data, first = returned
    stranger = Client()
    stranger.get("/kk/exhibition/apply/")

    # Everything the first visitor's form held, sent from another browser.
    response = resend(stranger, data, city="Астана", logo_kept=reference(first, "logo"))

    assertContains(
        response,
        f'<p class="error-message" id="id_logo_error">{HIDDEN_ERROR}{REFUSED}</p>',
        html=True,
    )
    assertNotContains(response, "our-logo.png")
    assert Booth.objects.count() == 0
    # Nor can the stranger remove it: the visitor who chose it still sends it.
    resend(stranger, data, logo_kept=reference(first, "logo"), logo_remove="on")
    sent = resend(
        client, data, city="Астана", logo_kept=reference(first, "logo"),
        photo_1_kept=reference(first, "photo_1"),
    )  # fmt: skip
    assert sent.status_code == 302
    assert Booth.objects.get().organisation.logo


def test_a_reference_is_only_good_with_its_own_forms_token(client, returned, application_data):
    _data, first = returned

    response = apply(client, application_data(logo_kept=reference(first, "logo"), logo_alt="Лого"))

    assertContains(response, REFUSED)
    assert Booth.objects.count() == 0


# Expiry and clean-up


def age(days):
    StashedUpload.objects.update(
        created_at=StashedUpload.objects.first().created_at - datetime.timedelta(days=days)
    )


def test_an_expired_kept_file_is_not_used_and_is_removed(client, returned):
    data, first = returned
    age(days=1)

    response = resend(
        client, data, city="Астана", logo_kept=reference(first, "logo"),
        photo_1_kept=reference(first, "photo_1"),
    )  # fmt: skip

    assertContains(
        response,
        f'<p class="error-message" id="id_logo_error">{HIDDEN_ERROR}{EXPIRED}</p>',
        html=True,
    )
    assertContains(
        response,
        f'<p class="error-message" id="id_photo_1_error">{HIDDEN_ERROR}{EXPIRED}</p>',
        html=True,
    )
    assert Booth.objects.count() == 0
    assert StashedUpload.objects.count() == 0


def test_the_clean_up_command_removes_only_expired_kept_files(db):
    now = timezone.now()
    for name, kept_at in [("fresh.png", now), ("old.png", now - datetime.timedelta(hours=25))]:
        StashedUpload.objects.create(
            submission_token=uuid.uuid4(), field="logo", name=name, data=b"x", created_at=kept_at
        )
    out = io.StringIO()

    call_command("remove_expired_uploads", stdout=out)

    assert list(StashedUpload.objects.values_list("name", flat=True)) == ["fresh.png"]
    assert out.getvalue() == "Removed 1 expired kept files.\n"


def test_keeping_files_clears_out_expired_ones(client, returned, application_data):
    age(days=2)

    apply(client, application_data(city="", logo=files.png("fresh.png"), logo_alt="Лого"))

    assert list(StashedUpload.objects.values_list("name", flat=True)) == ["fresh.png"]
