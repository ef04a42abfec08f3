import datetime
import re
import uuid

import pytest
from django import forms
from django.core import mail
from django.core.cache.backends.base import BaseCache
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from events.models import ACCESS_NAMES
from exhibitors.forms import BoothApplicationForm
from exhibitors.models import Booth, BoothPhoto, Organisation
from tests import files
from tests.factories import BoothFactory, ForumFactory, OrganisationFactory

from .conftest import valid_bin

APPLY = "/{}/exhibition/apply/"
# Each message beside a field starts with a hidden "Error:" for screen readers.
HIDDEN_ERROR = '<span class="visually-hidden">Қате: </span>'


def apply(client, data, language="kk", **kwargs):
    return client.post(APPLY.format(language), data, **kwargs)


def media_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


# The page, open and closed


@pytest.mark.parametrize(
    ("language", "heading", "label"),
    [
        ("kk", "Көрмеге стенд алуға өтінім беру", "Қазақша атауы"),
        ("ru", "Заявка на стенд на выставке", "Название на казахском"),
    ],
)
def test_the_form_is_in_the_pages_language(client, open_forum, themes, language, heading, label):
    response = client.get(APPLY.format(language))

    assertContains(response, f"<h1>{heading}</h1>", html=True)
    assertContains(response, label)
    assertContains(response, 'name="submission_token"')
    assertContains(response, 'name="csrfmiddlewaretoken"')
    assert "no-cache" in response["Cache-Control"]


def test_the_form_runs_as_many_queries_with_many_themes_as_with_few(client, open_forum):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ThemeFactory

    counts = []
    for themes in (2, 30):
        ThemeFactory.create_batch(themes)
        with CaptureQueriesContext(connection) as queries:
            client.get(APPLY.format("kk"))
        counts.append(len(queries))

    assert counts[0] == counts[1] <= 3


def test_each_page_load_gets_its_own_submission_token(client, open_forum, themes):
    tokens = [
        re.search(
            r'name="submission_token" value="([^"]+)"',
            client.get(APPLY.format("kk")).content.decode(),
        )[1]
        for _ in range(2)
    ]

    assert tokens[0] != tokens[1]


def test_before_the_opening_date_the_page_says_when_applications_open(client, open_forum):
    open_forum.applications_open_from = timezone.make_aware(datetime.datetime(2099, 3, 2, 9, 0))
    open_forum.save()

    response = client.get(APPLY.format("ru"))

    assertContains(response, "Приём заявок на стенды откроется 2 марта 2099")
    assertNotContains(response, "<form")


@pytest.mark.parametrize(
    "dates",
    [
        {"applications_open_from": None},
        {"applications_open_until": timezone.now() - datetime.timedelta(hours=1)},
    ],
)
def test_without_dates_or_after_the_closing_date_applications_are_closed(
    client, open_forum, application_data, dates
):
    for name, value in dates.items():
        setattr(open_forum, name, value)
    open_forum.save()

    page = client.get(APPLY.format("kk"))
    sent = apply(client, application_data())

    assertContains(page, "Стендке өтінім қабылдау қазір жабық.")
    assertContains(sent, "Стендке өтінім қабылдау қазір жабық.")
    assert Booth.objects.count() == 0


@pytest.mark.parametrize("is_open", [True, False])
@pytest.mark.parametrize("method", ["TRACE", "PUT", "PATCH", "DELETE", "OPTIONS"])
def test_the_form_answers_only_get_head_and_post_open_or_closed(
    client, open_forum, is_open, method
):
    if not is_open:
        open_forum.applications_open_from = None
        open_forum.save()

    response = client.generic(method, APPLY.format("kk"))

    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, POST, HEAD"


def test_the_home_page_links_to_the_form_while_it_is_open(client, open_forum):
    assertContains(client.get("/kk/"), 'href="/kk/exhibition/apply/"')


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_current_editions_home_at_its_archive_address_links_to_the_form(
    client, open_forum, language
):
    response = client.get(f"/{language}/archive/{open_forum.slug}/")

    assertContains(response, f'href="/{language}/exhibition/apply/"', count=1)


@pytest.mark.parametrize(
    "closes",
    [
        timezone.now() - datetime.timedelta(days=300),
        # Dates left open by mistake: the form still takes the current edition's only.
        None,
    ],
)
def test_a_past_editions_home_never_links_to_the_form(client, open_forum, closes):
    open_forum.starts_on = datetime.date(2099, 5, 1)
    open_forum.save()
    past = ForumFactory(
        slug="2024",
        starts_on=datetime.date(2024, 5, 1),
        applications_open_from=timezone.now() - datetime.timedelta(days=400),
        applications_open_until=closes,
    )

    response = client.get(f"/kk/archive/{past.slug}/")

    assertNotContains(response, "/exhibition/apply/")
    assertNotContains(response, 'id="call-heading"')
    assertContains(client.get(f"/kk/archive/{open_forum.slug}/"), 'href="/kk/exhibition/apply/"')


# A good application


def test_an_application_is_saved_and_the_thank_you_page_shows_its_code(
    client, open_forum, application_data
):
    response = apply(client, application_data(), "ru")

    booth = Booth.objects.get()
    assertRedirects(response, f"/ru/exhibition/apply/thanks/{booth.submission_token}/")
    thanks = client.get(response.url)
    assertContains(thanks, booth.reference_code)
    assert thanks["X-Robots-Tag"] == "noindex, nofollow"
    assertContains(thanks, "Спасибо")
    assert booth.status == Booth.Status.SUBMITTED
    assert booth.language == "ru"
    assert booth.forum == open_forum
    assert booth.consent_given_at is not None
    assert booth.contact_phone == "+77012345678"
    assert booth.project_title_kk == "Ымдау тілі мектебі"
    assert booth.organisation.name_kk == "«Үміт» қоғамдық бірлестігі"
    assert booth.organisation.bin == valid_bin()
    assert booth.organisation.city_ru == "Астана"
    assert list(booth.themes.values_list("slug", flat=True)) == ["inclusive"]
    assert re.fullmatch(r"[A-Z0-9]{3}-[A-Z0-9]{4}", booth.reference_code)


def test_a_submitted_application_is_not_public(client, open_forum, application_data):
    apply(client, application_data())
    booth = Booth.objects.get()

    assert list(Booth.objects.public()) == []
    assert client.get(f"/kk/exhibition/{booth.slug}/").status_code == 404


def test_a_thank_you_page_needs_the_forms_secret_token(client, open_forum):
    assert (
        client.get("/kk/exhibition/apply/thanks/8b7f3f5e-4a4e-4b8f-9d4a-2f1d3c6e9a10/").status_code
        == 404
    )


@pytest.mark.parametrize(
    ("language", "spelled"),
    [
        ("kk", "Кодтың таңбалары: M, N, A, дефис, V, F, 3, 4."),
        ("ru", "Код по символам: M, N, A, дефис, V, F, 3, 4."),
    ],
)
def test_the_thank_you_page_spells_the_code_for_a_screen_reader(client, db, language, spelled):
    """Read whole, «MNA-VF34» sounds like a word; spelled, a listener can write it down."""
    booth = BoothFactory(
        status=Booth.Status.SUBMITTED, reference_code="MNA-VF34", submission_token=uuid.uuid4()
    )

    response = client.get(f"/{language}/exhibition/apply/thanks/{booth.submission_token}/")

    # The code itself is left as it is written: a braille display shows it so, and it copies whole.
    assertContains(response, '<strong class="reference-code">MNA-VF34</strong>', html=True)
    assertContains(response, f'<p class="visually-hidden">{spelled}</p>', html=True)


@pytest.mark.parametrize("phone", ["+77012345678", "8 701 234 56 78", "+7 (701) 234-56-78"])
def test_phone_numbers_are_stored_in_the_plus_seven_format(
    client, open_forum, application_data, phone
):
    apply(client, application_data(contact_phone=phone))

    assert Booth.objects.get().contact_phone == "+77012345678"


def test_the_booth_needs_are_recorded(client, open_forum, application_data):
    apply(client, application_data(needs_power="on", needs_sign_language_interpreter="on"))

    booth = Booth.objects.get()
    assert (
        booth.needs_power,
        booth.needs_wheelchair_access,
        booth.needs_sign_language_interpreter,
    ) == (
        True,
        False,
        True,
    )


def test_an_organisation_with_the_same_bin_is_matched_and_not_overwritten(
    client, open_forum, application_data
):
    existing = OrganisationFactory(bin=valid_bin(), name_kk="Бұрынғы атауы", name_ru="")

    apply(client, application_data(organisation_name_ru="ОО «Умит»", bin=f" {valid_bin()} "))

    assert Organisation.objects.count() == 1
    existing.refresh_from_db()
    assert Booth.objects.get().organisation == existing
    assert existing.name_kk == "Бұрынғы атауы"
    assert existing.name_ru == "ОО «Умит»"  # what was empty is filled in


# Validation: every path, in the page's language


REQUIRED = [
    ("legal_form", "Ұйымның құқықтық нысанын таңдаңыз."),
    ("bin", "Ұйымның БСН-ін енгізіңіз."),
    ("city", "Ұйым орналасқан қаланы енгізіңіз."),
    ("contact_name", "Байланыс тұлғасының атын енгізіңіз."),
    ("contact_email", "Байланыс тұлғасының электрондық поштасын енгізіңіз."),
    ("contact_phone", "Байланыс тұлғасының телефон нөмірін енгізіңіз."),
    ("themes", "Кемінде бір тақырыпты таңдаңыз."),
    ("consent", "Дербес деректерді өңдеуге келісу үшін белгі қойыңыз."),
]


@pytest.mark.parametrize(("field", "message"), REQUIRED)
def test_a_missing_required_field_is_explained_beside_it_and_in_the_summary(
    client, open_forum, application_data, field, message
):
    response = apply(client, application_data(**{field: None}))

    assert response.status_code == 200
    assert Booth.objects.count() == 0
    anchor = f"id_{field}_0" if field == "themes" else f"id_{field}"
    html = response.content.decode()
    assert f'<p class="error-message" id="id_{field}_error">{HIDDEN_ERROR}{message}</p>' in html
    assert re.search(rf'<a href="#{anchor}">[^<]+: {re.escape(message)}</a>', html)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"organisation_name_kk": ""}, "organisation_name_kk", "Ұйымның атауын қазақша, орысша немесе екі тілде де жазыңыз."),
        ({"project_title_kk": "  "}, "project_title_kk", "Жобаның атауын қазақша, орысша немесе екі тілде де жазыңыз."),
        ({"description_kk": ""}, "description_kk", "Жобаны қазақша, орысша немесе екі тілде де сипаттаңыз."),
        ({"bin": "12345"}, "bin", "БСН дәл 12 цифрдан тұрады."),
        ({"bin": "123456789010"}, "bin", "БСН-нің бақылау цифры сәйкес келмейді: нөмірді тексеріңіз."),
        ({"contact_email": "aigerim"}, "contact_email", "name@example.kz сияқты электрондық пошта мекенжайын енгізіңіз."),
        ({"contact_phone": "+7 701 234"}, "contact_phone", "+7-ден басталып, тағы 10 цифры бар телефон нөмірін енгізіңіз, мысалы +7 701 234 56 78."),
        ({"contact_phone": "+1 202 555 0100"}, "contact_phone", "+7-ден басталып, тағы 10 цифры бар телефон нөмірін енгізіңіз, мысалы +7 701 234 56 78."),
        ({"website": "not a site"}, "website", "https://example.kz сияқты сайт мекенжайын енгізіңіз."),
        ({"city": "А" * 101}, "city", "Бұл жерге ең көбі 100 таңба жазуға болады; бұл мәтінде 101 таңба бар."),
        ({"description_kk": "Ә" * 3001}, "description_kk", "Бұл жерге ең көбі 3000 таңба жазуға болады; бұл мәтінде 3001 таңба бар."),
        ({"themes": ["999999"]}, "themes", None),
    ],
)  # fmt: skip
def test_each_invalid_value_gets_its_own_message(
    client, open_forum, application_data, changes, field, message
):
    response = apply(client, application_data(**changes))

    assert Booth.objects.count() == 0
    assert field in response.context["form"].errors
    if message:
        assertContains(
            response,
            f'<p class="error-message" id="id_{field}_error">{HIDDEN_ERROR}{message}</p>',
            html=True,
        )


def test_every_text_the_form_takes_has_a_length_limit():
    # A TextField has no limit of its own (SECURITY.md): the form sets one for each.
    form = BoothApplicationForm()
    unbounded = [
        name
        for name, field in form.fields.items()
        if isinstance(field, forms.CharField | forms.FileField)
        # A UUID parses or is refused, whatever its length.
        and not isinstance(field, forms.UUIDField)
        and not field.max_length
    ]

    assert unbounded == []


def test_either_language_is_enough(client, open_forum, application_data):
    response = apply(
        client,
        application_data(
            organisation_name_kk="",
            organisation_name_ru="ОО «Умит»",
            project_title_kk="",
            project_title_ru="Школа жестового языка",
            description_kk="",
            description_ru="Занятия для неслышащих детей.",
        ),
        "ru",
    )

    assert response.status_code == 302
    assert Booth.objects.get().organisation.name_ru == "ОО «Умит»"


def test_errors_are_in_russian_on_the_russian_page(client, open_forum, application_data):
    response = apply(client, application_data(contact_email="x", consent=None), "ru")

    assertContains(response, "Введите адрес электронной почты вида name@example.kz.")
    assertContains(response, "Отметьте, что вы согласны на обработку персональных данных.")
    assertContains(response, "<title>Ошибка:", status_code=200)
    # The message beside the field says it is an error to a screen reader too.
    assertContains(
        response,
        '<p class="error-message" id="id_contact_email_error">'
        '<span class="visually-hidden">Ошибка: </span>'
        "Введите адрес электронной почты вида name@example.kz.</p>",
        html=True,
    )


def test_a_returned_form_keeps_what_was_typed_and_marks_the_fields(
    client, open_forum, application_data
):
    response = apply(client, application_data(contact_email="aigerim@", needs_power="on"))

    html = response.content.decode()
    assert 'value="Әйгерім Қасымова"' in html
    assert "Естімейтін балаларға арналған сабақтар." in html
    assert re.search(r'<input type="checkbox" name="needs_power"[^>]* checked', html)
    email_input = re.search(r'<input type="email" name="contact_email"[^>]*>', html)[0]
    assert 'aria-invalid="true"' in email_input
    assert 'aria-describedby="id_contact_email_helptext id_contact_email_error"' in email_input
    # The summary comes first and takes the focus.
    assert html.index('id="error-summary"') < html.index("<form")
    assert re.search(
        r'<section class="error-summary" id="error-summary" tabindex="-1"[^>]* autofocus', html
    )


def test_the_honeypot_stops_robots(client, open_forum, application_data):
    response = apply(client, application_data(fax="http://spam.example"))

    assertContains(response, "Форманы жіберу мүмкін болмады. Қайта көріңіз.")
    assert Booth.objects.count() == 0


@pytest.mark.parametrize("token", [None, "not-a-uuid"])
def test_a_missing_or_forged_token_is_refused(client, open_forum, application_data, token):
    response = apply(client, application_data(submission_token=token))

    assertContains(response, "Форманы жіберу мүмкін болмады. Бетті қайта жүктеп, қайта көріңіз.")
    assert Booth.objects.count() == 0


def test_the_csrf_check_failing_explains_itself_in_the_pages_language(open_forum, application_data):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)

    kk = client.post(APPLY.format("kk"), application_data())
    ru = client.post(APPLY.format("ru"), application_data())

    assertContains(kk, "Форманы жіберу мүмкін болмады", status_code=403)
    assertContains(ru, "Форму не удалось отправить", status_code=403)
    assertContains(ru, '<html lang="ru">', status_code=403)
    assert Booth.objects.count() == 0


# Uploads through the form


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (files.png_bomb, "Бұл суретте пиксель тым көп"),
        (files.truncated_jpeg, "Бұл сурет бүлінген немесе толық емес"),
        (files.svg, "Бұл файл JPEG, PNG немесе WebP суреті емес"),
        (files.svg_named_png, "Бұл файл JPEG, PNG немесе WebP суреті емес"),
        (files.gif, "Бұл файл JPEG, PNG немесе WebP суреті емес"),
        (files.polyglot_jpeg_zip, "Бұл файлда суреттен кейін басқа деректер бар"),
        (files.too_large, "Бұл файлдың көлемі"),
    ],
)
def test_a_bad_file_is_refused_beside_its_field_and_nothing_is_stored(
    client, open_forum, application_data, settings, make, message
):
    response = apply(client, application_data(photo_2=make(), photo_2_alt="Сурет"))

    assert response.status_code == 200
    assert Booth.objects.count() == 0
    assert media_files(settings) == []
    html = response.content.decode()
    error = re.search(
        rf'<p class="error-message" id="id_photo_2_error">{re.escape(HIDDEN_ERROR)}([^<]+)</p>',
        html,
    )
    assert error and message in error[1]
    assert '<a href="#id_photo_2">' in html


def test_a_picture_needs_its_text_alternative(client, open_forum, application_data):
    response = apply(client, application_data(logo=files.png(), logo_alt=""))

    assertContains(
        response,
        '<p class="error-message" id="id_logo_alt_error">'
        f"{HIDDEN_ERROR}Суретті көре алмайтындар үшін оны сипаттаңыз.</p>",
        html=True,
    )
    assert Booth.objects.count() == 0


def test_photos_and_logo_are_stored_reencoded_under_random_names(
    client, open_forum, application_data, settings
):
    data = application_data(
        logo=files.png("our-logo.png", size=(800, 400)),
        logo_alt="Үміт логотипі",
        photo_1=files.jpeg_with_gps("IMG_0001.jpg"),
        photo_1_alt="Сабақ үстінде",
        photo_3=files.webp("stand.webp", size=(2000, 1000)),
        photo_3_alt="Стенд",
    )

    apply(client, data)

    booth = Booth.objects.get()
    photos = list(booth.photos.all())
    assert [photo.alt_kk for photo in photos] == ["Сабақ үстінде", "Стенд"]
    assert [(photo.width, photo.height) for photo in photos] == [(600, 800), (1600, 800)]
    stored = media_files(settings)
    assert len(stored) == 2 * (3 + 2 + 3)  # webp + jpeg at each width: logo 3, photo 1 2, photo 3 3
    assert not any(name.startswith(("our-logo", "IMG_0001", "stand")) for name in stored)
    assert all(re.fullmatch(r"[0-9a-f]{32}-\d+\.(webp|jpg)", name) for name in stored)
    organisation = booth.organisation
    assert organisation.logo_alt_kk == "Үміт логотипі"
    assert (organisation.logo_width, organisation.logo_height) == (640, 320)


def test_a_hostile_file_name_is_never_used(client, open_forum, application_data, settings):
    name = "../../../static/js/site.js;<script>alert(1)</script>.html"
    data = application_data(photo_1=files.upload(files.image_bytes(), name), photo_1_alt="Сурет")

    apply(client, data)

    media = settings.MEDIA_ROOT
    stored = sorted(str(p.relative_to(media)) for p in media.rglob("*") if p.is_file())
    assert len(stored) == 6  # 1200 px wide: webp and jpeg at 480, 960 and 1200
    assert all(re.fullmatch(r"booths/[0-9a-f]{32}-\d+\.(webp|jpg)", path) for path in stored)


def test_a_stored_photo_has_no_exif(client, open_forum, application_data, settings):
    from PIL import Image

    apply(client, application_data(photo_1=files.jpeg_with_gps(), photo_1_alt="Сабақ"))

    photo = BoothPhoto.objects.get()
    for rendition in photo.renditions:
        with Image.open(settings.MEDIA_ROOT / rendition["name"]) as image:
            assert not image.getexif()
            assert "exif" not in image.info


def test_a_failed_save_removes_the_files_it_wrote(
    client, open_forum, application_data, settings, monkeypatch
):
    original = BoothPhoto.objects.create
    calls = []

    def fail_on_second_photo(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return original(**kwargs)

    monkeypatch.setattr(BoothPhoto.objects, "create", fail_on_second_photo)
    data = application_data(
        logo=files.png(), logo_alt="Логотип",
        photo_1=files.jpeg(), photo_1_alt="Бір",
        photo_2=files.jpeg(), photo_2_alt="Екі",
    )  # fmt: skip

    with pytest.raises(RuntimeError):
        apply(client, data)

    assert media_files(settings) == []
    assert (Booth.objects.count(), Organisation.objects.count(), BoothPhoto.objects.count()) == (
        0,
        0,
        0,
    )


# Nothing doubled


def test_sending_the_same_form_twice_creates_one_application(
    client, open_forum, application_data, django_capture_on_commit_callbacks
):
    data = application_data(photo_1=files.jpeg(), photo_1_alt="Сабақ")

    with django_capture_on_commit_callbacks(execute=True):
        first = apply(client, data)
        data["photo_1"] = files.jpeg()
        second = apply(client, data)

    assert Booth.objects.count() == 1
    assert BoothPhoto.objects.count() == 1
    assert first.url == second.url
    assert len([m for m in mail.outbox if m.to == ["aigerim@example.kz"]]) == 1


# Abuse: the rate limit


def test_the_sixth_application_in_an_hour_is_refused_with_a_clear_message(
    client, open_forum, application_data
):
    for _ in range(5):
        assert apply(client, application_data()).status_code == 302

    kk = apply(client, application_data())
    ru = apply(client, application_data(), "ru")

    assert Booth.objects.count() == 5
    assertContains(kk, "бір қосылымнан сағатына ең көбі 5 өтінім жіберуге болады", status_code=429)
    assertContains(
        ru, "с одного подключения можно отправить не больше 5 заявок в час", status_code=429
    )
    assert kk["Retry-After"] == "3600"


def test_the_limit_is_per_client(client, open_forum, application_data):
    for _ in range(5):
        apply(client, application_data(), REMOTE_ADDR="10.0.0.1")

    response = apply(client, application_data(), REMOTE_ADDR="10.0.0.2")

    assert response.status_code == 302


def test_the_limit_uses_the_proxys_header_when_configured(
    client, open_forum, application_data, settings
):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for _ in range(5):
        apply(client, application_data(), HTTP_X_REAL_IP="192.0.2.1")

    assert apply(client, application_data(), HTTP_X_REAL_IP="192.0.2.1").status_code == 429
    assert apply(client, application_data(), HTTP_X_REAL_IP="192.0.2.2").status_code == 302


def test_forms_returned_with_errors_count_towards_a_looser_limit(
    client, open_forum, application_data
):
    for _ in range(20):
        assert apply(client, application_data(city="")).status_code == 200

    assert apply(client, application_data()).status_code == 429


def test_resending_a_form_already_received_is_not_limited(client, open_forum, application_data):
    sent = [application_data() for _ in range(5)]
    for data in sent:
        apply(client, data)

    response = apply(client, sent[0])

    assert response.status_code == 302


def test_the_form_keeps_working_when_the_cache_is_down(
    client, open_forum, application_data, settings
):
    settings.CACHES = {"default": {"BACKEND": "tests.exhibitors.test_application_form.BrokenCache"}}

    response = apply(client, application_data())

    assert response.status_code == 302
    assert Booth.objects.count() == 1


class BrokenCache(BaseCache):
    """A cache server that is down: every read and write raises."""

    def __init__(self, location=None, params=None):
        super().__init__(params or {})

    def _down(self, *args, **kwargs):
        raise ConnectionError("cache is down")

    get = add = set = incr = delete = _down

    def clear(self):
        pass


# Access at the booth (issue 8)


@pytest.mark.parametrize(
    ("language", "legend", "label"),
    [
        ("kk", 'Стендіңіз келушілерге ұсынатын қолжетімділік <span class="optional">(міндетті емес)</span>', "Тактильді материалдар"),
        ("ru", 'Доступность, которую ваш стенд предлагает посетителям <span class="optional">(необязательно)</span>', "Тактильные материалы"),
    ],
)  # fmt: skip
def test_the_form_asks_what_the_booth_offers_for_access(
    client, open_forum, themes, language, legend, label
):
    response = client.get(APPLY.format(language))

    assertContains(response, f"<legend>{legend}</legend>", html=True)
    html = response.content.decode()
    for name in ACCESS_NAMES:
        assert re.search(rf'<input type="checkbox" name="access" value="{name}" id="[^"]+"', html)
    label_for = re.search(
        r'<input type="checkbox" name="access" value="tactile_materials" id="([^"]+)"', html
    )[1]
    assertContains(response, f'<label for="{label_for}">{label}</label>', html=True)


def test_the_access_offered_is_recorded_and_shown_once_approved(
    client, open_forum, application_data
):
    apply(client, application_data(access=["step_free", "russian_sign_language"]))

    booth = Booth.objects.get()
    assert [name for name in ACCESS_NAMES if getattr(booth, f"access_{name}")] == [
        "russian_sign_language",
        "step_free",
    ]
    booth.status = Booth.Status.APPROVED
    booth.save()
    response = client.get("/ru/exhibition/", {"access": "russian_sign_language"})
    assert list(response.context["booths"]) == [booth]


def test_an_unknown_access_choice_is_an_error(client, open_forum, application_data):
    response = apply(client, application_data(access=["teleport"]))

    assert Booth.objects.count() == 0
    assert "access" in response.context["form"].errors


def test_no_access_ticked_records_none(client, open_forum, application_data):
    apply(client, application_data())

    booth = Booth.objects.get()
    assert not any(getattr(booth, f"access_{name}") for name in ACCESS_NAMES)


# Photos 2 to 5 fold away in a <details>


def more_photos(response):
    """The <details> of photos 2 to 5: its opening tag and what it holds."""
    html = response.content.decode()
    found = re.search(r'(<details class="more-photos"[^>]*>)(.*?)</details>', html, re.S)
    assert found, "no <details> for the other photos"
    return found[1], found[2]


@pytest.mark.parametrize(
    ("language", "summary"),
    [
        ("kk", "Тағы фотосурет қосу (тағы 4 қосуға болады)"),
        ("ru", "Добавить ещё фотографии (можно ещё 4)"),
    ],
)
def test_photos_two_to_five_are_folded_away_by_default(
    client, open_forum, themes, language, summary
):
    response = client.get(APPLY.format(language))

    tag, inside = more_photos(response)
    assert tag == '<details class="more-photos">'
    assert re.findall(r"<summary>([^<]*)</summary>", inside) == [summary]
    # Slot 1 stays outside; slots 2 to 5 keep their names and their labels.
    html = response.content.decode()
    assert 'name="photo_1"' in html and 'name="photo_1"' not in inside
    for n in range(2, 6):
        assert f'<label for="id_photo_{n}">' in inside
        assert f'<input type="file" name="photo_{n}"' in inside
        assert f'<label for="id_photo_{n}_alt">' in inside
        assert f'name="photo_{n}_alt"' in inside


def test_a_form_returned_with_errors_elsewhere_keeps_them_folded_away(
    client, open_forum, application_data
):
    response = apply(client, application_data(city="", photo_1_alt="Сабақ"))

    assert more_photos(response)[0] == '<details class="more-photos">'


def test_an_error_in_photo_three_opens_them_so_the_summary_link_leads_there(
    client, open_forum, application_data
):
    response = apply(client, application_data(photo_3=files.svg()))

    tag, inside = more_photos(response)
    assert tag == '<details class="more-photos" open>'
    assert 'id="id_photo_3_error"' in inside
    assertContains(response, '<a href="#id_photo_3">')


def test_a_typed_description_of_photo_two_opens_them(client, open_forum, application_data):
    response = apply(client, application_data(city="", photo_2_alt="Стенд алдындағы балалар"))

    tag, inside = more_photos(response)
    assert tag == '<details class="more-photos" open>'
    assert 'value="Стенд алдындағы балалар"' in inside


@pytest.mark.parametrize(
    ("changes", "is_open"),
    [
        ({}, False),
        ({"photo_1_alt": "Бірінші"}, False),
        ({"photo_5_alt": "Бесінші"}, True),
    ],
)
def test_more_photos_open_follows_what_slots_two_to_five_hold(
    open_forum, application_data, changes, is_open
):
    form = BoothApplicationForm(data=application_data(**changes))

    assert form.is_valid()
    assert form.more_photos_open is is_open


def test_more_photos_open_with_an_error_alone_in_a_later_slot(open_forum, application_data):
    form = BoothApplicationForm(data=application_data())
    form.is_valid()

    form.add_error("photo_4", "Қате")

    assert form.more_photos_open is True


def test_more_photos_open_when_a_file_was_chosen_in_a_later_slot(open_forum, application_data):
    # A form without the browser's key keeps no file: the slot must show, to choose it again.
    form = BoothApplicationForm(data=application_data(city=""), files={"photo_2": files.jpeg()})

    assert form.is_valid() is False
    assert form.more_photos_open is True


# Labels and hints: what is optional says so, and nothing else does


EITHER_LANGUAGE_FIELDS = [
    "organisation_name_kk",
    "organisation_name_ru",
    "project_title_kk",
    "project_title_ru",
    "description_kk",
    "description_ru",
]


@pytest.mark.parametrize(
    ("language", "optional", "hint"),
    [
        ("kk", "(міндетті емес)", "Екеуінің кемінде біреуін толтырыңыз: қазақша немесе орысша."),
        ("ru", "(необязательно)", "Заполните хотя бы одно из двух полей: на казахском или на русском."),
    ],
)  # fmt: skip
def test_a_pair_where_one_language_is_enough_is_not_marked_optional_but_says_so(
    client, open_forum, themes, language, optional, hint
):
    html = client.get(APPLY.format(language)).content.decode()

    for name in EITHER_LANGUAGE_FIELDS:
        label = re.search(rf'<label for="id_{name}">(.*?)</label>', html)[1]
        assert optional not in label
        assert f'<p class="help" id="id_{name}_helptext">{hint}</p>' in html
        widget = re.search(rf'<(?:input|textarea)[^>]* name="{name}"[^>]*>', html)[0]
        assert f'aria-describedby="id_{name}_helptext"' in widget
    # A field that is really optional still says so.
    assert re.search(
        rf'<label for="id_website">[^<]+<span class="optional">{re.escape(optional)}</span>', html
    )


def test_a_group_of_checkboxes_says_when_it_is_optional(client, open_forum, themes):
    html = client.get(APPLY.format("kk")).content.decode()

    pattern = r'<fieldset class="field field--group"[^>]*>\s*<legend>(.*?)</legend>'
    legends = {
        re.sub(r"<[^>]+>", "", legend).strip(): "optional" in legend
        for legend in re.findall(pattern, html)
    }

    assert legends == {
        "Тақырыптар": False,
        "Стендіңіз келушілерге ұсынатын қолжетімділік (міндетті емес)": True,
    }


@pytest.mark.parametrize(
    ("name", "autocomplete"),
    [
        ("organisation_name_kk", "organization"),
        ("organisation_name_ru", "organization"),
        ("city", "address-level2"),
        ("website", "url"),
        ("contact_name", "name"),
        ("contact_email", "email"),
        ("contact_phone", "tel"),
        ("bin", "off"),
    ],
)
def test_fields_a_browser_can_fill_in_say_what_they_hold(
    client, open_forum, themes, name, autocomplete
):
    html = client.get(APPLY.format("kk")).content.decode()

    widget = re.search(rf'<input[^>]* name="{name}"[^>]*>', html)[0]

    assert f'autocomplete="{autocomplete}"' in widget


def test_a_sentence_label_in_the_summary_has_no_full_stop_before_the_colon(
    client, open_forum, application_data
):
    response = apply(client, application_data(consent=None), "ru")

    assertContains(
        response,
        '<a href="#id_consent">Я даю согласие на сбор и обработку персональных данных из этой '
        "формы: Отметьте, что вы согласны на обработку персональных данных.</a>",
        html=True,
    )
