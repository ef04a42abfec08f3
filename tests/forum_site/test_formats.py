import datetime
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.utils import formats, translation
from pytest_django.asserts import assertContains

from tests.factories import ProgrammeItemFactory

DAY = datetime.date(2025, 9, 3)
MOMENT = datetime.datetime(2025, 9, 3, 14, 5, tzinfo=datetime.UTC)  # 19:05 in Astana
NBSP = "\xa0"


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load humanize %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "expected"),
    [("kk", "2025 ж. 3 қыркүйек"), ("ru", "3 сентября 2025 г.")],
)
def test_long_date_as_readers_write_it(language, expected):
    assert render("{{ day|date:'DATE_FORMAT' }}", language, day=DAY) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("kk", ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым"]),
        ("ru", ["января", "февраля", "марта", "апреля", "мая", "июня"]),
    ],
)
def test_month_names_in_dates(language, expected):
    days = [datetime.date(2025, month, 1) for month in range(1, 7)]
    with translation.override(language):
        names = [formats.date_format(day, "E") for day in days]
    assert names == expected


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_short_date_and_24_hour_time(language):
    assert render("{{ day|date:'SHORT_DATE_FORMAT' }}", language, day=DAY) == "03.09.2025"
    assert render("{{ moment|time:'TIME_FORMAT' }}", language, moment=MOMENT) == "19:05"


def test_kazakh_date_and_time():
    assert render("{{ moment|date:'DATETIME_FORMAT' }}", "kk", moment=MOMENT) == (
        "2025 ж. 3 қыркүйек, 19:05"
    )


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_numbers_group_thousands_with_a_no_break_space_and_use_a_decimal_comma(language):
    assert render("{{ n|intcomma }}", language, n=Decimal("1234.5")) == f"1{NBSP}234,5"
    assert render("{{ n|intcomma }}", language, n=1234567) == f"1{NBSP}234{NBSP}567"


def test_kazakh_week_starts_on_monday():
    with translation.override("kk"):
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_date_field_accepts_day_month_year(language):
    class DateForm(forms.Form):
        day = forms.DateField()

    with translation.override(language):
        form = DateForm(data={"day": "03.09.2025"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == DAY


@pytest.mark.parametrize(
    ("language", "expected"),
    [("kk", "2025 ж. 3 қыркүйек, 19:05"), ("ru", "3 сентября 2025 г. 19:05")],
)
def test_programme_page_writes_times_as_readers_do(client, db, language, expected):
    item = ProgrammeItemFactory(starts_at=MOMENT)

    response = client.get(f"/{language}/archive/{item.forum.slug}/programme/")

    assertContains(response, expected)


def test_home_page_writes_the_edition_date_in_kazakh(client, db):
    item = ProgrammeItemFactory()
    item.forum.starts_on = DAY
    item.forum.save()

    response = client.get(f"/kk/archive/{item.forum.slug}/")

    assertContains(response, '<time datetime="2025-09-03">2025 ж. 3 қыркүйек</time>')
