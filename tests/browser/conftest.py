"""A real browser (Debian's Chromium, driven by Playwright) against a live server with the forum's data.

The suite runs when /usr/bin/chromium and axe-core (`npm ci`) are there and
is skipped, saying why, when they are not. REQUIRE_BROWSER=1 (CI) turns a
missing browser into a failure; SKIP_BROWSER_TESTS=1 skips the suite on
purpose (CI's second, PostgreSQL, pass).
"""

import datetime
import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.test.testcases import LiveServerThread
from django.test.utils import modify_settings
from django.utils import timezone

from events.models import Forum, ProgrammeItem
from exhibitors.models import Booth
from forum_site.services import forum_load_article, sample_edition_create

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
HERE = Path(__file__).resolve().parent

# Flags for a quiet, offline, headless Chromium in a container (no sandbox as root).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# How long Playwright waits for a page, an element or a state (`expect` included)
# before a test fails: long enough for a loaded machine, never a pause of its own.
TIMEOUT_MS = 15_000

# A throwaway account in the test database.
ADMIN_PASSWORD = "browser-suite-only-Ә7"


def _missing():
    """Why the browser suite cannot run here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401 (only whether it imports)
    except ImportError:
        return "the playwright package is not installed (make setup)"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no browser at {CHROMIUM} (apt-get install chromium)"
    if not AXE.exists():
        return f"axe-core is missing at {AXE.relative_to(ROOT)} (npm ci)"
    return None


def _skip_reason():
    if os.environ.get("SKIP_BROWSER_TESTS") == "1":
        return "SKIP_BROWSER_TESTS=1"
    missing = _missing()
    if missing and os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"REQUIRE_BROWSER=1 but the browser suite cannot run: {missing}")
    return missing


_SKIPPED = []


def pytest_collection_modifyitems(config, items):
    mine = [item for item in items if HERE in Path(str(item.path)).parents]
    for item in mine:
        # Each test runs in a transaction rolled back after it (what the browser
        # sent included); the forum's data, committed once, stay.
        item.add_marker(pytest.mark.django_db)
    reason = _skip_reason()
    if reason is None:
        return
    for item in mine:
        item.add_marker(pytest.mark.skip(reason=f"browser suite skipped: {reason}"))
    if mine:
        _SKIPPED.append((len(mine), reason))


def pytest_terminal_summary(terminalreporter):
    for count, reason in _SKIPPED:
        terminalreporter.write_line(
            f"BROWSER TESTS SKIPPED ({count} tests in tests/browser): {reason}", yellow=True
        )


class Site:
    """The live server and what the pages list needs to fill in its paths."""

    def __init__(self, url, values):
        self.url = url
        self.values = values

    def __call__(self, path):
        return self.url + path.format(**self.values)


def _start_server():
    connections_override = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    # No static handler of its own: whitenoise serves the collected, fingerprinted
    # files as it does in production.
    thread = LiveServerThread("localhost", lambda app: app, connections_override)
    thread.daemon = True
    for conn in connections_override.values():
        conn.inc_thread_sharing()
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    return thread


def _stop_server(thread):
    # The connections stay shared: the server's request threads are daemons,
    # not joined, and one still holding Chromium's kept-alive connection
    # closes the database connections when it ends, which an unshared
    # in-memory SQLite connection refuses from another thread (an error at
    # the last browser test's teardown, seen under load).
    thread.terminate()


def _load_forum_data():
    forum = forum_load_article()
    # The article's edition takes applications, so the form is there to check.
    Forum.objects.filter(pk=forum.pk).update(
        applications_open_from=timezone.now() - datetime.timedelta(days=1)
    )
    # Twelve pages of booths (11 × 24 + 1), so the pagination shows both its gaps on a middle page.
    sample_edition_create(booths=24 * 11 + 1)
    get_user_model().objects.create_superuser("browser", "browser@example.kz", ADMIN_PASSWORD)
    booth = Booth.objects.filter(forum__slug="sample").order_by("number").first()
    return {
        "edition": forum.slug,
        "edition_pk": forum.pk,
        "item_pk": ProgrammeItem.objects.filter(forum=forum).first().pk,
        # An item with people in it: its change page shows the inline of appearances.
        "speaker_item_pk": ProgrammeItem.objects.filter(forum=forum, appearances__isnull=False)
        .first()
        .pk,
        "booth": booth.slug,
        "booth_pk": booth.pk,
    }


@pytest.fixture(scope="package")
def site(django_db_setup, django_db_blocker):
    """A live server over the forum's data, loaded once for the whole browser suite.

    The data are committed (the server runs in another thread), so the
    database is emptied again when the suite is done.
    """
    with django_db_blocker.unblock():
        values = _load_forum_data()
        thread = _start_server()
        with modify_settings(ALLOWED_HOSTS={"append": "localhost"}):
            yield Site(f"http://localhost:{thread.port}", values)
        _stop_server(thread)
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_rate_limits(site):
    """Rate limit counters live in the cache: each test starts with none."""
    cache.clear()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    # `expect` has a default of its own (5 s): the same as every other wait here.
    expect.set_options(timeout=TIMEOUT_MS)
    # Playwright's sync API keeps an event loop in this thread, and Django then
    # refuses database calls here (fixtures, assertions) as if they were async.
    # They are not: allow them while the browser is open.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def new_page(browser, *, width=1280, height=800, language="kk", bypass_csp=True, **options):
    # bypass_csp: the checks inject axe-core and probes as inline scripts, which
    # the site's Content-Security-Policy rightly refuses (test_csp.py keeps it on).
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale={"kk": "kk-KZ", "ru": "ru-RU"}[language],
        bypass_csp=bypass_csp,
        **options,
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


@pytest.fixture
def page(browser):
    """A desktop-sized page; tests that need another size open their own with new_page()."""
    pages = []

    def make(**options):
        p = new_page(browser, **options)
        pages.append(p)
        return p

    yield make
    for p in pages:
        p.context.close()


@pytest.fixture(scope="package")
def admin_state(site, browser, django_db_blocker):
    """Cookies of a signed-in superuser, per admin language."""
    states = {}
    with django_db_blocker.unblock():
        for language in ("kk", "ru"):
            p = new_page(browser, language=language)
            p.goto(site("/admin/login/"))
            p.fill("#id_username", "browser")
            p.fill("#id_password", ADMIN_PASSWORD)
            p.press("#id_password", "Enter")
            p.wait_for_url(site("/admin/"))
            states[language] = p.context.storage_state()
            p.context.close()
    return states
