import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum_site.services import sample_edition_create
from tests.factories import (
    AwardFactory,
    BoothFactory,
    ForumFactory,
    OrganisationFactory,
    ProgrammeItemFactory,
    ThemeFactory,
)


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content)


def test_the_editions_list_names_every_published_edition(client, article_forum):
    ForumFactory(slug="draft", status="draft")

    document = get_json(client, "/api/v1/editions.json")

    assert document["schema_version"] == 1
    assert [edition["slug"] for edition in document["editions"]] == [article_forum.slug]
    edition = document["editions"][0]
    assert edition["title"] == {
        "kk": "Әлеуметтік жобалар форум-көрмесі",
        "ru": "Форум-выставка социальных проектов",
    }
    assert edition["url"] == {
        "kk": f"http://testserver/kk/archive/{article_forum.slug}/",
        "ru": f"http://testserver/ru/archive/{article_forum.slug}/",
    }
    assert edition["data_url"] == f"http://testserver/api/v1/editions/{article_forum.slug}.json"
    assert edition["starts_on"] is None


def test_the_edition_document_has_the_documented_shape(client, article_forum):
    document = get_json(client, f"/api/v1/editions/{article_forum.slug}.json")

    assert list(document) == [
        "schema_version",
        "edition",
        "access_features",
        "programme_kinds",
        "themes",
        "programme",
        "booths",
        "awards",
        "statements",
        "concert",
    ]
    assert document["edition"]["participants_reported"] == 150
    assert document["edition"]["venue"] == {"kk": "", "ru": ""}
    kinds = [item["kind"] for item in document["programme"]]
    assert kinds == ["exhibition", "exhibition", "opening", "plenary", "awards", "concert"]
    plenary = next(item for item in document["programme"] if item["kind"] == "plenary")
    assert plenary["title"] == {
        "kk": "Өмірді өзгертетін әлеуметтік жобалар",
        "ru": "Социальные проекты, меняющие жизнь",
    }
    assert set(plenary) == {
        "id", "kind", "title", "description", "topics", "starts_at", "ends_at", "place",
        "access", "sign_language_video_url", "people",
    }  # fmt: skip
    assert len(document["awards"]) == 20
    assert {
        "kk": "«Қазақстандық саңыраулар қоғамы» ҚБ",
        "ru": "",
    } in [award["recipient"]["name"] for award in document["awards"]]
    assert [act["performer"]["kk"] for act in document["concert"]][2] == (
        "«SILENCE» естімейтін бишілер театры"
    )
    assert document["booths"] == []


def test_a_booth_in_the_document(client, db):
    forum = ForumFactory(slug="edition")
    theme = ThemeFactory(slug="inclusion")
    booth = BoothFactory(
        forum=forum,
        number=7,
        organisation=OrganisationFactory(
            name_kk="«Үміт» ҚБ", name_ru="ОО «Умит»", bin="", website="https://umit.example.kz/"
        ),
        project_title_kk="Инклюзивті шеберхана",
        project_title_ru="Инклюзивная мастерская",
        access_step_free=True,
        access_captions=True,
    )
    booth.themes.add(theme)

    document = get_json(client, "/api/v1/editions/edition.json")

    assert document["booths"] == [
        {
            "number": 7,
            "slug": booth.slug,
            "organisation": {
                "id": booth.organisation.pk,
                "name": {"kk": "«Үміт» ҚБ", "ru": "ОО «Умит»"},
                "legal_form": None,
                "bin": None,
                "city": {"kk": "", "ru": ""},
                "website": "https://umit.example.kz/",
            },
            "project_title": {"kk": "Инклюзивті шеберхана", "ru": "Инклюзивная мастерская"},
            "description": {"kk": "", "ru": ""},
            "themes": ["inclusion"],
            "access": ["captions", "step_free"],
            "url": {
                "kk": f"http://testserver/kk/archive/edition/exhibition/{booth.slug}/",
                "ru": f"http://testserver/ru/archive/edition/exhibition/{booth.slug}/",
            },
        }
    ]


def test_only_public_booths_are_in_the_document(client, db):
    forum = ForumFactory(slug="edition")
    BoothFactory(forum=forum, status="submitted")
    BoothFactory(forum=forum, status="rejected")

    assert get_json(client, "/api/v1/editions/edition.json")["booths"] == []


def test_the_document_holds_no_contact_detail(client, db):
    forum = ForumFactory(slug="edition")
    for number in range(3):
        BoothFactory(
            forum=forum,
            contact_name=f"Айгүл Сәрсенова {number}",
            contact_email=f"aigul{number}@example.kz",
            contact_phone=f"+7701123456{number}",
        )
    AwardFactory(forum=forum)
    ProgrammeItemFactory(forum=forum)

    text = client.get("/api/v1/editions/edition.json").content.decode()

    assert "Сәрсенова" not in text
    assert "contact" not in text
    assert re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text) == []
    assert re.findall(r"\+?\d[\d ()-]{9,}\d", text) == []


def test_draft_and_unknown_editions_have_no_document(client, db):
    ForumFactory(slug="draft", status="draft")

    assert client.get("/api/v1/editions/draft.json").status_code == 404
    assert client.get("/api/v1/editions/nothing.json").status_code == 404


def test_the_document_is_read_only(client, article_forum):
    response = client.post(f"/api/v1/editions/{article_forum.slug}.json")

    assert response.status_code == 405


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/api/v1/editions/sample.json", "/api/v1/editions.json"])
def test_the_documents_run_as_many_queries_with_2000_booths_as_with_20(client, db, url):
    sample_edition_create(booths=20)
    with_few = count_queries(client, url)

    sample_edition_create(booths=2000)
    with_many = count_queries(client, url)

    assert with_many == with_few <= 10
