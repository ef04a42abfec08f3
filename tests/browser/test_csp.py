"""Every page under the site's own Content-Security-Policy, as a browser enforces it.

The other browser tests bypass the policy (they inject their probes as inline
scripts); here it is on, and a page passes only if the browser refused
nothing: no inline script or style, no resource from another origin, on the
public pages and in the admin, whose scripts (calendar, autocomplete,
related-object pop-ups) must all come from static files.
"""

import pytest

from .conftest import new_page
from .pages import ADMIN_PAGES, public_urls

PUBLIC = public_urls()

# Admin pages whose widgets load the most scripts, beyond the walked ones.
MORE_ADMIN_PAGES = {
    "forum-add": "/admin/events/forum/add/",
    "booth-cards": "/admin/exhibitors/booth/cards/",
    "user-list": "/admin/auth/user/",
    "user-add": "/admin/auth/user/add/",
    "group-add": "/admin/auth/group/add/",
    "password-change": "/admin/password_change/",
    "history": "/admin/events/forum/{edition_pk}/history/",
}
ADMIN = {**ADMIN_PAGES, **MORE_ADMIN_PAGES}


def refusals(browser, url, **options):
    """What the browser refused on `url` under the policy, and the page's final address."""
    p = new_page(browser, bypass_csp=False, **options)
    refused = []

    def note_refusal(message):
        if "Content Security Policy" in message.text:
            refused.append(message.text)

    p.on("console", note_refusal)
    try:
        p.goto(url, wait_until="load")
        # Scripts that run on load (calendar, autocomplete) have had their turn.
        p.wait_for_load_state("networkidle")
        return refused, p.url
    finally:
        p.context.close()


@pytest.mark.parametrize(("name", "language", "path"), PUBLIC, ids=[p[0] for p in PUBLIC])
def test_public_page_breaks_no_rule_of_the_policy(browser, site, name, language, path):
    refused, _url = refusals(browser, site(path), language=language)

    assert refused == []


@pytest.mark.parametrize("name", sorted(ADMIN))
def test_admin_page_breaks_no_rule_of_the_policy(browser, site, admin_state, name):
    path = ADMIN[name]
    state = None if name == "login" else admin_state["kk"]

    refused, url = refusals(browser, site(path), storage_state=state)

    assert url == site(path), "the admin page redirected"
    assert refused == []


def test_a_refusal_would_be_caught(browser, site):
    """The check itself: the browser reports what the policy refuses on its console."""
    p = new_page(browser, bypass_csp=False)
    try:
        p.goto(site("/kk/accessibility/"), wait_until="load")
        # Waits for the message (not a fixed time: the console may report it late under load).
        with p.expect_console_message(
            lambda message: "Content Security Policy" in message.text
        ) as refusal:
            p.evaluate(
                "document.body.insertAdjacentHTML('beforeend', '<img src=\"https://example.com/x.png\">')"
            )
        refused = refusal.value.text
    finally:
        p.context.close()

    assert "Content Security Policy" in refused
