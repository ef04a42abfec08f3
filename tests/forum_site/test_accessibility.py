import pytest
from pytest_django.asserts import assertContains, assertRedirects

from events.models import ProgrammeItem
from exhibitors.models import Organisation
from forum_site.display import COOKIE, SECURE_COOKIE
from tests.factories import ForumFactory


@pytest.mark.parametrize(
    ("language", "heading", "control"),
    [
        ("kk", "Қолжетімділік туралы мәлімдеме", "Нашар көретіндерге арналған нұсқа"),
        ("ru", "Заявление о доступности", "Версия для слабовидящих"),
    ],
)
def test_the_accessibility_statement_is_in_both_languages(client, db, language, heading, control):
    response = client.get(f"/{language}/accessibility/")

    assertContains(response, f"<h1>{heading}</h1>", html=True)
    assertContains(response, "(WCAG) 2.2")
    # Every page names the display options as government sites do, and links the statement.
    assertContains(response, control)
    assertContains(response, f'href="/{language}/accessibility/"')


def test_the_statement_shows_a_contact_only_when_one_is_configured(client, db, settings):
    settings.ACCESSIBILITY_CONTACT = "access@example.kz"

    response = client.get("/ru/accessibility/")

    assertContains(response, 'href="mailto:access@example.kz"')


def test_a_display_link_keeps_the_choice_in_a_long_lived_cookie(client, db):
    response = client.get("/kk/display/", {"text": "large", "next": "/kk/programme/"})

    assertRedirects(
        response, "/kk/display/?next=%2Fkk%2Fprogramme%2F", fetch_redirect_response=False
    )
    cookie = response.cookies[COOKIE]
    assert cookie.value == "text=large,contrast=normal"
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_over_https_the_display_cookie_is_secure_and_host_only(client, db):
    response = client.get("/kk/display/", {"text": "large"}, secure=True)
    stylesheet = client.get("/display.css", secure=True)

    cookie = response.cookies[SECURE_COOKIE]
    assert (cookie.value, cookie["secure"], cookie["path"], cookie["domain"]) == (
        "text=large,contrast=normal",
        True,
        "/",
        "",
    )
    assert COOKIE not in response.cookies
    assert "display-text-large" in stylesheet.content.decode()


def test_choices_add_up_and_the_page_marks_them(client, db):
    client.get("/kk/display/", {"text": "largest"})
    client.get("/kk/display/", {"contrast": "high"})

    response = client.get("/ru/display/", {"next": "/ru/awards/"})

    assert client.cookies[COOKIE].value == "text=largest,contrast=high"
    assertContains(response, '<strong aria-current="true">Самый крупный текст</strong>', html=True)
    assertContains(
        response, '<a href="/ru/awards/">Вернуться на страницу, где вы были</a>', html=True
    )


def test_the_display_page_never_leads_to_another_site(client, db):
    response = client.get("/kk/display/", {"text": "large", "next": "https://example.com/"})

    assertRedirects(response, "/kk/display/?next=%2Fkk%2F", fetch_redirect_response=False)


def test_the_display_stylesheet_follows_the_cookie_and_is_private(client, db):
    plain = client.get("/display.css")
    client.cookies[COOKIE] = "text=large,contrast=high"
    chosen = client.get("/display.css")

    assert plain.content == b"\n"
    css = chosen.content.decode()
    assert "display-text-large" in css
    assert "display-contrast-high" in css
    assert chosen["Content-Type"] == "text/css; charset=utf-8"
    for response in (plain, chosen):
        assert "private" in response["Cache-Control"]
        assert "no-cache" in response["Cache-Control"]
        assert "Cookie" in response["Vary"]


def test_public_pages_do_not_vary_on_the_display_cookie(client, article_forum):
    plain = client.get("/kk/programme/")
    client.cookies[COOKIE] = "text=large,contrast=high"
    chosen = client.get("/kk/programme/")

    assert plain.content == chosen.content
    assert "Cookie" not in plain.get("Vary", "")
    assertContains(plain, '<link rel="stylesheet" href="/display.css">')


def test_a_name_shown_in_the_other_language_is_marked_with_its_lang(client, db):
    forum = ForumFactory()
    award_org = Organisation.objects.create(
        name_kk="", name_ru="ОО «Только по-русски»", legal_form="public_association"
    )
    from awards.models import Award

    Award.objects.create(forum=forum, organisation=award_org, order=1)

    response = client.get("/kk/awards/")

    assertContains(response, '<span lang="ru">ОО «Только по-русски»</span>', html=True)


def test_a_programme_item_links_its_video_captions_and_transcript(client, db):
    forum = ForumFactory()
    ProgrammeItem.objects.create(
        forum=forum,
        kind=ProgrammeItem.Kind.PLENARY,
        title_kk="Пленарлық отырыс",
        video_url="https://video.example.kz/plenary",
        captions_url="https://video.example.kz/plenary.vtt",
        transcript_url="https://video.example.kz/plenary.txt",
    )

    response = client.get("/kk/programme/")

    assertContains(response, 'href="https://video.example.kz/plenary"')
    assertContains(response, 'href="https://video.example.kz/plenary.vtt"')
    assertContains(response, 'href="https://video.example.kz/plenary.txt"')
