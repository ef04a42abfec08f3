"""The admin's autocomplete fields (select2) search and answer in the admin's language."""

import re

import pytest
from playwright.sync_api import expect

NO_RESULTS = {"kk": "Ештеңе табылмады", "ru": "Совпадений не найдено"}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_autocomplete_answers_in_the_admins_language(page, site, admin_state, language):
    p = page(language=language, storage_state=admin_state[language])
    p.goto(site("/admin/events/programmeitem/add/"), wait_until="load")

    p.click("#id_forum + .select2 .select2-selection")
    search = p.locator(".select2-container--open .select2-search__field")
    search.fill("жжжжжж")
    # The answer comes by a request select2 makes a moment after typing: wait for its words
    # (another message, such as the loading error, would first be there as well).
    expect(p.locator(".select2-results__message")).to_have_text(NO_RESULTS[language])

    # A word of the edition's title finds it, typed in capitals: the admin's
    # search folds Cyrillic case on SQLite too (forum_site/casefold.py).
    search.fill("ФОРУМ")
    option = p.locator(".select2-results__option", has_text="форум").first
    option.wait_for()
    option.click()
    expect(p.locator("#id_forum + .select2 .select2-selection__rendered")).to_contain_text("форум")


@pytest.mark.parametrize(
    ("language", "label"), [("kk", "Ұйым"), ("ru", "Организация")], ids=["kk", "ru"]
)
def test_an_empty_autocomplete_is_named_by_its_label(page, site, admin_state, language, label):
    p = page(language=language, storage_state=admin_state[language])
    p.goto(site("/admin/awards/award/add/"), wait_until="load")

    combobox = p.get_by_role("combobox", name=re.compile(f"^{label}:$"))

    assert combobox.count() == 1
    assert combobox.evaluate("box => box.closest('.select2').previousElementSibling.id") == (
        "id_organisation"
    )


def test_an_autocomplete_of_a_new_inline_row_is_named_by_its_label(page, site, admin_state):
    p = page(storage_state=admin_state["kk"])
    p.goto(site("/admin/events/forum/{edition_pk}/change/"), wait_until="load")
    rows = p.locator("#statements-group .inline-related:not(.empty-form)")
    before = rows.count()

    p.locator("#statements-group .add-row a").click()

    assert rows.count() == before + 1
    new_select = f"#id_statements-{before}-person"
    name = p.locator(f"{new_select} + .select2 [role=combobox]").evaluate(
        "box => box.getAttribute('aria-labelledby').split(' ')"
        ".map((id) => document.getElementById(id).textContent).join(' ').trim()"
    )
    assert name == "Тұлға:"
