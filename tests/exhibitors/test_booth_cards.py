import io
import re

import pytest
import resvg_py
import zxingcpp
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import BoothFactory, ForumFactory, OrganisationFactory

CARDS = "/admin/exhibitors/booth/cards/"


@pytest.fixture
def staff(client, db):
    user = User.objects.create_user("staff", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_booth"))
    client.force_login(user)
    return user


@pytest.fixture
def forum(db):
    return ForumFactory(slug="edition")


def decode_qr(svg):
    png = bytes(resvg_py.svg_to_bytes(svg_string=svg))
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def qr_codes(response):
    return re.findall(r'<svg viewBox="[^"]+" class="qr-code">.*?</svg>', response.content.decode())


def test_a_card_per_approved_booth_with_both_languages_and_a_qr_code(client, staff, forum):
    booth = BoothFactory(
        forum=forum,
        number=12,
        organisation=OrganisationFactory(name_kk="«Үміт» ҚБ", name_ru="ОО «Умит»"),
        project_title_kk="Инклюзивті шеберхана",
        project_title_ru="Инклюзивная мастерская",
    )
    BoothFactory(forum=forum, status="submitted")
    BoothFactory(forum=forum, status="rejected")

    response = client.get(CARDS, {"forum": forum.pk})

    assert [card["booth"] for card in response.context["cards"]] == [booth]
    for text in ["«Үміт» ҚБ", "ОО «Умит»", "Инклюзивті шеберхана", "Инклюзивная мастерская"]:
        assertContains(response, text, count=1)
    assertContains(response, "<strong>12</strong>", html=True)
    (svg,) = qr_codes(response)
    assert decode_qr(svg) == [f"http://testserver/archive/edition/exhibition/{booth.slug}/"]


@pytest.mark.parametrize(("accept_language", "language"), [("ru-RU,ru", "ru"), ("kk-KZ", "kk")])
def test_the_qr_code_leads_to_the_booth_page_in_the_phones_language(
    client, staff, forum, accept_language, language
):
    booth = BoothFactory(forum=forum, organisation=OrganisationFactory(name_kk="«Ақниет» ҚҚ"))
    (svg,) = qr_codes(client.get(CARDS, {"forum": forum.pk}))
    (url,) = decode_qr(svg)
    client.logout()

    response = client.get(url, headers={"accept-language": accept_language}, follow=True)

    assert response.redirect_chain == [
        (f"/{language}/archive/edition/exhibition/{booth.slug}/", 302)
    ]
    assert response.context["booth"] == booth


def test_cards_are_ordered_by_booth_number(client, staff, forum):
    third = BoothFactory(forum=forum, number=3)
    first = BoothFactory(forum=forum, number=1)

    response = client.get(CARDS, {"forum": forum.pk})

    assert [card["booth"] for card in response.context["cards"]] == [first, third]
    assert len(qr_codes(response)) == 2


def test_the_current_edition_is_shown_by_default(client, staff, forum):
    BoothFactory(forum=forum)

    response = client.get(CARDS)

    assert response.context["forum"] == forum
    assert len(response.context["cards"]) == 1


def test_cards_need_staff_with_view_permission(client, db, forum):
    assert client.get(CARDS).status_code == 302  # to the admin login

    client.force_login(User.objects.create_user("nobody", password="x", is_staff=True))
    assert client.get(CARDS).status_code == 403


def test_the_booth_list_in_the_admin_links_to_the_cards(client, staff):
    response = client.get("/admin/exhibitors/booth/")

    assertContains(response, f'<a href="{CARDS}">')


def test_cards_run_a_fixed_number_of_queries(client, staff, forum):
    for _number in range(2):
        BoothFactory(forum=forum)
    with CaptureQueriesContext(connection) as few:
        client.get(CARDS, {"forum": forum.pk})
    for _number in range(20):
        BoothFactory(forum=forum)
    with CaptureQueriesContext(connection) as many:
        client.get(CARDS, {"forum": forum.pk})

    assert len(many) == len(few)


def test_a_scanned_card_of_the_current_edition_is_not_called_an_archive(client, staff, forum):
    booth = BoothFactory(forum=forum)
    (url,) = decode_qr(qr_codes(client.get(CARDS, {"forum": forum.pk}))[0])

    response = client.get(url, follow=True)

    assert response.context["is_archived"] is False
    assertNotContains(response, 'class="notice"')
    older = ForumFactory(slug="older", year=2020)
    forum.year = 2026
    forum.save()
    assert client.get(f"/kk/archive/older/exhibition/{booth.slug}/").status_code == 404
    archived = client.get(f"/kk/archive/{older.slug}/")
    assert archived.context["is_archived"] is True
    assertContains(archived, '<p class="notice" role="note">')
