import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum_site.services import sample_edition_create
from tests.factories import BoothFactory, ForumFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SECTIONS = ["", "programme/", "exhibition/", "plenary/", "awards/", "concert/"]


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def alternates(path):
    return {
        "kk": f"http://testserver/kk/{path}",
        "ru": f"http://testserver/ru/{path}",
        # Django's x-default: the address without a language, which sends
        # each visitor to the page in their browser's language.
        "x-default": f"http://testserver/{path}",
    }


def test_the_sitemap_lists_every_page_in_both_languages_with_alternates(client, article_forum):
    article_forum.year = 2025
    article_forum.save()
    older = ForumFactory(slug="2024", year=2024)
    booth = BoothFactory(forum=article_forum)
    old_booth = BoothFactory(forum=older)
    sample_edition_create(booths=2)

    urls = sitemap(client)

    paths = [*SECTIONS, "archive/", "exhibition/apply/", f"exhibition/{booth.slug}/"]
    paths += [f"archive/2024/{section}" for section in SECTIONS]
    paths += [f"archive/2024/exhibition/{old_booth.slug}/"]
    expected = {
        f"http://testserver/{language}/{path}": alternates(path)
        for path in paths
        for language in ("kk", "ru")
    }
    assert urls == expected


@pytest.mark.parametrize(
    ("accept_language", "language"), [("ru-RU", "ru"), ("kk-KZ", "kk"), ("", "kk")]
)
def test_the_x_default_address_leads_to_the_browsers_language(
    client, article_forum, accept_language, language
):
    booth = BoothFactory(forum=article_forum)

    response = client.get(
        f"/exhibition/{booth.slug}/", headers={"accept-language": accept_language}
    )

    assert response.status_code == 302
    assert response["Location"] == f"/{language}/exhibition/{booth.slug}/"


def test_the_sitemap_leaves_out_drafts_and_unapproved_booths(client, article_forum):
    ForumFactory(slug="draft", status="draft")
    BoothFactory(forum=article_forum, status="submitted", slug="submitted")

    urls = sitemap(client)

    assert not [url for url in urls if "draft" in url or "submitted" in url]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_sitemap_runs_a_fixed_number_of_queries(client, article_forum):
    for _number in range(3):
        BoothFactory(forum=article_forum)
    few = count_queries(client, "/sitemap.xml")

    for _number in range(30):
        BoothFactory(forum=article_forum)
    many = count_queries(client, "/sitemap.xml")

    assert many == few <= 4


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /kk/archive/sample/",
        "Disallow: /kk/exhibition/apply/thanks/",
        "Disallow: /ru/archive/sample/",
        "Disallow: /ru/exhibition/apply/thanks/",
        "Sitemap: http://testserver/sitemap.xml",
    ]


@pytest.mark.parametrize("url", ["/sitemap.xml", "/robots.txt"])
def test_crawler_files_are_read_only(client, db, url):
    assert client.post(url).status_code == 405
