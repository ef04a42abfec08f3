"""The booth form's file inputs in the page's language (static/js/file-input.js), and without it."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from exhibitors.models import Booth
from tests import files

from .checks import as_json, focus_is_visible, reflow_problems
from .test_application_form import (
    APPLY,
    TYPED,
    assert_no_violations,
    send_empty_form_by_keyboard,
    tab_to,
)

# The button and the status the browser shows in its own language are ours, in the page's.
STRINGS = {
    "kk": {"choose": "Файлды таңдау", "none": "Файл таңдалмаған", "label": "Логотип"},
    "ru": {"choose": "Выбрать файл", "none": "Файл не выбран", "label": "Логотип"},
}

FILE_FIELDS = ["logo", "photo_1", "photo_2", "photo_3", "photo_4", "photo_5"]

_STYLE = """([selector, pseudo]) => {
    const s = getComputedStyle(document.querySelector(selector), pseudo);
    return {color: s.color, background: s.backgroundColor, border: s.borderTopColor,
            outline: s.outlineColor, outlineStyle: s.outlineStyle, visibility: s.visibility};
}"""

_FOCUS_STYLE = """(el) => {
    const s = getComputedStyle(el);
    return {outline: parseFloat(s.outlineWidth) || 0, outlineColor: s.outlineColor,
            boxShadow: s.boxShadow};
}"""


def choose(p, selector, upload):
    p.set_input_files(
        selector,
        files=[{"name": upload.name, "mimeType": upload.content_type, "buffer": upload.read()}],
    )


def fill_required(p):
    for name, value in TYPED.items():
        p.fill(f"#id_{name}", value)
    p.select_option("#id_legal_form", "public_association")
    p.check("#id_themes_0")
    p.check("#id_consent")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_each_file_input_shows_and_names_its_button_and_status_in_the_pages_language(
    page, site, language
):
    strings = STRINGS[language]
    p = page(language=language)
    p.goto(site(APPLY.format(language)))
    p.click("details.more-photos summary")

    for name in FILE_FIELDS:
        control = p.locator(f"#id_{name}")
        wrapper = p.locator(f".file-input:has(#id_{name})")
        # The real input is still the control the form sends.
        assert control.get_attribute("type") == "file"
        assert control.get_attribute("name") == name
        expect(wrapper.locator(".file-input__button")).to_have_text(strings["choose"])
        expect(wrapper.locator(".file-input__status")).to_have_text(strings["none"])
        expect(wrapper.locator(".file-input__status")).to_be_visible()

    logo = p.locator("#id_logo")
    # Named by its label, then the status; its hint still describes it.
    expect(logo).to_have_accessible_name(
        re.compile(rf"^{strings['label']} \(.+\)\s*, {strings['none']}$")
    )
    label = p.evaluate("() => document.getElementById('id_logo').labels[0].id")
    assert logo.get_attribute("aria-labelledby") == f"{label} id_logo_comma id_logo_status"
    assert logo.get_attribute("aria-describedby") == "id_logo_helptext"
    assert_no_violations(p)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_choosing_a_file_shows_its_name_and_tells_screen_readers(page, site, language):
    p = page(language=language)
    p.goto(site(APPLY.format(language)))
    p.click("details.more-photos summary")

    choose(p, "#id_logo", files.png("our-logo.png"))
    choose(p, "#id_photo_3", files.jpeg("market-day.jpg"))

    logo_status = p.locator(".file-input:has(#id_logo) .file-input__status")
    expect(logo_status).to_have_text("our-logo.png")
    # A polite live region: the name is read out once the dialog closes.
    assert logo_status.get_attribute("aria-live") == "polite"
    expect(p.locator("#id_logo")).to_have_accessible_name(re.compile(r", our-logo\.png$"))
    expect(p.locator(".file-input:has(#id_photo_3) .file-input__status")).to_have_text(
        "market-day.jpg"
    )
    expect(p.locator(".file-input:has(#id_photo_2) .file-input__status")).to_have_text(
        STRINGS[language]["none"]
    )
    assert_no_violations(p)


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_the_file_input_is_reached_by_tab_shows_its_focus_and_opens_by_keyboard(page, site, key):
    p = page(language="kk")
    # Playwright catches the dialog only once it listens: from the start, or a quick Enter
    # (acted on at keypress) can open it before the catch is set (seen 2 times in 3).
    p.on("filechooser", lambda _chooser: None)
    p.goto(site(APPLY.format("kk")))
    control = p.locator("#id_logo")
    unfocused = control.evaluate(_FOCUS_STYLE)

    assert tab_to(p, lambda a: a["id"] == "id_logo")
    focused = control.evaluate(_FOCUS_STYLE)
    box = control.bounding_box()

    assert focus_is_visible(unfocused, focused), (unfocused, focused)
    # The control is the whole row: a 44px target like the others.
    assert box["height"] >= 44 and box["width"] >= 44, box
    # The browser's own dialog (one per page: a second waits for the first to close).
    with p.expect_file_chooser() as chooser:
        p.keyboard.press(key)
    assert chooser.value.element.evaluate("(el) => el.id") == "id_logo"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_summary_link_to_a_file_input_focuses_the_input_itself(page, site, language):
    p = page(language=language)
    p.goto(site(APPLY.format(language)))
    p.click("details.more-photos summary")
    choose(p, "#id_photo_3", files.svg())
    send_empty_form_by_keyboard(p)

    p.locator('.error-summary a[href="#id_photo_3"]').focus()
    p.keyboard.press("Enter")

    p.wait_for_function("document.activeElement.id === 'id_photo_3'")
    assert p.evaluate("document.activeElement.type") == "file"
    assert "id_photo_3_error" in p.get_attribute("#id_photo_3", "aria-describedby")
    # The refused file is not kept: nothing is chosen.
    expect(p.locator(".file-input:has(#id_photo_3) .file-input__status")).to_have_text(
        STRINGS[language]["none"]
    )


def test_a_kept_file_is_named_by_its_note_and_the_input_says_nothing_new_is_chosen(page, site):
    """The kept file is not in the input: the status says so, its note (unchanged) names it."""
    p = page(language="kk")
    p.goto(site(APPLY.format("kk")))
    choose(p, "#id_logo", files.png("our-logo.png"))
    send_empty_form_by_keyboard(p)

    expect(p.locator(".file-input:has(#id_logo) .file-input__status")).to_have_text(
        STRINGS["kk"]["none"]
    )
    assert "our-logo.png" in p.inner_text("#id_logo_kept")
    assert p.get_attribute("#id_logo", "aria-describedby") == "id_logo_helptext id_logo_kept"

    # Another file chosen replaces the kept one, and shows as chosen.
    choose(p, "#id_logo", files.png("new-logo.png", size=(300, 300)))
    expect(p.locator(".file-input:has(#id_logo) .file-input__status")).to_have_text("new-logo.png")
    fill_required(p)
    p.fill("#id_logo_alt", "Логотип")
    with p.expect_navigation():
        p.click("button[type=submit]")

    assert "/exhibition/apply/thanks/" in p.url
    logo = Booth.objects.get(contact_email=TYPED["contact_email"]).organisation.logo
    # The new, square logo, not the kept one (4:3; stored names are random).
    with logo.open("rb") as stored, Image.open(stored) as image:
        assert image.width == image.height


def test_without_javascript_the_native_input_is_there_and_the_form_sends_its_file(page, site):
    p = page(language="kk", java_script_enabled=False)
    p.goto(site(APPLY.format("kk")))

    assert p.locator(".file-input").count() == 0
    assert p.locator("#id_logo").get_attribute("aria-labelledby") is None
    choose(p, "#id_logo", files.png("plain-logo.png"))
    fill_required(p)
    p.fill("#id_logo_alt", "Логотип")
    with p.expect_navigation():
        p.click("button[type=submit]")

    assert "/exhibition/apply/thanks/" in p.url
    assert Booth.objects.get(contact_email=TYPED["contact_email"]).organisation.logo


def test_at_320_pixels_a_long_file_name_wraps_inside_the_control(page, site):
    p = page(language="kk", width=320, height=640)
    p.goto(site(APPLY.format("kk")))

    choose(p, "#id_logo", files.png("the-organisations-logo-for-the-forum-2026-final-version.png"))

    assert reflow_problems(p) == []
    control = p.locator("#id_logo").bounding_box()
    status = p.locator(".file-input:has(#id_logo) .file-input__status").bounding_box()
    # The transparent input still covers what it shows, so a click anywhere on it opens the dialog.
    assert control["y"] <= status["y"] and status["y"] + status["height"] <= (
        control["y"] + control["height"]
    )
    assert control["x"] + control["width"] <= 320


def test_in_forced_colours_the_native_text_stays_hidden_and_the_focus_uses_a_system_colour(
    page, site
):
    p = page(language="kk", forced_colors="active")
    p.goto(site(APPLY.format("kk")))
    p.evaluate(
        """() => {
            const probe = document.createElement("span");
            probe.id = "probe";
            probe.className = "file-input__button";
            document.body.append(probe);
        }"""
    )

    control = p.evaluate(_STYLE, ["#id_logo", None])
    native_button = p.evaluate(_STYLE, ["#id_logo", "::file-selector-button"])
    button = p.evaluate(_STYLE, [".file-input:has(#id_logo) .file-input__button", None])
    tab_to(p, lambda a: a["id"] == "id_logo")
    focused = p.evaluate(_STYLE, ["#id_logo", None])
    highlight = p.evaluate(
        """() => {
            const probe = document.getElementById("probe");
            probe.style.color = "Highlight";
            return getComputedStyle(probe).color;
        }"""
    )

    # What the browser draws in its own language stays out of sight, over our text.
    assert control["color"] == control["background"] == "rgba(0, 0, 0, 0)", control
    assert native_button["visibility"] == "hidden"
    # Our button keeps an edge in the system's colours.
    assert button["border"] == button["color"] != "rgba(0, 0, 0, 0)", as_json(button)
    assert focused["outlineStyle"] == "solid"
    assert focused["outline"] == highlight
