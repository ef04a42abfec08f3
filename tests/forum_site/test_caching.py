import gzip

import brotli
import pytest
from django.core.cache import cache
from django.db import connection
from django.templatetags.static import static
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from exhibitors.models import Booth, Theme
from exhibitors.services import application_approve
from forum_site import caching
from tests.factories import BoothFactory

# One address of every public page, current edition and archive.
PUBLIC_PATHS = [
    "",
    "programme/",
    "exhibition/",
    "exhibition/?q=%D2%9B%D0%B0%D0%B7&theme=inclusive-communities",
    "plenary/",
    "awards/",
    "concert/",
    "archive/",
    "archive/{slug}/",
    "archive/{slug}/exhibition/",
]
# Public addresses outside the language prefixes.
UNPREFIXED = ["/sitemap.xml", "/robots.txt", "/api/v1/editions.json"]


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


def test_a_public_page_asked_again_is_served_from_the_cache_without_a_query(client, article_forum):
    first, first_queries = get(client, "/kk/awards/")
    again, again_queries = get(client, "/kk/awards/")

    assert first_queries > 0
    assert again_queries == 0
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]


def test_pages_are_cached_per_host(client, settings, article_forum):
    settings.ALLOWED_HOSTS = ["forum.example.kz", "testserver"]
    get(client, "/kk/")

    other, queries = get(client, "/kk/", host="forum.example.kz")

    assert queries > 0
    assertContains(other, 'hreflang="ru" href="http://forum.example.kz/ru/"')


def test_a_disallowed_host_is_refused_not_cached(client, article_forum):
    response = client.get("/kk/", headers={"host": "evil.example"})

    assert response.status_code == 400


def test_pages_are_cached_per_language(client, article_forum):
    get(client, "/kk/awards/")

    russian, queries = get(client, "/ru/awards/")

    assert queries > 0
    assertContains(russian, '<html lang="ru">')


def test_a_change_saved_in_the_admin_shows_on_the_next_request(client, admin_client, article_forum):
    theme = Theme.objects.get(slug="inclusive-communities")
    BoothFactory(forum=article_forum).themes.add(theme)
    assertContains(client.get("/ru/exhibition/"), f">{theme.name_ru}</option>")

    response = admin_client.post(
        f"/admin/exhibitors/theme/{theme.pk}/change/",
        {
            "name_kk": theme.name_kk,
            "name_ru": "Инклюзивные сообщества (новое имя)",
            "slug": theme.slug,
            "order": theme.order,
        },
    )

    assert response.status_code == 302
    assertContains(client.get("/ru/exhibition/"), ">Инклюзивные сообщества (новое имя)</option>")


def test_an_approval_shows_on_the_next_request(client, article_forum):
    booth = BoothFactory(
        forum=article_forum, status=Booth.Status.SUBMITTED, project_title_kk="Ымдау мектебі"
    )
    assertNotContains(client.get("/kk/exhibition/"), "Ымдау мектебі")

    application_approve(booth=booth)

    assertContains(client.get("/kk/exhibition/"), "Ымдау мектебі")


def test_a_change_of_many_to_many_shows_on_the_next_request(client, article_forum):
    booth = BoothFactory(forum=article_forum)
    theme = Theme.objects.get(slug="inclusive-communities")
    url = f"/ru/exhibition/{booth.slug}/"
    assertNotContains(client.get(url), theme.name_ru)

    booth.themes.add(theme)

    assertContains(client.get(url), theme.name_ru)


def test_a_bulk_update_shows_once_content_changed_is_called(client, article_forum):
    booth = BoothFactory(forum=article_forum, status=Booth.Status.SUBMITTED)
    client.get("/kk/exhibition/")

    Booth.objects.filter(pk=booth.pk).update(status=Booth.Status.APPROVED)
    caching.content_changed()

    assertContains(client.get("/kk/exhibition/"), booth.project_title_kk)


def test_any_successful_admin_post_invalidates_the_pages(admin_client, article_forum):
    version = caching.content_version()

    admin_client.post("/admin/logout/")

    assert caching.content_version() != version


def test_a_write_outside_the_content_apps_keeps_the_pages(client, django_user_model, article_forum):
    version = caching.content_version()

    django_user_model.objects.create_user("editor", password="not-used-here")

    assert caching.content_version() == version


def test_an_unchanged_page_answers_304(client, article_forum):
    etag = client.get("/kk/programme/")["ETag"]

    response, queries = get(client, "/kk/programme/", if_none_match=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert queries == 0


def test_a_changed_page_answers_200_to_the_old_etag(client, article_forum):
    etag = client.get("/ru/").get("ETag")
    article_forum.title_ru = "Новое название форума"
    article_forum.save()

    response = client.get("/ru/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assertContains(response, "Новое название форума")


def test_304_also_without_the_page_cache(client, settings, article_forum):
    settings.PAGE_CACHE_SECONDS = 0
    first = client.get("/kk/concert/")

    again, queries = get(client, "/kk/concert/", if_none_match=first["ETag"])

    assert again.status_code == 304
    assert queries > 0
    key = caching.page_key(caching.content_version(), "http://testserver/kk/concert/")
    assert cache.get(key) is None


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_set_no_cookie_and_do_not_vary_on_cookie(
    client, article_forum, path, language
):
    url = f"/{language}/" + path.format(slug=article_forum.slug)
    # A browser that chose a language elsewhere and once met a form.
    client.cookies["csrftoken"] = "a" * 32
    client.cookies["django_language"] = "ru"

    for response in (client.get(url), client.get(url)):
        assert response.status_code == 200
        assert response.cookies == {}
        assert "Set-Cookie" not in response.headers
        assert "cookie" not in response.get("Vary", "").lower()
        assert response["Cache-Control"] == "public, max-age=60"
        assert response["ETag"].startswith('W/"')
        assertContains(response, f'<html lang="{language}">')


def test_a_signed_in_staff_member_never_gets_or_fills_the_cache(
    admin_client, client, article_forum
):
    _, staff_queries = get(admin_client, "/kk/awards/")
    _, staff_again = get(admin_client, "/kk/awards/")
    _, visitor_queries = get(client, "/kk/awards/")

    assert staff_queries > 0
    assert staff_again > 0
    assert visitor_queries > 0


def test_error_pages_and_the_admin_are_not_cached(client, admin_client, article_forum):
    missing = client.get("/kk/exhibition/no-such-booth/")
    admin = admin_client.get("/admin/")

    assert missing.status_code == 404
    assert "ETag" not in missing
    assert "ETag" not in admin
    assert "public" not in admin.get("Cache-Control", "")


@pytest.mark.parametrize(
    ("accept", "encoding", "decompress"),
    [("gzip", "gzip", gzip.decompress), ("gzip, deflate, br", "br", brotli.decompress)],
)
@pytest.mark.parametrize("cache_seconds", [600, 0])
def test_html_is_sent_compressed(
    client, settings, article_forum, accept, encoding, decompress, cache_seconds
):
    settings.PAGE_CACHE_SECONDS = cache_seconds
    plain = client.get("/kk/")

    for _ in range(2):
        response = client.get("/kk/", headers={"accept-encoding": accept})
        assert response["Content-Encoding"] == encoding
        assert int(response["Content-Length"]) == len(response.content) < len(plain.content) / 3
        assert decompress(response.content) == plain.content
        assert response["Vary"] == "Accept-Encoding"


def test_an_encoding_refused_with_q0_is_not_used(client, article_forum):
    response = client.get("/kk/", headers={"accept-encoding": "br;q=0, gzip"})

    assert response["Content-Encoding"] == "gzip"


def test_static_files_are_fingerprinted_compressed_and_cached_for_a_year(client, db):
    url = static("css/site.css")

    brotli_response = client.get(url, headers={"accept-encoding": "br"})
    gzip_response = client.get(url, headers={"accept-encoding": "gzip"})
    brotli_response.close()
    gzip_response.close()

    assert url != "/static/css/site.css"
    assert brotli_response.status_code == 200
    assert brotli_response["Content-Encoding"] == "br"
    assert gzip_response["Content-Encoding"] == "gzip"
    assert brotli_response["Cache-Control"] == "max-age=315360000, public, immutable"


def test_public_pages_still_render_when_the_cache_is_down(client, settings, article_forum, caplog):
    settings.CACHES = {"default": {"BACKEND": "tests.exhibitors.test_application_form.BrokenCache"}}

    response = client.get("/kk/awards/")
    article_forum.title_kk = "Жаңа атау"
    article_forum.save()

    assertContains(response, '<html lang="kk">')
    assert "The page cache is unreachable" in caplog.text


@pytest.mark.parametrize("url", UNPREFIXED)
def test_sitemap_robots_and_open_data_are_cached_and_validated(client, article_forum, url):
    first, _ = get(client, url)
    again, queries = get(client, url, if_none_match=first["ETag"])

    assert first.status_code == 200
    assert first.cookies == {}
    assert again.status_code == 304
    assert queries == 0


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/editions.json",
        "/api/v1/editions/{slug}.json",
        "/share/{slug}/kk.png",
        "/sitemap.xml",
        "/robots.txt",
    ],
)
def test_findable_and_shareable_files_are_served_from_the_cache(client, article_forum, url):
    url = url.format(slug=article_forum.slug)
    first, _queries = get(client, url)
    again, again_queries = get(client, url)

    assert first.status_code == again.status_code == 200
    assert again_queries == 0
    assert again.content == first.content
