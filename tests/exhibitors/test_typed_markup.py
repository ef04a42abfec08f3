"""Markup an applicant types is shown as text wherever the site shows it, never run.

An application is sent through the public form with markup in every text
field and an attribute-breaking text alternative, approved, and then looked
for on every page, document and admin screen that shows it.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from exhibitors.models import Booth
from exhibitors.services import application_approve
from tests import files

MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
# A text alternative that would close its alt="…" and add an event handler.
ATTRIBUTE_BREAK = 'Сурет" onmouseover="alert(2)'
RAW = ['<script>alert("x")', "<img src=x", '" onmouseover="alert(2)']


@pytest.fixture
def booth(client, open_forum, application_data, superuser):
    data = application_data(
        organisation_name_kk="Ұйым " + MARKUP,
        organisation_name_ru="Организация " + MARKUP,
        city="Астана " + MARKUP,
        contact_name="Әйгерім " + MARKUP,
        project_title_kk="Жоба " + MARKUP,
        project_title_ru="Проект " + MARKUP,
        description_kk="Сипаттама " + MARKUP,
        description_ru="Описание " + MARKUP,
        logo=files.png(),
        logo_alt=ATTRIBUTE_BREAK,
        photo_1=files.jpeg(),
        photo_1_alt=ATTRIBUTE_BREAK,
    )
    client.post("/kk/exhibition/apply/", data)
    return application_approve(booth=Booth.objects.get(), user=superuser)


def assert_shown_as_text(response):
    assert response.status_code == 200
    html = response.content.decode()
    assert [raw for raw in RAW if raw in html] == []
    return html


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_public_pages_show_typed_markup_as_text(client, booth, language):
    with translation.override(language):
        detail_url = booth.get_absolute_url()
    pages = {
        "list": client.get(f"/{language}/exhibition/"),
        "search": client.get(f"/{language}/exhibition/", {"q": MARKUP}),
        "detail": client.get(detail_url),
        "home": client.get(f"/{language}/"),
    }

    shown = {name: assert_shown_as_text(response) for name, response in pages.items()}

    assert ESCAPED in shown["detail"]
    assert 'alt="Сурет&quot; onmouseover=&quot;alert(2)"' in shown["detail"]
    assert ESCAPED in shown["list"]


def test_the_open_data_document_holds_typed_markup_as_json_text(client, booth):
    response = client.get(f"/api/v1/editions/{booth.forum.slug}.json")

    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Жоба " + MARKUP in strings_in(response.json())


def strings_in(value):
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return [value] if isinstance(value, str) else []


@pytest.mark.parametrize(
    "url",
    [
        "admin:exhibitors_booth_changelist",
        "admin:exhibitors_organisation_changelist",
        "admin:exhibitors_booth_cards",
        "admin:index",
    ],
)
def test_admin_lists_show_typed_markup_as_text(client, booth, superuser, url):
    client.force_login(superuser)

    assert_shown_as_text(client.get(reverse(url)))


@pytest.mark.parametrize(
    "url", ["admin:exhibitors_booth_change", "admin:exhibitors_organisation_change"]
)
def test_admin_forms_show_typed_markup_as_text(client, booth, superuser, url):
    client.force_login(superuser)
    pk = booth.pk if "booth" in url else booth.organisation_id

    assert_shown_as_text(client.get(reverse(url, args=[pk])))
