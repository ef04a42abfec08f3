"""The admin's date and time pop-ups speak the admin's language (djangojs: locale/contrib)."""

import pytest

from tests.forum_site.test_admin_kazakh import english_in

# A word of each pop-up, to know it opened in the language asked for.
EXPECTED = {
    "kk": {"calendar": "Бүгін", "clock": "Түн жарым", "cancel": "Болдырмау"},
    "ru": {"calendar": "Сегодня", "clock": "Полночь", "cancel": "Отмена"},
}


def outer_html(p, selector):
    box = p.locator(selector).first
    box.wait_for()
    return box.evaluate("element => element.outerHTML")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_calendar_and_clock_are_in_the_admins_language(page, site, admin_state, language):
    # A browser in another time zone than the server's gets the widget's note on it.
    p = page(language=language, storage_state=admin_state[language], timezone_id="Europe/London")
    p.goto(site("/admin/events/programmeitem/{item_pk}/change/"), wait_until="load")
    shortcuts = outer_html(p, ".datetimeshortcuts")
    note = outer_html(p, ".timezonewarning")

    p.locator("a[id^=calendarlink]").first.click()
    calendar = outer_html(p, ".calendarbox")
    p.locator(".calendarbox .calendarnav-next").first.click()
    next_month = outer_html(p, ".calendarbox")
    p.locator(".calendarbox .calendar-cancel a").first.click()
    p.locator("a[id^=clocklink]").first.click()
    clock = outer_html(p, ".clockbox")

    boxes = {
        "shortcuts": shortcuts,
        "note": note,
        "calendar": calendar,
        "next month": next_month,
        "clock": clock,
    }
    assert EXPECTED[language]["calendar"] in calendar
    assert EXPECTED[language]["clock"] in clock
    assert EXPECTED[language]["cancel"] in clock
    assert {name: english_in(html) for name, html in boxes.items()} == {
        name: set() for name in boxes
    }
