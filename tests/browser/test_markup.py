"""Every public page is valid HTML, as the W3C's Nu HTML Checker (vnu.jar) reads it.

Assistive technology reads the page the browser builds from the markup; a
browser repairs invalid markup each in its own way. The checker runs once,
with Java, over every public page in both languages and the application form
sent back with errors, as the live server sends them. It comes from npm
(`vnu-jar`, pinned in package-lock.json) like axe-core; without Java or the jar
these tests are skipped, saying why, and under REQUIRE_BROWSER=1 (CI) they fail.
"""

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request

import pytest

from tests import files

from .conftest import ROOT
from .pages import LANGUAGES, public_urls

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
APPLY = "/{}/exhibition/apply/"

PAGES = [(page_id, path) for page_id, _language, path in public_urls()]
FORMS_WITH_ERRORS = [f"apply-with-errors-{language}" for language in LANGUAGES]


def _checker_missing():
    if shutil.which("java") is None:
        return "no java on PATH (apt-get install default-jre-headless)"
    if not VNU.exists():
        return f"the Nu HTML Checker is missing at {VNU.relative_to(ROOT)} (npm ci)"
    return None


def _served(url):
    """The page's HTML as the server sends it, whatever its status (the 404 page too)."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        return error.read()


def _form_with_errors(page, url):
    """The application form as the server sends it back when only a logo was chosen (kept)."""
    p = page()
    p.goto(url)
    logo = files.png("our-logo.png")
    p.set_input_files(
        "#id_logo",
        files=[{"name": logo.name, "mimeType": logo.content_type, "buffer": logo.read()}],
    )
    with p.expect_response(lambda response: response.request.method == "POST") as posted:
        p.locator("form.application button[type=submit]").click()
    return posted.value.body()


def _vnu_problems(files):
    """{file name: ["line N: message", ...]} for every error and warning the checker reports."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr)
    problems = {file.name: [] for file in files}
    for message in report["messages"]:
        if message["type"] == "error" or message.get("subType") == "warning":
            name = message["url"].rsplit("/", 1)[-1]
            problems[name].append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return problems


@pytest.fixture(scope="module")
def markup_problems(site, module_page, tmp_path_factory):
    if missing := _checker_missing():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but the markup cannot be checked: {missing}")
        pytest.skip(missing)
    folder = tmp_path_factory.mktemp("markup")
    files = []
    for page_id, path in PAGES:
        files.append(folder / f"{page_id}.html")
        files[-1].write_bytes(_served(site(path)))
    for language, page_id in zip(LANGUAGES, FORMS_WITH_ERRORS, strict=True):
        files.append(folder / f"{page_id}.html")
        files[-1].write_bytes(_form_with_errors(module_page, site(APPLY.format(language))))
    return _vnu_problems(files)


@pytest.fixture(scope="module")
def module_page(browser):
    """Pages for the module's one fixture (the test-scoped `page` cannot serve a module fixture)."""
    from .conftest import new_page

    pages = []

    def make():
        pages.append(new_page(browser))
        return pages[-1]

    yield make
    for p in pages:
        p.context.close()


@pytest.mark.parametrize("page_id", [page_id for page_id, _path in PAGES] + FORMS_WITH_ERRORS)
def test_the_page_is_valid_html(markup_problems, page_id):
    assert markup_problems[f"{page_id}.html"] == []
