"""The booth application form in a real browser: empty, with errors and sent, by keyboard alone."""

import uuid

import pytest
from playwright.sync_api import expect

from exhibitors.models import Booth
from exhibitors.validators import bin_check_digit
from tests import files
from tests.factories import BoothFactory

from .checks import as_json, axe_violations, describe_violations, keyboard_walk

APPLY = "/{}/exhibition/apply/"

_ACTIVE = """() => {
    const el = document.activeElement;
    return {tag: el.tagName.toLowerCase(), name: el.name || "", type: el.type || "",
            id: el.id, value: el.value ?? "", text: el.textContent.trim().slice(0, 80)};
}"""


def valid_bin():
    first_eleven = "98765432101"
    return first_eleven + str(bin_check_digit(first_eleven))


TYPED = {
    "organisation_name_kk": "«Үміт» қоғамдық бірлестігі",
    "bin": valid_bin(),
    "city": "Астана",
    "contact_name": "Әйгерім Қасымова",
    "contact_email": "keyboard@example.kz",
    "contact_phone": "+7 701 234 56 78",
    "project_title_kk": "Ымдау тілі мектебі",
    "description_kk": "Естімейтін балаларға арналған сабақтар.",
}


def tab_to(p, predicate, limit=200):
    for _ in range(limit):
        p.keyboard.press("Tab")
        active = p.evaluate(_ACTIVE)
        if predicate(active):
            return active
    raise AssertionError("never reached with Tab")


def send_empty_form_by_keyboard(p):
    """Send the form by keyboard; return once the page with errors has put focus on its summary.

    The browser applies `autofocus` at a moment of its own after the page loads: a test that
    moved the focus before then had it taken back to the summary (seen once in CI).
    """
    tab_to(p, lambda a: a["tag"] == "button" and a["type"] == "submit")
    with p.expect_navigation():
        p.keyboard.press("Enter")
    # The context's default timeout, not a short one of our own: a loaded machine paints late.
    expect(p.locator("#error-summary")).to_be_focused()


def assert_no_violations(p):
    violations = axe_violations(p)
    assert violations == [], f"{p.url}:\n{describe_violations(violations)}"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_form_with_errors_has_no_violations_and_its_summary_takes_focus(page, site, language):
    p = page(language=language)
    p.goto(site(APPLY.format(language)))

    send_empty_form_by_keyboard(p)

    # autofocus: the summary has focus once the page is shown, without JavaScript of ours.
    expect(p.locator("#error-summary")).to_be_focused()
    assert_no_violations(p)
    _focusable, stops, trapped = keyboard_walk(p)
    assert not trapped, as_json(stops[-5:])


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_link_in_the_error_summary_leads_to_its_field(page, site, language):
    p = page(language=language)
    p.goto(site(APPLY.format(language)))
    send_empty_form_by_keyboard(p)

    link = tab_to(
        p,
        lambda a: (
            a["tag"] == "a"
            and a["text"]
            and "#id_" in p.evaluate("document.activeElement.getAttribute('href') || ''")
        ),
    )
    target = p.evaluate("document.activeElement.getAttribute('href')")
    p.keyboard.press("Enter")

    assert link["text"]
    # Playwright learns of a same-page navigation by an event that may come after the key press
    # returns (a bare p.url read once missed it in CI): wait for the address instead.
    p.wait_for_url(f"**{APPLY.format(language)}{target}")
    # The next Tab goes on from the field the link named.
    p.keyboard.press("Tab")
    field_id = target[1:]
    assert p.evaluate(
        """(id) => {
            const field = document.getElementById(id);
            const active = document.activeElement;
            return active === field
                || !!(field.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""",
        field_id,
    )


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_other_photos_open_from_the_keyboard(page, site, language):
    p = page(language=language)
    p.goto(site(APPLY.format(language)))

    tab_to(p, lambda a: a["tag"] == "summary")
    # Folded away: Tab from the summary passes photos 2 to 5 by.
    p.keyboard.press("Tab")
    assert not p.evaluate(_ACTIVE)["name"].startswith("photo_")
    p.keyboard.press("Shift+Tab")
    p.keyboard.press("Enter")
    p.keyboard.press("Tab")

    assert p.evaluate("document.querySelector('details.more-photos').open")
    assert p.evaluate(_ACTIVE)["name"] == "photo_2"
    assert_no_violations(p)


def test_a_summary_link_to_a_later_photo_leads_to_its_field(page, site):
    p = page(language="kk")
    p.goto(site(APPLY.format("kk")))
    p.click("details.more-photos summary")
    svg = files.svg()
    p.set_input_files(
        "#id_photo_3",
        files=[{"name": svg.name, "mimeType": svg.content_type, "buffer": svg.read()}],
    )
    send_empty_form_by_keyboard(p)

    link = p.locator('.error-summary a[href="#id_photo_3"]')
    link.focus()
    expect(link).to_be_focused()
    p.keyboard.press("Enter")

    p.wait_for_url("**/kk/exhibition/apply/#id_photo_3")
    # The browser opens the folded photos for the link's target as it follows it: a moment
    # of its own, so wait for it rather than look once.
    expect(p.locator("#id_photo_3")).to_be_visible()
    expect(p.locator("#id_photo_3_error")).to_be_visible()
    assert_no_violations(p)


KEPT = {
    "kk": ("«our-logo.png» файлы сақталды", "Сақталған файлды алып тастау (Логотип)"),
    "ru": ("файл «our-logo.png» сохранён", "Удалить сохранённый файл (Логотип)"),
}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_kept_file_is_described_reached_by_keyboard_and_sent(page, site, language):
    p = page(language=language)
    p.goto(site(APPLY.format(language)))
    logo = files.png("our-logo.png")
    p.set_input_files(
        "#id_logo",
        files=[{"name": logo.name, "mimeType": logo.content_type, "buffer": logo.read()}],
    )
    send_empty_form_by_keyboard(p)
    note, remove_label = KEPT[language]

    assert note in p.inner_text("#id_logo_kept")
    assert p.get_attribute("#id_logo", "aria-describedby") == "id_logo_helptext id_logo_kept"
    assert p.get_by_role("checkbox", name=remove_label).count() == 1
    assert_no_violations(p)
    assert tab_to(p, lambda a: a["id"] == "id_logo_remove")
    _focusable, stops, trapped = keyboard_walk(p)
    assert not trapped, as_json(stops[-5:])

    # Sent again without choosing the file: the application has the logo.
    for name, value in TYPED.items():
        p.fill(f"#id_{name}", value)
    p.select_option("#id_legal_form", "public_association")
    p.check("#id_themes_0")
    p.check("#id_consent")
    p.fill("#id_logo_alt", "Логотип")
    with p.expect_navigation():
        p.click("button[type=submit]")

    assert "/exhibition/apply/thanks/" in p.url
    assert Booth.objects.get(contact_email=TYPED["contact_email"]).organisation.logo


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_form_can_be_filled_and_sent_with_the_keyboard_alone(page, site, language):
    p = page(language=language)
    p.goto(site(APPLY.format(language)))
    done = set()

    for _ in range(300):
        p.keyboard.press("Tab")
        active = p.evaluate(_ACTIVE)
        name = active["name"]
        if active["tag"] == "button" and active["type"] == "submit":
            break
        if name in TYPED and name not in done:
            p.keyboard.type(TYPED[name])
        elif name == "legal_form" and name not in done:
            p.keyboard.press("ArrowDown")
            assert p.evaluate(_ACTIVE)["value"] != ""
        elif (name == "themes" and "themes" not in done) or name == "consent":
            p.keyboard.press("Space")
        else:
            continue
        done.add(name)
    else:
        raise AssertionError("the send button was never reached with Tab")
    assert done == {*TYPED, "legal_form", "themes", "consent"}

    with p.expect_navigation():
        p.keyboard.press("Enter")
    assert "/exhibition/apply/thanks/" in p.url

    booth = Booth.objects.get(contact_email="keyboard@example.kz")
    assert booth.status == Booth.Status.SUBMITTED
    assert booth.reference_code in p.inner_text("main")
    assert_no_violations(p)
    _focusable, stops, trapped = keyboard_walk(p)
    assert not trapped, as_json(stops[-5:])
    assert 'class="skip-link"' in stops[0]["name"]


@pytest.mark.parametrize(
    ("language", "spelled"),
    [
        ("kk", "Кодтың таңбалары: M, N, A, дефис, V, F, 3, 4."),
        ("ru", "Код по символам: M, N, A, дефис, V, F, 3, 4."),
    ],
)
def test_the_code_is_spelled_for_screen_readers_and_one_click_selects_it_whole(
    page, site, language, spelled
):
    booth = BoothFactory(
        status=Booth.Status.SUBMITTED, reference_code="MNA-VF34", submission_token=uuid.uuid4()
    )
    p = page(language=language)
    p.goto(site(f"/{language}/exhibition/apply/thanks/{booth.submission_token}/"))

    hidden = p.get_by_text(spelled, exact=True).bounding_box()
    p.click(".reference-code")
    selected = p.evaluate("() => window.getSelection().toString()")

    # In the page's text (a screen reader reads it) but not on the screen.
    assert hidden["width"] <= 1 and hidden["height"] <= 1
    assert selected == "MNA-VF34"
    assert_no_violations(p)
