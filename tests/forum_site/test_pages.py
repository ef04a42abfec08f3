import re
from html import unescape

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from forum_site import urls as root_urls
from forum_site.views import server_error

# Every public page of the current edition, with a fact it must show in each language.
PAGES = {
    "": {"kk": "Әлеуметтік жобалар форум-көрмесі", "ru": "Форум-выставка социальных проектов"},
    "programme/": {"kk": "Салтанатты марапаттау рәсімі", "ru": "Торжественная церемония награждения"},
    "exhibition/": {"kk": "«ISKER» Қорының өнер көрмесі", "ru": "Художественная выставка фонда «ISKER»"},
    "plenary/": {"kk": "Өмірді өзгертетін әлеуметтік жобалар", "ru": "Социальные проекты, меняющие жизнь"},
    "awards/": {"kk": "«Альрами» клуб үйі", "ru": "Клубный дом «Альрами»"},
    "concert/": {"kk": "«SILENCE» естімейтін бишілер театры", "ru": "Театр неслышащих танцоров «SILENCE»"},
    "archive/": {"kk": "Әлеуметтік жобалар форум-көрмесі", "ru": "Форум-выставка социальных проектов"},
}  # fmt: skip
LANGUAGES = ["kk", "ru"]
OTHER = {"kk": "ru", "ru": "kk"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_public_page_shows_the_articles_facts_in_its_language(
    client, article_forum, page, language
):
    response = client.get(f"/{language}/{page}")

    assertContains(response, PAGES[page][language])
    assertNotContains(response, PAGES[page][OTHER[language]])
    assertContains(response, f'<html lang="{language}">')


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", [p for p in PAGES if p != "archive/"])
def test_a_past_editions_pages_live_under_the_archive(client, article_forum, page, language):
    response = client.get(f"/{language}/archive/{article_forum.slug}/{page}")

    assertContains(response, PAGES[page][language])
    # Its navigation stays within that edition.
    assertContains(response, f'href="/{language}/archive/{article_forum.slug}/programme/"')


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_links_to_itself_in_the_other_language(client, article_forum, page, language):
    other = OTHER[language]

    response = client.get(f"/{language}/{page}")

    assertContains(response, f'<a href="/{other}/{page}" hreflang="{other}" lang="{other}">')
    for code in LANGUAGES:
        href = f"http://testserver/{code}/{page}"
        assertContains(response, f'<link rel="alternate" hreflang="{code}" href="{href}">')
    assertContains(
        response, f'<link rel="alternate" hreflang="x-default" href="http://testserver/{page}">'
    )
    # The x-default address leads to the page in the browser's language (Kazakh when unsure).
    for accept_language, target in [("ru-RU", "ru"), ("kk-KZ", "kk"), ("en", "kk")]:
        redirect = client.get(f"/{page}", headers={"accept-language": accept_language})
        assert (redirect.status_code, redirect["Location"]) == (302, f"/{target}/{page}")


def test_the_language_link_keeps_the_search(client, article_forum):
    response = client.get("/kk/exhibition/?q=%D2%9B%D0%B0%D0%B7&theme=inclusive-communities")

    assertContains(
        response, 'href="/ru/exhibition/?q=%D2%9B%D0%B0%D0%B7&amp;theme=inclusive-communities"'
    )


def test_the_current_section_is_marked_in_the_navigation(client, article_forum):
    response = client.get("/ru/awards/")

    assert re.findall(r'<a href="([^"]+)" aria-current="page">', response.content.decode()) == [
        "/ru/awards/"
    ]


def test_a_page_within_a_section_marks_its_section_in_the_navigation(client, article_forum):
    response = client.get("/kk/exhibition/apply/")

    assert re.findall(r'<a href="([^"]+)" aria-current="([a-z]+)">', response.content.decode()) == [
        ("/kk/exhibition/", "true")
    ]


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("ru-RU,ru;q=0.9", "/ru/"),
        ("kk-KZ,kk;q=0.9,ru;q=0.8", "/kk/"),
        ("en-US", "/kk/"),
        ("", "/kk/"),
    ],
)
def test_root_redirects_by_the_browsers_language_kazakh_when_unsure(
    client, article_forum, accept_language, target
):
    response = client.get("/", headers={"accept-language": accept_language})

    assertRedirects(response, target, fetch_redirect_response=False)


@pytest.mark.parametrize(
    ("language", "heading"), [("kk", "Бет табылмады"), ("ru", "Страница не найдена")]
)
def test_404_page_in_each_language(client, article_forum, language, heading):
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    assertContains(response, f"<h1>{heading}</h1>", status_code=404)
    assertContains(response, f'<html lang="{language}">', status_code=404)


def test_an_unknown_booth_or_edition_is_404(client, article_forum):
    assert client.get("/kk/exhibition/no-such-booth/").status_code == 404
    assert client.get("/kk/archive/no-such-edition/").status_code == 404


@pytest.mark.parametrize(
    ("language", "heading"),
    [("kk", "Бірдеңе дұрыс болмады"), ("ru", "Что-то пошло не так")],
)
def test_500_page_in_each_language_without_the_database(language, heading):
    request = RequestFactory().get(f"/{language}/")

    with translation.override(language):
        response = server_error(request)  # no `db` fixture: a query would fail the test

    assert response.status_code == 500
    body = response.content.decode()
    assert f"<h1>{heading}</h1>" in body
    assert f'<html lang="{language}">' in body
    assert root_urls.handler500 == "forum_site.views.server_error"


def test_home_page_without_any_edition_says_so(client, db):
    response = client.get("/ru/")

    assertContains(response, "<h1>Форум-выставка социальных проектов</h1>")
    assert response.context["forum"] is None


def test_draft_edition_is_not_public(client, article_forum):
    article_forum.status = "draft"
    article_forum.save()

    assert client.get(f"/kk/archive/{article_forum.slug}/").status_code == 404
    assert client.get("/kk/programme/").status_code == 404


def test_home_page_shows_the_figures(client, article_forum):
    response = client.get("/kk/")

    assertContains(response, '<span class="figure">150+</span>')
    assertContains(response, '<span class="figure">20</span>', count=2)


def test_sample_edition_is_labelled_on_its_pages(client, article_forum):
    from forum_site.services import sample_edition_create

    sample_edition_create(booths=3)

    response = client.get(reverse("exhibitors:booth_list", kwargs={"forum_slug": "sample"}))

    assertContains(response, 'class="notice notice--sample"')
    home = client.get("/kk/")
    assert home.context["forum"] == article_forum


def test_a_name_known_only_in_kazakh_is_shown_in_kazakh_on_russian_pages(client, article_forum):
    awards = client.get("/ru/awards/").content.decode()
    concert = client.get("/ru/concert/").content.decode()

    assert '<strong><span lang="kk">ҚР жұп би федерациясы</span></strong>' in awards
    assert '<span lang="kk">ҚР жұп бишілер федерациясы</span>' in concert
    assert '<span lang="kk">«Қазақстандық саңыраулар қоғамы» ҚБ</span>' in awards
    for unconfirmed_translation in (
        "Федерация парного танца",
        "Евразийская ассоциация",
        "Казахское общество глухих",
        "ОО «Қазақстандық",
    ):
        assert unconfirmed_translation not in awards + concert


# Words that would date the article's edition: it gives no day, month, weekday or year.
DATE_WORDS = {
    "kk": "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан "
    "дүйсенбі сейсенбі сәрсенбі бейсенбі жұма сенбі жексенбі",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь "
    "понедельник вторник среда четверг пятница суббота воскресенье",
}
# Nor does it say the forum is held every year (only that the minister hopes to meet again).
ANNUAL = {"kk": ["жыл сайын", "дәстүрлі"], "ru": ["ежегодн", "традиционн"]}


def visible_text(response):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.DOTALL)
    return unescape(re.sub(r"<[^>]+>", " ", html)).lower()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_the_articles_edition_is_given_no_date_and_no_annual_claim(
    client, article_forum, page, language
):
    text = visible_text(client.get(f"/{language}/{page}"))

    assert not set(re.findall(r"\w+", text)) & set(DATE_WORDS[language].split())
    # 2030 is the year of the policy concept the minister speaks of, not the forum's.
    assert set(re.findall(r"\b\d{4}\b", text)) <= {"2030"}
    assert [claim for claim in ANNUAL[language] if claim in text] == []
