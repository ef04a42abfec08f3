"""Security headers on every response, the bad Host, and error pages that show nothing inside."""

import pytest
from django.urls import path
from pytest_django.asserts import assertContains, assertNotContains

from forum_site import urls as root_urls

# The policy's directives (django-csp writes them in no fixed order).
CSP = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
}
HEADERS = {
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
}


def csp_directives(response):
    return {d.strip() for d in response.headers["Content-Security-Policy"].split(";")}


def assert_security_headers(response):
    assert csp_directives(response) == CSP
    assert {name: response.headers.get(name) for name in HEADERS} == HEADERS


@pytest.mark.parametrize(
    "path", ["/kk/", "/ru/exhibition/", "/kk/awards/", "/ru/no-such-page/", "/healthz"]
)
def test_every_response_carries_the_security_headers(client, article_forum, path):
    response = client.get(path, secure=True)

    assert_security_headers(response)


def test_the_admin_login_carries_the_security_headers(client, db):
    response = client.get("/admin/login/", secure=True)

    assert response.status_code == 200
    assert_security_headers(response)


def test_hsts_is_sent_over_https_only(client, article_forum):
    response = client.get("/kk/")

    assert "Strict-Transport-Security" not in response.headers


def test_static_files_carry_the_security_headers(client, db):
    from django.contrib.staticfiles.storage import staticfiles_storage

    url = staticfiles_storage.url("css/site.css")
    response = client.get(url, secure=True)
    response.close()

    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.parametrize(
    ("language", "heading"), [("kk", "Сұраныс қате"), ("ru", "Неверный запрос")]
)
def test_an_unknown_host_gets_400_in_the_visitors_language(client, db, language, heading):
    response = client.get(f"/{language}/", HTTP_HOST="evil.example.com")

    assert response.status_code == 400
    assertContains(response, f'<html lang="{language}">', status_code=400)
    assertContains(response, f"<h1>{heading}</h1>", status_code=400)
    assertNotContains(response, "evil.example.com", status_code=400)
    assert_security_headers_but_hsts(response)


def assert_security_headers_but_hsts(response):
    assert csp_directives(response) == CSP
    expected = {k: v for k, v in HEADERS.items() if k != "Strict-Transport-Security"}
    assert {name: response.headers.get(name) for name in expected} == expected


def boom(request):
    raise RuntimeError("secret detail: DATABASE_URL=postgres://forum:hunter2@db/forum")


urlpatterns = [*root_urls.urlpatterns, path("kk/boom/", boom), path("ru/boom/", boom)]
handler400 = root_urls.handler400
handler500 = root_urls.handler500


@pytest.mark.parametrize(
    ("language", "heading"), [("kk", "Бірдеңе дұрыс болмады"), ("ru", "Что-то пошло не так")]
)
@pytest.mark.urls(__name__)
def test_an_error_shows_a_plain_page_without_trace_or_settings(db, language, heading):
    from django.test import Client

    response = Client(raise_request_exception=False).get(f"/{language}/boom/")

    assert response.status_code == 500
    assertContains(response, f"<h1>{heading}</h1>", status_code=500)
    assertContains(response, response.headers["X-Request-ID"], status_code=500)
    for leak in ["Traceback", "RuntimeError", "hunter2", "DATABASE_URL", "SECRET_KEY", "boom"]:
        assertNotContains(response, leak, status_code=500)
    assert_security_headers_but_hsts(response)


def test_public_pages_allow_no_inline_script_or_style(client, article_forum):
    for page in ["/kk/", "/kk/programme/", "/kk/exhibition/", "/kk/plenary/", "/kk/awards/"]:
        html = client.get(page).content.decode()

        assert "<script>" not in html
        assert "style=" not in html
        assert " onclick=" not in html


# Methods: a public address answers only the methods it serves (SECURITY.md: a
# plain view answers TRACE with 200).

READ_ONLY = [
    "/kk/",
    "/ru/programme/",
    "/kk/exhibition/",
    "/kk/plenary/",
    "/kk/awards/",
    "/kk/concert/",
    "/kk/archive/",
    "/kk/accessibility/",
    "/kk/display/",
    "/display.css",
    "/sitemap.xml",
    "/robots.txt",
    "/api/v1/editions.json",
    "/share/kk.png",
    "/healthz",
    "/readyz",
]


@pytest.mark.parametrize("path", READ_ONLY)
@pytest.mark.parametrize("method", ["TRACE", "PUT", "PATCH", "DELETE", "POST"])
def test_read_only_addresses_refuse_other_methods(client, article_forum, path, method):
    client.get(path)  # a page in the cache must not be answered to another method either

    response = client.generic(method, path)

    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert method not in response.headers["Allow"]


@pytest.mark.parametrize("method", ["GET", "HEAD", "TRACE", "PUT", "DELETE"])
def test_the_language_switch_takes_post_only(client, db, method):
    response = client.generic(method, "/i18n/setlang/", HTTP_REFERER="/admin/")

    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example.com/",
        "//evil.example.com/",
        "/\\evil.example.com/",
        "\\\\evil.example.com",
        "https:evil.example.com",
        "javascript:alert(1)",
        " https://evil.example.com/",
    ],
)
def test_the_language_switch_never_leads_to_another_site(client, db, target):
    response = client.post("/i18n/setlang/", {"language": "ru", "next": target})

    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert client.cookies["django_language"].value == "ru"


def test_the_language_switch_follows_a_local_next(client, db):
    response = client.post("/i18n/setlang/", {"language": "kk", "next": "/admin/events/forum/"})

    assert response.headers["Location"] == "/admin/events/forum/"


@pytest.mark.parametrize(
    "target", ["//evil.example.com/", "javascript:alert(1)", "/\\evil.example.com/"]
)
def test_the_display_page_never_links_to_another_site(client, db, target):
    response = client.get("/kk/display/", {"next": target})

    # Its "back" link and the choices' links lead home instead.
    assertContains(response, '<p><a href="/kk/">')
    assertContains(response, "next=%2Fkk%2F", count=3)
    for start in ['href="//', 'href="/\\', 'href="javascript:', 'href="https://evil']:
        assertNotContains(response, start)
