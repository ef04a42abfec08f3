import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from events.templatetags.pagination import page_window
from exhibitors.models import Booth, BoothPhoto
from forum_site.services import sample_edition_create
from tests.factories import BoothFactory, ForumFactory, OrganisationFactory, ThemeFactory
from tests.files import png


@pytest.fixture
def forum(db):
    return ForumFactory(slug="test-edition")


def booth_names(response):
    return [booth.organisation.name for booth in response.context["booths"]]


def exhibition(client, forum, language="kk", **params):
    return client.get(f"/{language}/archive/{forum.slug}/exhibition/", params)


@pytest.mark.parametrize(
    "query",
    ["қамқор", "ҚАМҚОР", "Қамқор", "әлем", "ӘЛЕМ", "өркен", "ӨРКЕН", "ұлағат", "ҮМІТ", "һәм", "ІЗГІЛІК", "ғибрат"],
)  # fmt: skip
def test_search_matches_kazakh_letters_in_either_case(client, forum, query):
    names = ["Қамқор", "Әлем", "Өркен", "Ұлағат", "Үміт", "Һәм", "Ізгілік", "Ғибрат"]
    for name in names:
        BoothFactory(forum=forum, organisation=OrganisationFactory(name_kk=f"«{name}» ҚБ"))

    response = exhibition(client, forum, q=query)

    expected = [n for n in names if n.lower() == query.lower()]
    assert booth_names(response) == [f"«{n}» ҚБ" for n in expected]


def test_search_matches_russian_text_and_project_titles(client, forum):
    BoothFactory(
        forum=forum,
        organisation=OrganisationFactory(name_kk="«Шапағат» ҚҚ", name_ru="ОФ «Шапагат»"),
        project_title_ru="Инклюзивная мастерская",
    )
    BoothFactory(forum=forum, organisation=OrganisationFactory(name_kk="«Береке» ҚБ"))

    assert booth_names(exhibition(client, forum, "ru", q="ШАПАГАТ")) == ["ОФ «Шапагат»"]
    assert booth_names(exhibition(client, forum, "ru", q="мастерская")) == ["ОФ «Шапагат»"]
    assert booth_names(exhibition(client, forum, "kk", q="ИНКЛЮЗИВНАЯ")) == ["«Шапағат» ҚҚ"]


def test_search_with_no_match_says_so(client, forum):
    BoothFactory(forum=forum)

    response = exhibition(client, forum, q="жоқ сөз")

    assert booth_names(response) == []
    assert response.context["is_filtered"] is True


def test_theme_filter_shows_only_booths_of_that_theme(client, forum):
    inclusive, creative = ThemeFactory(slug="inclusive"), ThemeFactory(slug="creative")
    BoothFactory(forum=forum, organisation=OrganisationFactory(name_kk="А")).themes.add(inclusive)
    BoothFactory(forum=forum, organisation=OrganisationFactory(name_kk="Б")).themes.add(creative)

    response = exhibition(client, forum, theme="creative")

    assert booth_names(response) == ["Б"]
    assertContains(response, '<option value="creative" selected>')


@pytest.mark.parametrize(
    "status", [Booth.Status.SUBMITTED, Booth.Status.REJECTED, Booth.Status.WITHDRAWN]
)
def test_only_approved_booths_are_public(client, forum, status):
    hidden = BoothFactory(
        forum=forum, status=status, organisation=OrganisationFactory(name_kk="Жасырын")
    )
    BoothFactory(forum=forum, organisation=OrganisationFactory(name_kk="Көрінетін"))

    assert booth_names(exhibition(client, forum)) == ["Көрінетін"]
    detail = client.get(f"/kk/archive/{forum.slug}/exhibition/{hidden.slug}/")
    assert detail.status_code == 404


def test_booth_list_follows_the_alphabet_of_the_pages_language(client, forum):
    names = [
        ("Ыбырай", "Ыбырай"),
        ("Іле", "Иле-2"),
        ("Өмір", "Омир"),
        ("Әлем", "Алем"),
        ("Бақыт", "Бакыт"),
    ]
    for name_kk, name_ru in names:
        BoothFactory(
            forum=forum, organisation=OrganisationFactory(name_kk=name_kk, name_ru=name_ru)
        )

    assert booth_names(exhibition(client, forum, "kk")) == [
        "Әлем",
        "Бақыт",
        "Өмір",
        "Ыбырай",
        "Іле",
    ]
    assert booth_names(exhibition(client, forum, "ru")) == [
        "Алем",
        "Бакыт",
        "Иле-2",
        "Омир",
        "Ыбырай",
    ]


def test_booth_list_paginates(client, db):
    sample = sample_edition_create(booths=30)

    first = exhibition(client, sample)
    second = exhibition(client, sample, page=2)

    assert len(first.context["booths"]) == 24
    assert len(second.context["booths"]) == 6
    assertContains(first, 'href="?page=2" rel="next"')
    assertContains(second, 'href="?page=1" rel="prev"')


def pagination(response):
    """The pagination's items in order: ("link", href, name, text), ("current", spoken, shown) or ("gap",)."""
    html = response.content.decode()
    nav = re.search(r'<nav class="pagination" aria-label="([^"]+)">(.*?)</nav>', html, re.S)
    items = []
    for item in re.findall(r"<li[^>]*>.*?</li>", nav[2], re.S):
        if link := re.fullmatch(
            r'<li><a href="([^"]+)"(?: aria-label="([^"]+)"| rel="\w+")>([^<]+)</a></li>', item
        ):
            items.append(("link", unescape(link[1]), link[2], link[3]))
        elif current := re.fullmatch(
            r'<li><span class="pagination__current" aria-current="page">'
            r'<span class="visually-hidden">([^<]+)</span><span aria-hidden="true">(\d+)</span></span></li>',
            item,
        ):
            items.append(("current", current[1], current[2]))
        else:
            assert item == '<li class="pagination__gap" aria-hidden="true">…</li>'
            items.append(("gap",))
    return nav[1], items


@pytest.fixture
def twelve_pages(db):
    """The sample edition with 265 booths: 11 full pages of 24 and one booth on the 12th."""
    return sample_edition_create(booths=24 * 11 + 1)


def test_the_first_page_links_the_next_pages_and_the_last(client, twelve_pages):
    label, items = pagination(exhibition(client, twelve_pages))

    assert label == "Беттер"
    assert items == [
        ("current", "1-бет", "1"),
        ("link", "?page=2", "2-бет", "2"),
        ("link", "?page=3", "3-бет", "3"),
        ("gap",),
        ("link", "?page=12", "12-бет", "12"),
        ("link", "?page=2", None, "Келесі бет"),
    ]


def test_a_middle_page_links_two_pages_each_side_and_both_ends(client, twelve_pages):
    label, items = pagination(exhibition(client, twelve_pages, "ru", page=6))

    assert label == "Страницы"
    assert items == [
        ("link", "?page=5", None, "Предыдущая страница"),
        ("link", "?page=1", "Страница 1", "1"),
        ("gap",),
        ("link", "?page=4", "Страница 4", "4"),
        ("link", "?page=5", "Страница 5", "5"),
        ("current", "Страница 6", "6"),
        ("link", "?page=7", "Страница 7", "7"),
        ("link", "?page=8", "Страница 8", "8"),
        ("gap",),
        ("link", "?page=12", "Страница 12", "12"),
        ("link", "?page=7", None, "Следующая страница"),
    ]


def test_the_last_page_links_the_first_and_the_previous_pages(client, twelve_pages):
    _label, items = pagination(exhibition(client, twelve_pages, page=12))

    assert items == [
        ("link", "?page=11", None, "Алдыңғы бет"),
        ("link", "?page=1", "1-бет", "1"),
        ("gap",),
        ("link", "?page=10", "10-бет", "10"),
        ("link", "?page=11", "11-бет", "11"),
        ("current", "12-бет", "12"),
    ]


def test_every_page_link_keeps_the_search_the_theme_and_the_access_filter(client, db):
    sample = sample_edition_create(booths=2000)
    filters = {"q": "үлгі", "theme": "inclusive-communities", "access": ["captions", "seating"]}
    response = exhibition(client, sample, page=2, **filters)
    page_obj = response.context["page_obj"]

    _label, items = pagination(response)

    hrefs = [parse_qs(urlsplit(item[1]).query) for item in items if item[0] == "link"]
    pages = [[str(n)] for n in page_window(page_obj) if n not in (None, 2)]
    after = [["3"]] if page_obj.has_next() else []
    assert [href.pop("page") for href in hrefs] == [["1"], *pages, *after]
    assert hrefs == [filters | {"q": ["үлгі"], "theme": ["inclusive-communities"]}] * len(hrefs)


def test_a_list_of_one_page_has_no_pagination(client, db):
    sample = sample_edition_create(booths=24)

    response = exhibition(client, sample)

    assertNotContains(response, 'class="pagination"')


def test_booth_page_shows_the_project_but_never_the_contact(client, forum):
    booth = BoothFactory(forum=forum, project_title_kk="Ымдау тілі мектебі", number=7)

    response = client.get(f"/kk/archive/{forum.slug}/exhibition/{booth.slug}/")

    assertContains(response, "Ымдау тілі мектебі")
    assertContains(response, "<dd>7</dd>")
    for private in (booth.contact_name, booth.contact_email, booth.contact_phone):
        assertNotContains(response, private)


@pytest.mark.parametrize(
    ("language", "label", "names"),
    [("kk", "Тақырыптары:", "Инклюзия, Шығармашылық"), ("ru", "Темы:", "Инклюзия, Творчество")],
)
def test_a_cards_themes_are_plain_text_after_a_label(client, forum, language, label, names):
    booth = BoothFactory(forum=forum)
    booth.themes.add(
        ThemeFactory(slug="inclusive", name_kk="Инклюзия", name_ru="Инклюзия"),
        ThemeFactory(slug="creative", name_kk="Шығармашылық", name_ru="Творчество"),
    )

    response = exhibition(client, forum, language)

    assertContains(response, f'<p class="meta">{label} {names}</p>', html=True)
    # Framed words looked like buttons that do nothing.
    assertNotContains(response, 'class="tag"')
    card = re.search(r'<li class="booth-card">.*?</li>', response.content.decode(), re.S)[0]
    assert card.count("<a ") == 1  # the booth's own link only: no tab stop per theme


@pytest.mark.parametrize(("language", "label"), [("kk", "Тақырыбы:"), ("ru", "Тема:")])
def test_a_card_with_one_theme_says_theme_in_the_singular(client, forum, language, label):
    BoothFactory(forum=forum).themes.add(ThemeFactory(name_kk="Инклюзия", name_ru="Инклюзия"))

    response = exhibition(client, forum, language)

    assertContains(response, f'<p class="meta">{label} Инклюзия</p>', html=True)


def theme_links(response):
    """(href, text) of each link in the booth page's list of themes."""
    html = response.content.decode()
    themes = re.search(r'<ul class="tags">(.*?)</ul>', html, re.S)[1]
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', themes)


def test_a_booth_page_links_each_theme_to_the_exhibition_filtered_by_it(client, db):
    ForumFactory(slug="past", year=2024)
    current = ForumFactory(slug="now", year=2025)
    booth = BoothFactory(forum=current)
    booth.themes.add(
        ThemeFactory(slug="inclusive", name_ru="Инклюзия"),
        ThemeFactory(slug="creative", name_ru="Творчество"),
    )
    other = BoothFactory(forum=current)

    links = theme_links(client.get(f"/ru/exhibition/{booth.slug}/"))

    assert links == [
        ("/ru/exhibition/?theme=inclusive", "Инклюзия"),
        ("/ru/exhibition/?theme=creative", "Творчество"),
    ]
    filtered = client.get(links[0][0])
    assert list(filtered.context["booths"]) == [booth]
    assert other not in filtered.context["booths"]


def test_an_archived_booth_links_its_themes_within_its_own_edition(client, db):
    past = ForumFactory(slug="past", year=2024)
    ForumFactory(slug="now", year=2025)
    booth = BoothFactory(forum=past)
    booth.themes.add(ThemeFactory(slug="inclusive", name_kk="Инклюзия"))

    links = theme_links(client.get(f"/kk/archive/past/exhibition/{booth.slug}/"))

    assert links == [("/kk/archive/past/exhibition/?theme=inclusive", "Инклюзия")]
    assert list(client.get(links[0][0]).context["booths"]) == [booth]


@pytest.mark.parametrize(
    ("language", "label", "exhibition", "name"),
    [
        ("kk", "Сіз осындасыз", "Көрме", "«Қамқор» ҚБ"),
        ("ru", "Вы здесь", "Выставка", "ОО «Камкор»"),
    ],
)
def test_a_booth_page_says_where_it_sits_in_a_breadcrumb(
    client, db, language, label, exhibition, name
):
    forum = ForumFactory(slug="past", year=2024)
    ForumFactory(slug="now", year=2025)
    booth = BoothFactory(
        forum=forum, organisation=OrganisationFactory(name_kk="«Қамқор» ҚБ", name_ru="ОО «Камкор»")
    )

    html = client.get(f"/{language}/archive/past/exhibition/{booth.slug}/").content.decode()

    nav = re.search(r'<nav class="breadcrumb" aria-label="([^"]+)">(.*?)</nav>', html, re.S)
    assert nav and nav[1] == label
    items = re.findall(r"<li( aria-current=\"page\")?>(.*?)</li>", nav[2], re.S)
    # The exhibition of the booth's own edition, then the booth itself, marked as the page.
    assert items[0] == ("", f'<a href="/{language}/archive/past/exhibition/">{exhibition}</a>')
    assert items[1][0] and unescape(items[1][1]).strip() == name


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


SAMPLE_PAGES = ["", "programme/", "exhibition/", "exhibition/?q=қамқор", "exhibition/?theme="]
SAMPLE_PAGES += ["plenary/", "awards/", "concert/", "exhibition/?access=step_free&access=seating"]
SAMPLE_PAGES += ["programme/?access=captions"]


@pytest.mark.parametrize("page", SAMPLE_PAGES)
def test_a_page_runs_as_many_queries_with_2000_booths_as_with_20(client, article_forum, page):
    url = f"/kk/archive/sample/{page}"
    sample_edition_create(booths=20)
    with_few = count_queries(client, url)

    sample_edition_create(booths=2000)
    with_many = count_queries(client, url)

    assert with_many == with_few <= 6


def test_a_later_page_of_booths_runs_as_many_queries_as_the_first(client, db):
    sample_edition_create(booths=30)
    with_few = count_queries(client, "/kk/archive/sample/exhibition/?page=2")

    sample_edition_create(booths=2000)
    with_many = count_queries(client, "/kk/archive/sample/exhibition/?page=80")

    assert with_many == with_few <= 6


def test_booth_page_runs_a_fixed_number_of_queries(client, db):
    sample_edition_create(booths=20)
    few = count_queries(client, f"/kk/archive/sample/exhibition/{Booth.objects.first().slug}/")

    sample_edition_create(booths=2000)
    many = count_queries(client, f"/kk/archive/sample/exhibition/{Booth.objects.last().slug}/")

    assert many == few <= 4


def test_archive_and_home_run_a_fixed_number_of_queries(client, article_forum):
    sample_edition_create(booths=20)
    few = [count_queries(client, url) for url in ("/ru/", "/ru/archive/", "/ru/awards/")]

    sample_edition_create(booths=2000)
    many = [count_queries(client, url) for url in ("/ru/", "/ru/archive/", "/ru/awards/")]

    assert many == few


def page_title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)[1]


@pytest.mark.parametrize(
    ("language", "params", "title"),
    [
        ("kk", {}, "Көрме — Форум"),
        ("kk", {"q": " қамқор "}, "«қамқор» бойынша іздеу — Көрме — Форум"),
        ("ru", {"q": "<b>"}, "Поиск: «&lt;b&gt;» — Выставка — Форум"),
        ("kk", {"theme": "inclusive"}, "Тақырыбы: Инклюзия — Көрме — Форум"),
        ("ru", {"q": "фонд", "theme": "inclusive", "access": ["captions", "seating"]},
         "Поиск: «фонд» — Тема: Инклюзивность — Доступность: субтитры, места для сидения — Выставка — Форум"),
        ("kk", {"theme": "no-such-theme", "access": "no-such-access"}, "Көрме — Форум"),
    ],
)  # fmt: skip
def test_a_searched_or_filtered_list_says_so_in_the_page_title(client, db, language, params, title):
    forum = ForumFactory(slug="titled", title_kk="Форум", title_ru="Форум")
    ThemeFactory(slug="inclusive", name_kk="Инклюзия", name_ru="Инклюзивность")

    response = exhibition(client, forum, language, **params)

    assert page_title(response) == title


def test_a_long_search_is_cut_short_in_the_page_title(client, db):
    forum = ForumFactory(slug="titled", title_kk="Форум", title_ru="Форум")

    response = exhibition(client, forum, "kk", q="ә" * 100)

    assert page_title(response) == f"«{'ә' * 59}…» бойынша іздеу — Көрме — Форум"


def test_what_an_ngo_wrote_in_the_other_language_only_is_marked_with_that_language(client, forum):
    """An applicant writes in Kazakh or in Russian: on the other page a screen reader must switch voice."""
    organisation = OrganisationFactory(logo=png(), logo_alt_kk="", logo_alt_ru="Логотип фонда")
    booth = BoothFactory(
        forum=forum,
        organisation=organisation,
        description_kk="",
        description_ru="Занятия для неслышащих детей.",
    )
    BoothPhoto.objects.create(booth=booth, image=png("a.png"), alt_kk="", alt_ru="Дети на занятии")

    kk = client.get(f"/kk/archive/{forum.slug}/exhibition/{booth.slug}/").content.decode()
    ru = client.get(f"/ru/archive/{forum.slug}/exhibition/{booth.slug}/").content.decode()

    assert '<div lang="ru"><p>Занятия для неслышащих детей.</p></div>' in kk
    assert re.search(r'<img class="logo" [^>]*alt="Логотип фонда" lang="ru"', kk)
    assert re.search(r'<img [^>]*alt="Дети на занятии" lang="ru"', kk)
    # On the Russian page the same text is in the page's own language.
    assert "<div><p>Занятия для неслышащих детей.</p></div>" in ru
    assert 'lang="ru"' not in ru.split("<main", 1)[1]


def test_a_theme_named_in_kazakh_only_is_marked_kazakh_on_the_russian_pages(client, forum):
    """Only a theme's Kazakh name is required: the Russian page shows it, and says it is Kazakh."""
    booth = BoothFactory(forum=forum)
    booth.themes.add(ThemeFactory(slug="crafts", name_kk="Қолөнер", name_ru=""))
    booth.themes.add(ThemeFactory(slug="inclusive", name_kk="Инклюзия", name_ru="Инклюзивность"))
    exhibition_page = exhibition(client, forum, "ru").content.decode()
    booth_page = client.get(f"/ru/archive/{forum.slug}/exhibition/{booth.slug}/").content.decode()

    assert re.search(r'<option value="crafts" lang="kk">Қолөнер</option>', exhibition_page)
    assert '<option value="inclusive">Инклюзивность</option>' in exhibition_page
    assert 'Темы: <span lang="kk">Қолөнер</span>, Инклюзивность</p>' in exhibition_page
    assert re.search(r'\?theme=crafts"><span lang="kk">Қолөнер</span></a>', booth_page)
    assert re.search(r'\?theme=inclusive">Инклюзивность</a>', booth_page)
