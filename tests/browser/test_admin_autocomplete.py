"""The admin's autocomplete fields (select2) search and answer in the admin's language."""

import pytest

NO_RESULTS = {"kk": "Ештеңе табылмады", "ru": "Совпадений не найдено"}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_autocomplete_answers_in_the_admins_language(page, site, admin_state, language):
    p = page(language=language, storage_state=admin_state[language])
    p.goto(site("/admin/events/programmeitem/add/"), wait_until="load")

    p.click("#id_forum + .select2 .select2-selection")
    search = p.locator(".select2-container--open .select2-search__field")
    search.fill("жжжжжж")
    message = p.locator(".select2-results__message")
    message.wait_for()
    assert message.inner_text() == NO_RESULTS[language]

    # A word of the edition's title finds it, typed in capitals: the admin's
    # search folds Cyrillic case on SQLite too (forum_site/casefold.py).
    search.fill("ФОРУМ")
    option = p.locator(".select2-results__option", has_text="форум").first
    option.wait_for()
    option.click()
    assert "форум" in p.locator("#id_forum + .select2 .select2-selection__rendered").inner_text()
