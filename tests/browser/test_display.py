"""Display options (larger text, high contrast) without JavaScript, and the system's own settings."""

import pytest
from playwright.sync_api import expect

from .checks import (
    as_json,
    axe_violations,
    describe_violations,
    focus_ring_contrasts,
    reflow_problems,
)

CHECKED = [
    "",
    "programme/",
    "exhibition/",
    "awards/",
    "exhibition/apply/",
    "accessibility/",
    "display/",
]


def computed(p, selector, prop):
    return p.evaluate(
        "([s, p]) => getComputedStyle(document.querySelector(s)).getPropertyValue(p)",
        [selector, prop],
    )


@pytest.mark.parametrize(
    ("language", "control"),
    [("kk", "Нашар көретіндерге арналған нұсқа"), ("ru", "Версия для слабовидящих")],
)
def test_display_options_work_without_javascript_and_are_kept(page, site, language, control):
    p = page(language=language, java_script_enabled=False)
    p.goto(site(f"/{language}/programme/"))
    assert computed(p, "html", "font-size") == "16px"

    p.get_by_role("link", name=control, exact=True).click()
    # Each choice is a navigation: wait for the page that shows it as chosen
    # before the next click, or a slow response is overtaken by the next one.
    for choice in (
        {"kk": "Ірі мәтін", "ru": "Крупный текст"}[language],
        {
            "kk": "Жоғары контраст: қара фондағы ашық мәтін",
            "ru": "Высокая контрастность: светлый текст на чёрном",
        }[language],
    ):
        p.get_by_role("link", name=choice, exact=True).click()
        expect(p.locator("strong[aria-current=true]", has_text=choice)).to_be_visible()
    p.get_by_role(
        "link",
        name={"kk": "Болған бетке оралу", "ru": "Вернуться на страницу, где вы были"}[language],
    ).click()
    # Not wait_for_load_state: the page left is loaded already, and it answers at once
    # if the click returned before the navigation began.
    p.wait_for_url(site(f"/{language}/programme/"))

    assert p.url == site(f"/{language}/programme/")
    assert computed(p, "html", "font-size") == "20px"
    assert computed(p, "body", "background-color") == "rgb(0, 0, 0)"
    # The next visit, in a new tab of the same browser, keeps the choice.
    again = p.context.new_page()
    again.goto(site(f"/{language}/"))
    assert computed(again, "html", "font-size") == "20px"


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("path", CHECKED)
def test_large_text_and_high_contrast_have_no_violations_and_reflow(page, site, language, path):
    p = page(language=language, width=320, height=640)
    p.context.add_cookies(
        [{"name": "display", "value": "text=largest,contrast=high", "url": site("/")}]
    )
    p.goto(site(f"/{language}/{path}"))
    assert computed(p, "body", "background-color") == "rgb(0, 0, 0)"

    violations = axe_violations(p)
    problems = reflow_problems(p)

    assert violations == [], describe_violations(violations)
    assert problems == [], "\n".join(problems[:20])


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("path", CHECKED)
def test_the_systems_dark_scheme_and_more_contrast_have_no_violations(page, site, language, path):
    p = page(language=language, color_scheme="dark", contrast="more", reduced_motion="reduce")
    p.goto(site(f"/{language}/{path}"))

    violations = axe_violations(p)

    assert violations == [], describe_violations(violations)
    assert computed(p, "body", "background-color") != "rgb(255, 255, 255)"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_each_choice_is_shown_as_it_would_look(page, site, language):
    p = page(language=language, java_script_enabled=False)
    p.goto(site(f"/{language}/display/?next=/"))

    sizes = [
        computed(p, f".display-choice--text-{value} :is(a, strong)", "font-size")
        for value in ("normal", "large", "largest")
    ]

    assert sizes == ["16px", "20px", "25.6px"]
    assert computed(p, ".display-choice--contrast-high a", "background-color") == "rgb(0, 0, 0)"
    assert computed(p, ".display-choice--contrast-high a", "color") == "rgb(255, 255, 255)"


# WCAG 1.4.11 (non-text contrast): a focus ring at least 3:1 against what it is drawn on.
MIN_FOCUS_CONTRAST = 3

SETTINGS = {
    "light": ({}, None),
    "dark": ({"color_scheme": "dark"}, None),
    "more-contrast": ({"contrast": "more"}, None),
    "dark-more-contrast": ({"color_scheme": "dark", "contrast": "more"}, None),
    "high-contrast-option": ({}, "text=normal,contrast=high"),
}


@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize(("language", "path"), [("kk", "programme/"), ("ru", "exhibition/apply/")])
def test_every_focus_ring_stands_out_from_what_it_is_drawn_on(page, site, setting, language, path):
    """The skip link's ring on the blue header, the header's links in the dark scheme included."""
    options, cookie = SETTINGS[setting]
    p = page(language=language, **options)
    if cookie:
        p.context.add_cookies([{"name": "display", "value": cookie, "url": site("/")}])
    p.goto(site(f"/{language}/{path}"))

    rings = focus_ring_contrasts(p)

    faint = [
        ring for ring in rings if ring["ratio"] is not None and ring["ratio"] < MIN_FOCUS_CONTRAST
    ]
    assert faint == [], f"focus rings under {MIN_FOCUS_CONTRAST}:1:\n{as_json(faint)}"
    # The walk measured rings: the skip link and the header's links among them.
    measured = [ring["name"] for ring in rings if ring["ratio"] is not None]
    assert 'class="skip-link"' in measured[0]
    assert len(measured) > 10


# More query fields than Django parses (DATA_UPLOAD_MAX_NUMBER_FIELDS): a 400, one of the
# standalone error pages (templates/error_base.html), like the 500 and the 503.
TOO_MANY_FIELDS = "&".join(["f=1"] * 1001)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_chosen_display_follows_the_visitor_to_the_standalone_error_pages(page, site, language):
    p = page(language=language)
    p.context.add_cookies(
        [{"name": "display", "value": "text=largest,contrast=high", "url": site("/")}]
    )

    response = p.goto(site(f"/{language}/exhibition/?{TOO_MANY_FIELDS}"))

    assert response.status == 400
    assert computed(p, "html", "font-size") == "25.6px"
    assert computed(p, "body", "background-color") == "rgb(0, 0, 0)"
