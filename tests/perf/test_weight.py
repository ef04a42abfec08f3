"""What a phone downloads to show a page: small, from this site only, never blocked by a script."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

BUDGET_BYTES = 40 * 1024
# Script elements that hold data (structured data for search engines), never run.
DATA_BLOCKS = {"application/ld+json", "application/json"}


class Assets(HTMLParser):
    """The addresses a page makes the browser fetch, and its scripts' attributes."""

    def __init__(self):
        super().__init__()
        self.stylesheets, self.scripts, self.others = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])
        elif tag == "script" and attrs.get("type") not in DATA_BLOCKS:
            self.scripts.append(attrs)
        for name in ("src", "srcset", "poster", "data"):
            if attrs.get(name):
                self.others.extend(part.split()[0] for part in attrs[name].split(","))
        if tag == "link" and attrs.get("rel") != "alternate" and attrs.get("href"):
            self.others.append(attrs["href"])


def transferred(client, url):
    """Bytes on the wire for `url`, as a browser accepting gzip receives it."""
    response = client.get(url, headers={"accept-encoding": "gzip"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    response.close()
    assert response.status_code == 200, url
    return len(body)


def parse(client, url):
    assets = Assets()
    assets.feed(client.get(url).content.decode())
    return assets


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_home_page_html_css_and_javascript_weigh_at_most_40_kb(client, article_forum, language):
    url = f"/{language}/"
    assets = parse(client, url)
    files = assets.stylesheets + [script["src"] for script in assets.scripts if "src" in script]

    total = transferred(client, url) + sum(transferred(client, file) for file in files)

    assert assets.stylesheets
    assert total <= BUDGET_BYTES


@pytest.mark.parametrize(
    "path", ["", "programme/", "exhibition/", "plenary/", "awards/", "concert/", "archive/"]
)
def test_pages_load_nothing_from_another_host_and_no_render_blocking_script(
    client, article_forum, path
):
    assets = parse(client, f"/kk/{path}")

    for address in assets.stylesheets + assets.others:
        parts = urlsplit(address)
        assert not parts.netloc and not parts.scheme, address
    for script in assets.scripts:
        assert "src" in script, "inline scripts are not allowed"
        assert not urlsplit(script["src"]).netloc
        assert "defer" in script or "async" in script or script.get("type") == "module"
