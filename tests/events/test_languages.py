"""Text shown in the other language than the page's carries its own `lang` (WCAG 3.1.2)."""

import re

import pytest

from events.models import Performance, Person, ProgrammeItem, Statement
from tests.factories import (
    AwardFactory,
    BoothFactory,
    ForumFactory,
    OrganisationFactory,
    ProgrammeItemFactory,
)


@pytest.fixture
def forum(db):
    return ForumFactory(slug="edition")


def main(client, path):
    return client.get(path).content.decode().split("<main", 1)[1]


def test_an_award_written_in_kazakh_only_is_marked_kazakh_on_the_russian_page(client, forum):
    AwardFactory(forum=forum, nomination_kk="Жыл жобасы", nomination_ru="",
                 citation_kk="Инклюзия үшін.", citation_ru="")  # fmt: skip

    ru = main(client, "/ru/archive/edition/awards/")
    kk = main(client, "/kk/archive/edition/awards/")

    assert '<span class="meta"><span lang="kk">Жыл жобасы</span></span>' in ru
    assert '<div lang="kk"><p>Инклюзия үшін.</p></div>' in ru
    assert 'lang="kk"' not in kk


def test_a_concert_act_written_in_russian_only_is_marked_russian_on_the_kazakh_page(client, forum):
    ProgrammeItemFactory(forum=forum, kind=ProgrammeItem.Kind.CONCERT,
                         description_kk="", description_ru="Концерт в конце дня.")  # fmt: skip
    Performance.objects.create(forum=forum, performer_kk="", performer_ru="Театр «SILENCE»",
                               notes_kk="", notes_ru="Танец неслышащих артистов.")  # fmt: skip

    kk = main(client, "/kk/archive/edition/concert/")

    assert '<div lang="ru"><p>Концерт в конце дня.</p></div>' in kk
    assert '<strong><span lang="ru">Театр «SILENCE»</span></strong>' in kk
    assert '<br><span lang="ru">Танец неслышащих артистов.</span>' in kk


def test_a_statement_in_kazakh_only_is_marked_kazakh_on_the_russian_page(client, forum):
    person = Person.objects.create(name_kk="Светлана Жақыпова", name_ru="Светлана Жакупова",
                                   position_kk="Министр", position_ru="")  # fmt: skip
    Statement.objects.create(
        forum=forum, person=person, text_kk="Келесі жылы кездескенше!", text_ru=""
    )

    ru = main(client, "/ru/archive/edition/plenary/")

    assert re.search(r'<blockquote lang="kk"><p>Келесі жылы кездескенше!</p></blockquote>', ru)
    # The name exists in Russian: it is in the page's language; the position fell back.
    assert '<strong>Светлана Жакупова</strong>, <span lang="kk">Министр</span>' in ru


def test_what_fell_back_on_the_home_page_and_in_the_programme_is_marked(client, forum):
    item = ProgrammeItemFactory(forum=forum, kind=ProgrammeItem.Kind.PLENARY,
                                title_kk="Пленарлық сессия", title_ru="", place_kk="", place_ru="Зал 1")  # fmt: skip
    person = Person.objects.create(name_kk="Захира Бегалиева", name_ru="Захира Бегалиева",
                                   position_kk="", position_ru="директор ОФ «IteachMe»")  # fmt: skip
    item.appearances.create(person=person)

    home = main(client, "/ru/archive/edition/")
    programme = main(client, "/kk/archive/edition/programme/")

    assert '</span> <span lang="kk">Пленарлық сессия</span></li>' in home
    assert '<span><span lang="ru">Зал 1</span></span>' in programme
    assert (
        '<strong>Захира Бегалиева</strong>, <span lang="ru">директор ОФ «IteachMe»</span>'
        in programme
    )


def test_an_ngos_city_given_in_russian_only_is_marked_on_the_kazakh_booth_page(client, forum):
    booth = BoothFactory(
        forum=forum, organisation=OrganisationFactory(city_kk="", city_ru="Астана")
    )

    kk = main(client, f"/kk/archive/edition/exhibition/{booth.slug}/")

    assert '<dd><span lang="ru">Астана</span></dd>' in kk


def test_a_kazakh_name_quoted_in_russian_text_is_marked_kazakh(client, forum):
    AwardFactory(forum=forum, organisation=OrganisationFactory(
        name_kk="«Бақытты Шаңырақ» ҚБ", name_ru="ОО «Бақытты Шаңырақ»"))  # fmt: skip
    AwardFactory(forum=forum, organisation=OrganisationFactory(
        name_kk="«Ыбырай» ҚҚ", name_ru="ОФ «Ыбырай»"))  # fmt: skip

    ru = main(client, "/ru/archive/edition/awards/")
    kk = main(client, "/kk/archive/edition/awards/")

    assert '<strong>ОО «<span lang="kk">Бақытты Шаңырақ</span>»</strong>' in ru
    # Russian letters alone: a Russian voice reads it as it is written.
    assert "<strong>ОФ «Ыбырай»</strong>" in ru
    # On the Kazakh page the whole text is Kazakh already.
    assert 'lang="kk"' not in kk


def test_marking_a_quoted_kazakh_name_still_escapes_what_was_typed(client, forum):
    AwardFactory(forum=forum, organisation=OrganisationFactory(
        name_kk="Ұйым", name_ru='ОО «<b>Ұя</b>» & <script>alert(1)</script>'))  # fmt: skip

    ru = main(client, "/ru/archive/edition/awards/")

    assert (
        'ОО «<span lang="kk">&lt;b&gt;Ұя&lt;/b&gt;</span>» &amp; &lt;script&gt;alert(1)&lt;/script&gt;'
        in ru
    )
    assert "<script>alert" not in ru
