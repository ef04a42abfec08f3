from pathlib import Path

import pytest
from django.conf import settings
from pytest_django.asserts import assertContains, assertInHTML


@pytest.mark.parametrize("page", ["programme/", "awards/", "concert/"])
def test_printable_pages_have_the_print_stylesheet_and_a_large_type_choice(
    client, article_forum, page
):
    response = client.get(f"/ru/{page}")

    assertContains(response, 'href="/static/css/print.', count=1)
    assertContains(response, '" media="print">', count=1)
    assertInHTML(
        '<p class="print-options"><input type="checkbox" id="large-print">'
        '<label for="large-print">Печатать крупным шрифтом</label></p>',
        response.content.decode(),
    )


def test_the_print_stylesheet_hides_navigation_sets_a4_and_shows_outside_links():
    css = (Path(settings.BASE_DIR) / "static/css/print.css").read_text()

    assert "size: A4;" in css
    assert ".section-nav" in css and ".language-switch" in css
    assert 'main a[href^="http"]::after' in css
    assert "body:has(#large-print:checked)" in css
