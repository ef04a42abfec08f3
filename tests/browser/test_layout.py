"""How pages look and feel beyond axe's rules: target sizes, alignment, the call to NGOs, forced colours."""

import pytest

from .checks import as_json
from .pages import public_urls

PUBLIC = public_urls()

# WCAG 2.5.8 (target size, minimum): 24 by 24 CSS px. Links inside a line of
# text are exempt, as the criterion says; everything else is measured.
MIN_TARGET = 24

_SMALL_TARGETS = """(min) => {
    const found = [];
    const targets = 'a[href], button, input:not([type="hidden"]), select, textarea, summary';
    for (const el of document.querySelectorAll(targets)) {
        if (el.closest(".hp")) continue;  // the honeypot: no person sees it
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (el.tagName === "A" && getComputedStyle(el).display === "inline") continue;
        if (r.width < min || r.height < min) {
            found.push(`${el.outerHTML.slice(0, 100)}: ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
        }
    }
    return found;
}"""


@pytest.mark.parametrize(
    ("name", "language", "path"), PUBLIC, ids=[name for name, _l, _p in PUBLIC]
)
def test_every_control_is_a_target_of_at_least_24_pixels(page, site, name, language, path):
    p = page(language=language)
    p.goto(site(path), wait_until="load")

    small = p.evaluate(_SMALL_TARGETS, MIN_TARGET)

    assert small == [], f"smaller than {MIN_TARGET}px:\n{as_json(small)}"


_LEFT_EDGES = """() => Object.fromEntries(
    [".site-name", "main h1", ".site-footer p"].map((s) => [s, document.querySelector(s).getBoundingClientRect().left])
)"""


@pytest.mark.parametrize("width", [1280, 1920, 320])
def test_the_content_lines_up_with_the_header_and_the_footer(page, site, width):
    p = page(width=width)
    p.goto(site("/kk/programme/"), wait_until="load")

    edges = p.evaluate(_LEFT_EDGES)

    assert edges["main h1"] == edges[".site-name"] == edges[".site-footer p"], edges


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_call_to_ngos_stands_out_as_a_large_filled_target(page, site, language):
    p = page(language=language)
    p.goto(site(f"/{language}/"), wait_until="load")
    call = p.locator("#call-heading ~ p a.button")

    box = call.bounding_box()
    look = call.evaluate(
        "(a) => { const s = getComputedStyle(a); return [s.backgroundColor, s.color]; }"
    )

    assert box["height"] >= 44
    assert look == ["rgb(11, 79, 138)", "rgb(255, 255, 255)"]


_FORCED = """() => {
    const header = getComputedStyle(document.querySelector(".site-header"));
    const item = document.querySelector(".access__list li");
    return {
        headerEdge: header.borderBottomStyle !== "none" && parseFloat(header.borderBottomWidth) >= 1,
        dot: getComputedStyle(item, "::before").backgroundColor,
        text: getComputedStyle(item).color,
        canvas: getComputedStyle(document.body).backgroundColor,
    };
}"""


def test_in_forced_colours_the_header_keeps_an_edge_and_access_features_their_dots(page, site):
    p = page(forced_colors="active")
    p.goto(site("/kk/archive/sample/exhibition/"), wait_until="load")

    seen = p.evaluate(_FORCED)

    assert seen["headerEdge"] is True
    # The dot is drawn in the text's colour, not in the page's (where it vanished).
    assert seen["dot"] == seen["text"] != seen["canvas"]


@pytest.mark.parametrize(("language", "seven"), [("kk", "7-бет"), ("ru", "Страница 7")])
def test_a_page_number_is_a_44px_target_that_keeps_the_search_without_javascript(
    page, site, language, seven
):
    p = page(language=language, width=320, height=640, java_script_enabled=False)
    p.goto(site(f"/{language}/archive/sample/exhibition/?q=%D2%AF%D0%BB%D0%B3%D1%96&page=6"))
    sizes = p.eval_on_selector_all(
        ".pagination a, .pagination__current",
        "(els) => els.map((el) => [el.getBoundingClientRect().width, el.getBoundingClientRect().height])",
    )

    p.get_by_role("link", name=seven, exact=True).click()
    # The click may return before the next page is there: wait for its address.
    page_seven = "/archive/sample/exhibition/?q=%D2%AF%D0%BB%D0%B3%D1%96&page=7"
    p.wait_for_url(lambda url: url.endswith(page_seven))

    assert len(sizes) == 9  # previous, 1, 4 to 8, 12, next
    assert min(min(size) for size in sizes) >= 44
    assert p.url.endswith(page_seven)
    # What a screen reader reads of the current page: its name, not a bare number.
    assert (
        p.get_by_text(seven, exact=True).evaluate("(el) => el.parentElement.ariaCurrent") == "page"
    )


@pytest.mark.parametrize(
    ("language", "site_name"),
    [
        ("kk", "Әлеуметтік жобалар форум-көрмесі"),
        ("ru", "Форум-выставка социальных проектов"),
    ],
)
def test_on_paper_the_header_is_the_site_name_alone(page, site, language, site_name):
    """Links to the screen's display options, languages and sections lead nowhere on paper."""
    p = page(language=language)
    p.goto(site(f"/{language}/programme/"), wait_until="load")
    p.emulate_media(media="print")

    header = p.inner_text(".site-header")

    assert header.strip() == site_name
