import datetime as dt

import pytest
from icalendar import Calendar
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import ForumFactory, ProgrammeItemFactory

ALMATY = dt.timezone(dt.timedelta(hours=5))


@pytest.fixture
def forum(db):
    forum = ForumFactory(slug="edition", title_kk="Форум 2026", title_ru="Форум 2026 года")
    ProgrammeItemFactory(
        forum=forum,
        title_kk="Пленарлық сессия",
        title_ru="Пленарная сессия",
        description_kk="Инклюзия туралы.",
        description_ru="Об инклюзии.",
        place_kk="Үлкен зал",
        place_ru="Большой зал",
        starts_at=dt.datetime(2026, 10, 25, 11, 0, tzinfo=ALMATY),
        ends_at=dt.datetime(2026, 10, 25, 12, 30, tzinfo=ALMATY),
    )
    ProgrammeItemFactory(
        forum=forum,
        title_kk="Концерт",
        title_ru="Концерт",
        starts_at=dt.datetime(2026, 10, 25, 15, 0, tzinfo=ALMATY),
    )
    ProgrammeItemFactory(forum=forum, title_kk="Уақыты белгісіз", title_ru="Время неизвестно")
    return forum


def events_of(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["version"]) == "2.0"
    return list(calendar.walk("VEVENT"))


@pytest.mark.parametrize(
    ("language", "titles", "place"),
    [("kk", ["Пленарлық сессия", "Концерт"], "Үлкен зал"), ("ru", ["Пленарная сессия", "Концерт"], "Большой зал")],
)  # fmt: skip
def test_the_programme_calendar_holds_the_dated_items_in_the_pages_language(
    client, forum, language, titles, place
):
    response = client.get(f"/{language}/archive/edition/programme/calendar.ics")

    events = events_of(response)
    assert [str(event["summary"]) for event in events] == titles
    assert [event["summary"].params["LANGUAGE"] for event in events] == [language, language]
    plenary = events[0]
    assert plenary.decoded("dtstart") == dt.datetime(2026, 10, 25, 11, 0, tzinfo=ALMATY)
    assert plenary.decoded("dtend") == dt.datetime(2026, 10, 25, 12, 30, tzinfo=ALMATY)
    assert str(plenary["location"]) == place
    first_item = forum.programme_items.first()
    assert str(plenary["url"]) == (
        f"http://testserver/{language}/archive/edition/programme/#item-{first_item.pk}"
    )
    assert "dtend" not in events[1]
    assert len({str(event["uid"]) for event in events}) == 2


def test_an_items_calendar_holds_that_item_only(client, forum):
    item = forum.programme_items.get(title_kk="Концерт")

    response = client.get(f"/ru/archive/edition/programme/calendar/{item.pk}.ics")

    assert [str(event["summary"]) for event in events_of(response)] == ["Концерт"]
    assert response["Content-Disposition"] == f'attachment; filename="edition-{item.pk}.ics"'


def test_an_item_without_a_date_has_no_calendar(client, forum):
    undated = forum.programme_items.get(title_kk="Уақыты белгісіз")

    response = client.get(f"/kk/archive/edition/programme/calendar/{undated.pk}.ics")

    assert response.status_code == 404


def test_the_programme_links_to_the_calendars_of_dated_items_only(client, forum):
    dated = forum.programme_items.get(title_kk="Концерт")
    undated = forum.programme_items.get(title_kk="Уақыты белгісіз")

    response = client.get("/kk/archive/edition/programme/")

    assertContains(response, 'href="/kk/archive/edition/programme/calendar.ics" download')
    assertContains(response, f'href="/kk/archive/edition/programme/calendar/{dated.pk}.ics"')
    assertNotContains(response, f"/calendar/{undated.pk}.ics")


@pytest.mark.parametrize(
    ("language", "note"),
    [
        # Not "yet to be announced": the article's forum has taken place, its date is just not given.
        ("kk", "Бағдарламаның күндері мен уақыты көрсетілмеген, сондықтан"),
        ("ru", "Даты и время программы не указаны, поэтому"),
    ],
)
def test_without_dates_the_programme_says_why_there_is_no_calendar(
    client, article_forum, language, note
):
    response = client.get(f"/{language}/programme/")

    assertContains(response, note)
    assertNotContains(response, "calendar.ics")
    assert client.get(f"/{language}/programme/calendar.ics").status_code == 404


def test_typed_text_cannot_add_lines_or_events_to_the_calendar(client, db):
    forum = ForumFactory(slug="edition", title_kk="Форум; «2026», \\ жыл")
    injected = "Ашылу\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Жалған; оқиға, \\ иә"
    ProgrammeItemFactory(
        forum=forum,
        title_kk=injected,
        description_kk="Бірінші жол\nATTACH:https://evil.example.com/x",
        place_kk="Зал; 1, қабат",
        starts_at=dt.datetime(2026, 10, 25, 11, 0, tzinfo=ALMATY),
    )

    response = client.get("/kk/archive/edition/programme/calendar.ics")

    [event] = events_of(response)
    # The line breaks are written as \n escapes (a CR LF as one), the rest as typed.
    assert str(event["summary"]) == injected.replace("\r\n", "\n")
    assert str(event["location"]) == "Зал; 1, қабат"
    assert "attach" not in event
    lines = response.content.decode().split("\r\n")
    assert [line for line in lines if line.startswith(("BEGIN:VEVENT", "END:VEVENT"))] == [
        "BEGIN:VEVENT",
        "END:VEVENT",
    ]
    assert not any(line.startswith(("SUMMARY:Жалған", "ATTACH")) for line in lines)
