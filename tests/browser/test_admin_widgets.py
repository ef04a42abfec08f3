"""The admin's widgets that JavaScript draws speak the admin's language.

Date and time pop-ups (djangojs strings: locale/contrib), and the two-box
selector of a user's groups (the groups' names: forum_site/roles.py).
"""

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


GROUPS = {"kk": ["Модераторлар", "Редакторлар"], "ru": ["Модераторы", "Редакторы"]}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_user_groups_selector_is_in_the_admins_language(page, site, admin_state, language):
    """The two-box selector JavaScript draws for a user's groups names them in the language."""
    p = page(language=language, storage_state=admin_state[language])
    p.goto(site("/admin/auth/user/"), wait_until="load")
    p.locator("#result_list tbody a").first.click()
    # The user's page, not the list's load state (the list is loaded already).
    p.wait_for_url("**/admin/auth/user/*/change/")
    selector = outer_html(p, ".selector:has(#id_groups_from)")
    available = p.locator("#id_groups_from option").all_inner_texts()
    assert sorted(available) == GROUPS[language]
    assert english_in(selector) == set()
