import datetime as dt
import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from forum_site.linked_data import json_ld_script
from tests.factories import BoothFactory, ForumFactory, OrganisationFactory, ProgrammeItemFactory

ALMATY = dt.timezone(dt.timedelta(hours=5))
ADMIN_FIELDS = ["slug", "title_kk", "title_ru", "summary_kk", "summary_ru", "status"]
PUBLIC_PAGES = ["", "programme/", "exhibition/", "plenary/", "awards/", "concert/", "archive/"]


class HeadParser(HTMLParser):
    """Collects <meta> tags and the JSON-LD scripts of a page."""

    def __init__(self):
        super().__init__()
        self.meta, self.json_ld, self._in_json_ld = {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, attrs["content"])
        self._in_json_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))

    def handle_endtag(self, tag):
        self._in_json_ld = False


def parse(response):
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_every_public_page_has_open_graph_and_twitter_tags(client, article_forum, page, language):
    meta = parse(client.get(f"/{language}/{page}")).meta

    assert meta["og:url"] == f"http://testserver/{language}/{page}"
    assert meta["og:locale"] == {"kk": "kk_KZ", "ru": "ru_RU"}[language]
    assert meta["og:image"].startswith(
        f"http://testserver/share/{article_forum.slug}/{language}.png?v="
    ) or (page == "archive/" and meta["og:image"] == f"http://testserver/share/{language}.png")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:title"] == meta["og:title"]
    assert meta["og:title"] and meta["og:description"] and meta["og:image:alt"]


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("", "Әлеуметтік жобалар форум-көрмесі"),
        ("programme/", "Бағдарлама — Әлеуметтік жобалар форум-көрмесі"),
        ("awards/", "Марапаттар — Әлеуметтік жобалар форум-көрмесі"),
    ],
)
def test_the_shared_title_names_the_page(client, article_forum, page, title):
    assert parse(client.get(f"/kk/{page}")).meta["og:title"] == title


def test_a_booth_page_is_shared_with_its_organisation_and_project(client, db):
    forum = ForumFactory(slug="edition", title_kk="Форум")
    booth = BoothFactory(
        forum=forum,
        organisation=OrganisationFactory(name_kk="«Үміт» ҚБ"),
        project_title_kk="Инклюзивті шеберхана",
    )

    meta = parse(client.get(f"/kk/archive/edition/exhibition/{booth.slug}/")).meta

    assert meta["og:title"] == "«Үміт» ҚБ — Форум"
    assert meta["og:description"] == "Инклюзивті шеберхана"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_share_image_uploaded_in_the_admin_is_shared_at_its_stored_size(client, editor, language):
    forum = ForumFactory(slug="edition", summary_kk="Қысқаша", summary_ru="Кратко")
    output = io.BytesIO()
    Image.new("RGB", (2400, 1260), "red").save(output, format="PNG")
    inlines = ("programme_items", "statements", "performances")
    client.force_login(editor)
    client.post(
        reverse("admin:events_forum_change", args=[forum.pk]),
        {
            **{name: getattr(forum, name) for name in ADMIN_FIELDS},
            **{
                f"{inline}-{kind}_FORMS": "0" for inline in inlines for kind in ("TOTAL", "INITIAL")
            },
            "share_image": SimpleUploadedFile("share.png", output.getvalue()),
        },
    )
    client.logout()
    forum.refresh_from_db()

    assert re.fullmatch(r"share/[0-9a-f]{32}-1200\.jpg", forum.share_image.name)
    for page in ("", "programme/"):
        meta = parse(client.get(f"/{language}/archive/edition/{page}")).meta
        assert meta["og:image"] == f"http://testserver/media/{forum.share_image.name}"
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_drawn_share_image_is_a_cached_png(client, article_forum, language):
    cache.clear()

    response = client.get(f"/share/{article_forum.slug}/{language}.png")

    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=86400"
    image = Image.open(io.BytesIO(response.content))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    # It is drawn once: the cache holds it now.
    assert any(key.startswith(":1:share-image:") for key in cache._cache)
    assert client.get(f"/share/{article_forum.slug}/{language}.png").content == response.content


def test_the_share_image_changes_with_the_title(client, db):
    forum = ForumFactory(slug="edition", title_kk="Бірінші атау")
    before = client.get("/share/edition/kk.png").content

    forum.title_kk = "Екінші атау"
    forum.save()

    assert client.get("/share/edition/kk.png").content != before


def test_no_share_image_for_a_draft_edition(client, db):
    ForumFactory(slug="draft", status="draft")

    assert client.get("/share/draft/kk.png").status_code == 404
    assert client.get("/share/draft/en.png").status_code == 404


@pytest.mark.parametrize("page", ["", "programme/"])
def test_home_and_programme_describe_the_edition_as_a_schema_org_event(client, article_forum, page):
    (event,) = parse(client.get(f"/ru/{page}")).json_ld

    assert event["@context"] == "https://schema.org"
    assert event["@type"] == "Event"
    assert event["name"] == "Форум-выставка социальных проектов"
    assert event["inLanguage"] == "ru"
    assert event["url"] == "http://testserver/ru/"
    assert event["organizer"]["@type"] == "GovernmentOrganization"
    assert event["organizer"]["name"].startswith("Министерство труда и социальной защиты")
    assert event["location"] == {
        "@type": "Place",
        "address": {"@type": "PostalAddress", "addressLocality": "Астана", "addressCountry": "KZ"},
    }
    # The article gives no date: none is made up.
    assert "startDate" not in event
    names = [sub_event["name"] for sub_event in event["subEvent"]]
    assert "Социальные проекты, меняющие жизнь" in names
    assert len(names) == 6
    assert all(sub["@type"] == "Event" and "startDate" not in sub for sub in event["subEvent"])


def test_dates_and_places_are_given_when_known(client, db):
    forum = ForumFactory(
        slug="edition",
        starts_on=dt.date(2026, 10, 25),
        venue_kk="Жастар сарайы",
        city_kk="Астана",
    )
    ProgrammeItemFactory(
        forum=forum,
        title_kk="Ашылу",
        place_kk="Үлкен зал",
        starts_at=dt.datetime(2026, 10, 25, 10, 0, tzinfo=ALMATY),
    )

    (event,) = parse(client.get("/kk/archive/edition/programme/")).json_ld

    assert event["startDate"] == "2026-10-25"
    assert event["location"]["name"] == "Жастар сарайы"
    assert event["url"] == "http://testserver/kk/archive/edition/"
    (sub_event,) = event["subEvent"]
    assert sub_event["startDate"] == "2026-10-25T05:00:00+00:00"
    assert sub_event["location"]["name"] == "Үлкен зал"
    item = forum.programme_items.get()
    assert sub_event["url"] == f"http://testserver/kk/archive/edition/programme/#item-{item.pk}"


def test_a_booth_page_describes_its_organisation(client, db):
    forum = ForumFactory(slug="edition")
    booth = BoothFactory(
        forum=forum,
        organisation=OrganisationFactory(
            name_ru="ОО «Умит»", bin="", website="https://umit.example.kz/", city_ru="Астана"
        ),
        project_title_ru="Мастерская",
    )

    (organisation,) = parse(client.get(f"/ru/archive/edition/exhibition/{booth.slug}/")).json_ld

    assert organisation == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "ОО «Умит»",
        "url": "https://umit.example.kz/",
        "address": {"@type": "PostalAddress", "addressLocality": "Астана", "addressCountry": "KZ"},
        "subjectOf": {
            "@type": "CreativeWork",
            "name": "Мастерская",
            "url": f"http://testserver/ru/archive/edition/exhibition/{booth.slug}/",
            "inLanguage": "ru",
        },
    }


def test_json_ld_cannot_close_its_script_element():
    script = json_ld_script({"name": "</script><script>alert(1)</script> & <!--"})

    body = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', script).group(1)
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == {"name": "</script><script>alert(1)</script> & <!--"}


def test_a_sample_edition_asks_search_engines_not_to_index_it(client, article_forum):
    from forum_site.services import sample_edition_create

    sample_edition_create(booths=1)

    assert parse(client.get("/kk/archive/sample/")).meta["robots"] == "noindex"
    assert "robots" not in parse(client.get("/kk/")).meta
