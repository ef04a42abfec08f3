import re

import pytest
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains

from events.models import ACCESS_FIELD_NAMES, ACCESS_NAMES, ProgrammeItem
from exhibitors.models import Booth
from tests.factories import BoothFactory, ForumFactory, OrganisationFactory, ProgrammeItemFactory


@pytest.fixture
def forum(db):
    return ForumFactory(slug="edition")


def test_every_access_feature_has_a_public_name():
    assert ACCESS_NAMES == [
        "kazakh_sign_language",
        "russian_sign_language",
        "captions",
        "step_free",
        "seating",
        "quiet_space",
        "audio_description",
        "tactile_materials",
    ]
    assert [f"access_{name}" for name in ACCESS_NAMES] == ACCESS_FIELD_NAMES


def test_querysets_keep_only_rows_offering_every_chosen_feature(forum):
    both = ProgrammeItemFactory(forum=forum, access_captions=True, access_step_free=True)
    ProgrammeItemFactory(forum=forum, access_captions=True)
    ProgrammeItemFactory(forum=forum)

    assert list(ProgrammeItem.objects.offering(["captions", "step_free"])) == [both]
    assert ProgrammeItem.objects.offering(["no_such_feature"]).count() == 3
    assert Booth.objects.offering([]).count() == 0


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("kk", ["Қазақ ымдау тіліне аударма", "Субтитрлер"]),
        ("ru", ["Перевод на казахский жестовый язык", "Субтитры"]),
    ],
)
def test_programme_shows_access_in_words(client, forum, language, words):
    ProgrammeItemFactory(forum=forum, access_kazakh_sign_language=True, access_captions=True)

    response = client.get(f"/{language}/archive/edition/programme/")

    items = "".join(f"<li>{word}</li>" for word in words)
    assertInHTML(f'<ul class="access__list">{items}</ul>', response.content.decode())


def test_programme_filter_by_access(client, forum):
    ProgrammeItemFactory(forum=forum, title_kk="Субтитрмен", access_captions=True)
    ProgrammeItemFactory(
        forum=forum, title_kk="Субтитр мен пандус", access_captions=True, access_step_free=True
    )
    ProgrammeItemFactory(forum=forum, title_kk="Ештеңесіз")

    response = client.get("/kk/archive/edition/programme/", {"access": ["captions", "step_free"]})

    assert [item.title for item in response.context["items"]] == ["Субтитр мен пандус"]
    assertContains(
        response,
        '<input type="checkbox" id="access-captions" name="access" value="captions" checked>',
        html=True,
    )
    assertContains(
        response,
        '<input type="checkbox" id="access-seating" name="access" value="seating">',
        html=True,
    )


def test_programme_filter_with_no_match_says_so(client, forum):
    ProgrammeItemFactory(forum=forum)

    response = client.get("/ru/archive/edition/programme/", {"access": "quiet_space"})

    assert list(response.context["items"]) == []
    assertContains(response, "Ни один пункт программы не предлагает всего выбранного.")


def test_exhibition_filter_by_access(client, forum):
    BoothFactory(
        forum=forum,
        organisation=OrganisationFactory(name_kk="«Тактиль» ҚБ"),
        access_tactile_materials=True,
    )
    BoothFactory(forum=forum, organisation=OrganisationFactory(name_kk="«Басқа» ҚБ"))

    response = client.get("/kk/archive/edition/exhibition/", {"access": "tactile_materials"})

    assert [booth.organisation.name for booth in response.context["booths"]] == ["«Тактиль» ҚБ"]
    assert response.context["is_filtered"] is True
    assertContains(response, "<li>Тактильді материалдар</li>", html=True)


def test_booth_page_shows_access_in_words(client, forum):
    booth = BoothFactory(forum=forum, access_quiet_space=True, access_seating=True)

    response = client.get(f"/ru/archive/edition/exhibition/{booth.slug}/")

    assertInHTML(
        '<ul class="access__list"><li>Места для сидения</li><li>Тихое пространство</li></ul>',
        response.content.decode(),
    )


def test_nothing_offered_shows_no_access_list(client, forum):
    BoothFactory(forum=forum)

    response = client.get("/kk/archive/edition/exhibition/")

    assertNotContains(response, 'class="access__list"')


@pytest.mark.parametrize(
    ("language", "params", "title"),
    [
        ("kk", {}, "Бағдарлама — Форум"),
        ("kk", {"access": ["step_free", "captions"]}, "Қолжетімділік: субтитрлер, баспалдақсыз кіру — Бағдарлама — Форум"),
        ("ru", {"access": "captions"}, "Доступность: субтитры — Программа — Форум"),
    ],
)  # fmt: skip
def test_a_filtered_programme_says_so_in_the_page_title(client, db, language, params, title):
    ForumFactory(slug="titled", title_kk="Форум", title_ru="Форум")

    response = client.get(f"/{language}/archive/titled/programme/", params)

    assert f"<title>{title}</title>" in response.content.decode()


def test_a_programme_description_in_the_other_language_only_is_marked_with_it(client, forum):
    ProgrammeItemFactory(forum=forum, description_kk="Көрме ашылды.", description_ru="")

    ru = client.get("/ru/archive/edition/programme/").content.decode()
    kk = client.get("/kk/archive/edition/programme/").content.decode()

    assert '<div lang="kk"><p>Көрме ашылды.</p></div>' in ru
    assert "<div><p>Көрме ашылды.</p></div>" in kk


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("kk", ["Субтитрлер: Ашылу", "Мәтіндік нұсқасы (бейненің мәтіні): Ашылу", "Ымдау тілінде көру: Ашылу"]),
        ("ru", ["Субтитры: Открытие", "Текстовая расшифровка (текст видео): Открытие", "Смотреть на жестовом языке: Открытие"]),
    ],
)  # fmt: skip
def test_each_media_link_names_its_item_so_it_makes_sense_out_of_context(
    client, forum, language, texts
):
    ProgrammeItemFactory(
        forum=forum,
        title_kk="Ашылу",
        title_ru="Открытие",
        captions_url="https://example.kz/captions.vtt",
        transcript_url="https://example.kz/transcript.txt",
        sign_language_video_url="https://example.kz/sign",
    )

    html = client.get(f"/{language}/archive/edition/programme/").content.decode()

    links = re.findall(
        r'<a href="https://example\.kz/(?:captions\.vtt|transcript\.txt|sign)">([^<]+)</a>', html
    )
    assert links == texts
