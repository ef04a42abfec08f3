"""Every public page, in both languages, and the main admin pages, in a real browser."""

import pytest
from playwright.sync_api import expect

from .checks import (
    as_json,
    axe_violations,
    describe_violations,
    double_text_size,
    keyboard_walk,
    overlapping_text,
    reflow_problems,
    space_text,
    unreached_and_unfocused,
)
from .conftest import SCREENSHOTS, new_page
from .pages import ADMIN_PAGES, public_urls

PUBLIC = public_urls()
PUBLIC_IDS = [name for name, _language, _path in PUBLIC]


def open_page(page, site, path, **options):
    p = page(**options)
    p.goto(site(path), wait_until="load")
    return p


@pytest.mark.parametrize(("name", "language", "path"), PUBLIC, ids=PUBLIC_IDS)
def test_public_page_has_no_wcag_violations(page, site, name, language, path):
    p = open_page(page, site, path, language=language)

    violations = axe_violations(p)

    assert violations == [], f"{path}:\n{describe_violations(violations)}"


@pytest.mark.parametrize(("name", "language", "path"), PUBLIC, ids=PUBLIC_IDS)
def test_public_page_works_with_the_keyboard_alone(page, site, name, language, path):
    p = open_page(page, site, path, language=language)

    focusable, stops, trapped = keyboard_walk(p)

    assert not trapped, f"focus never came back to the start:\n{as_json(stops[-5:])}"
    # The first Tab reaches the skip link, and it leads to the main content.
    assert 'class="skip-link"' in stops[0]["name"]
    missed, invisible = unreached_and_unfocused(focusable, stops)
    assert missed == [], f"not reachable with Tab:\n{as_json(missed)}"
    assert invisible == [], f"no visible focus indicator:\n{as_json(invisible)}"
    hidden = [stop["name"] for stop in stops if not stop["inViewport"]]
    assert hidden == [], f"focused but off the screen:\n{as_json(hidden)}"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_skip_link_moves_focus_to_the_main_content(page, site, language):
    p = open_page(page, site, f"/{language}/programme/", language=language)

    p.keyboard.press("Tab")
    expect(p.locator(".skip-link")).to_be_focused()
    p.keyboard.press("Enter")

    # The focus moves with the same-page navigation, which Playwright (and the address)
    # may learn of only after the key press returns: wait for both, with no time of our own.
    expect(p.locator("main#main")).to_be_focused()
    p.wait_for_url("**#main")


@pytest.mark.parametrize(("name", "language", "path"), PUBLIC, ids=PUBLIC_IDS)
def test_public_page_reflows_at_320_pixels_and_200_percent_text(page, site, name, language, path):
    narrow = open_page(page, site, path, language=language, width=320, height=640)
    large_text = open_page(page, site, path, language=language, width=1280, height=800)
    double_text_size(large_text)

    at_320 = reflow_problems(narrow)
    at_200_percent = reflow_problems(large_text)

    assert at_320 == [], "at 320px wide:\n" + "\n".join(at_320[:20])
    assert at_200_percent == [], "at 200% text:\n" + "\n".join(at_200_percent[:20])


@pytest.mark.parametrize(("name", "language", "path"), PUBLIC, ids=PUBLIC_IDS)
def test_public_page_keeps_everything_with_wider_text_spacing_at_320_pixels(
    page, site, name, language, path
):
    """WCAG 1.4.12: a reader's own line, paragraph, letter and word spacing, on a phone."""
    p = open_page(page, site, path, language=language, width=320, height=640)
    space_text(p)

    problems = reflow_problems(p)
    overlaps = overlapping_text(p)

    assert problems == [], "\n".join(problems[:20])
    assert overlaps == [], "\n".join(overlaps[:20])


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_public_page_has_a_title_of_its_own(page, site, language):
    """A search or a filter included: the title is what a screen reader announces first (WCAG 2.4.2)."""
    p = page(language=language)
    titles = {}
    # The article's edition is the current one: its archive address shows the home page itself.
    same_page = {f"archived-edition-{language}"}
    for name, page_language, path in PUBLIC:
        if page_language == language and name not in same_page:
            p.goto(site(path), wait_until="domcontentloaded")
            titles.setdefault(p.title(), []).append(name)

    shared = {title: names for title, names in titles.items() if len(names) > 1}

    assert shared == {}
    assert "" not in titles


@pytest.mark.parametrize(("name", "language", "path"), PUBLIC, ids=PUBLIC_IDS)
def test_screenshots_of_every_public_page(browser, site, name, language, path):
    """Saved for people to look at (tests/browser/screenshots/, not in git)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for device, width, height in [("phone", 375, 812), ("desktop", 1280, 800)]:
        p = new_page(browser, language=language, width=width, height=height)
        try:
            p.goto(site(path), wait_until="load")
            target = SCREENSHOTS / f"{name}-{device}.png"
            p.screenshot(path=str(target), full_page=True)
        finally:
            p.context.close()

        assert target.stat().st_size > 0


ADMIN = [
    (f"{name}-{language}", language, path)
    for name, path in ADMIN_PAGES.items()
    for language in ("kk", "ru")
]


@pytest.mark.parametrize(("name", "language", "path"), ADMIN, ids=[a[0] for a in ADMIN])
def test_admin_page_has_no_wcag_violations(page, site, admin_state, name, language, path):
    state = None if path == ADMIN_PAGES["login"] else admin_state[language]
    p = open_page(page, site, path, language=language, storage_state=state)
    assert p.url == site(path), "the admin page redirected"

    violations = axe_violations(p)

    assert violations == [], f"{path}:\n{describe_violations(violations)}"


@pytest.mark.parametrize(("name", "language", "path"), ADMIN, ids=[a[0] for a in ADMIN])
def test_admin_page_works_with_the_keyboard_alone(page, site, admin_state, name, language, path):
    state = None if path == ADMIN_PAGES["login"] else admin_state[language]
    p = open_page(page, site, path, language=language, storage_state=state)

    focusable, stops, trapped = keyboard_walk(p)

    assert not trapped, f"focus never came back to the start:\n{as_json(stops[-5:])}"
    missed, invisible = unreached_and_unfocused(focusable, stops)
    assert missed == [], f"not reachable with Tab:\n{as_json(missed)}"
    assert invisible == [], f"no visible focus indicator:\n{as_json(invisible)}"
