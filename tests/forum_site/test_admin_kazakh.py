"""The admin in Kazakh shows no English: every page staff use, walked for every model.

Django's own Kazakh admin catalogue is incomplete; locale/contrib supplies the
missing strings. A page fails when its visible text (text nodes and the
attributes people read: titles, labels, button values, alt texts) holds a
word in Latin letters that is not a known code (kk, ru, CSV, XLSX).
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.urls import reverse

from awards.models import Award
from events.models import Appearance, Forum, Performance, Person, ProgrammeItem, Statement
from exhibitors.models import Booth, Organisation, Theme
from tests.factories import (
    AwardFactory,
    BoothFactory,
    ForumFactory,
    OrganisationFactory,
    ProgrammeItemFactory,
    ThemeFactory,
)

# Codes, and the key names printed on keyboards.
ALLOWED = {
    "kk",
    "ru",
    "CSV",
    "QR",
    "XLSX",
    "csv",
    "xlsx",
    "JPEG",
    "PNG",
    "WebP",
    "URL",
    "IT",
    "WebVTT",
    "Control",
    "Command",
    "Mac",
}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
READ_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder"}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "style", "template"}:
            self._skip += 1
        for name in READ_ATTRIBUTES & attrs.keys():
            self.parts.append(attrs[name] or "")
        if tag == "input" and attrs.get("type") in {"submit", "button", "reset"}:
            self.parts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template"}:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def english_in(html):
    """The fragments of visible text that hold Latin-letter words (not allowed codes)."""
    parser = VisibleText()
    parser.feed(html)
    found = set()
    for part in parser.parts:
        text = " ".join(part.split())
        # E-mail and web addresses, file names, slugs and reference codes are not language.
        text = re.sub(
            r"\S+@\S+|https?://\S+|/\S*|\S+\.(?:png|jpe?g|webp|csv|xlsx)\b"
            r"|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b[A-Z0-9]{3}-[A-Z0-9]{4}\b",
            "",
            text,
        )
        words = [word for word in LATIN_WORD.findall(text) if word not in ALLOWED]
        if words:
            found.add(text[:160])
    return found


@pytest.fixture
def content(db):
    """One object of every admin model, named in Cyrillic only."""
    forum = ForumFactory(
        status=Forum.Status.DRAFT, summary_kk="Қысқаша", summary_ru="Кратко", year=2025
    )
    item = ProgrammeItemFactory(forum=forum, kind=ProgrammeItem.Kind.PLENARY)
    person = Person.objects.create(name_kk="Айгүл Сәрсенова", name_ru="Айгуль Сарсенова")
    Appearance.objects.create(programme_item=item, person=person)
    Statement.objects.create(forum=forum, person=person, text_kk="Сөз", text_ru="Слово")
    Performance.objects.create(forum=forum, performer_kk="Әнші", performer_ru="Певица")
    theme = ThemeFactory()
    booth = BoothFactory(
        forum=forum,
        status=Booth.Status.SUBMITTED,
        organisation=OrganisationFactory(bin="123456789012"),
    )
    booth.themes.add(theme)
    AwardFactory(forum=forum, organisation=booth.organisation, nomination_kk="Үздік жоба")
    return forum


ADMIN_MODELS = [
    Forum,
    ProgrammeItem,
    Person,
    Appearance,
    Statement,
    Performance,
    Award,
    Booth,
    Organisation,
    Theme,
]


@pytest.fixture
def kazakh_admin(client, db):
    staff = User.objects.create_user(
        "әкімші", password="Жаз-2025-құпия!", is_staff=True, is_superuser=True
    )
    client.force_login(staff)
    client.cookies["django_language"] = "kk"
    return client


def model_pages(model):
    opts = model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}"
    obj = model.objects.first()
    pages = [
        reverse(f"{name}_changelist"),
        reverse(f"{name}_changelist") + "?q=жоқ",
        reverse(f"{name}_add"),
        reverse(f"{name}_change", args=[obj.pk]),
        reverse(f"{name}_history", args=[obj.pk]),
        reverse(f"{name}_delete", args=[obj.pk]),
    ]
    return pages


def test_index_and_app_pages_are_in_kazakh(kazakh_admin, content):
    pages = [reverse("admin:index")] + [
        reverse("admin:app_list", args=[label])
        for label in ("events", "exhibitors", "awards", "auth")
    ]
    english = {page: english_in(kazakh_admin.get(page).text) for page in pages}
    assert english == {key: set() for key in pages}


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model.__name__)
def test_model_pages_are_in_kazakh(kazakh_admin, content, model):
    english = {}
    for page in model_pages(model):
        response = kazakh_admin.get(page)
        assert response.status_code == 200, page
        english[page] = english_in(response.text)
    assert english == {key: set() for key in english}


def test_action_confirmation_and_messages_are_in_kazakh(kazakh_admin, content):
    changelist = reverse("admin:events_person_changelist")
    person = Person.objects.get()
    confirmation = kazakh_admin.post(
        changelist, {"action": "delete_selected", "_selected_action": [person.pk]}
    )
    # Saving with an error, then saving for real: the error and success messages.
    change = reverse("admin:events_person_change", args=[person.pk])
    invalid = kazakh_admin.post(change, {"name_kk": "", "name_ru": ""})
    saved = kazakh_admin.post(change, {"name_kk": "Жаңа есім", "name_ru": "Новое имя"}, follow=True)
    theme_changelist = reverse("admin:exhibitors_theme_changelist")
    nothing_selected = kazakh_admin.post(
        theme_changelist, {"action": "delete_selected"}, follow=True
    )
    pages = {
        "confirmation": confirmation.text,
        "invalid": invalid.text,
        "saved": saved.text,
        "nothing selected": nothing_selected.text,
    }
    assert "Жаңа есім" in saved.text
    assert LogEntry.objects.filter(object_id=str(person.pk)).exists()
    assert {name: english_in(html) for name, html in pages.items()} == {key: set() for key in pages}


def test_export_page_is_in_kazakh(kazakh_admin, content):
    pages = [reverse("admin:exhibitors_booth_export"), reverse("admin:awards_award_export")]
    english = {page: english_in(kazakh_admin.get(page).text) for page in pages}
    assert english == {key: set() for key in pages}


def test_login_and_password_pages_are_in_kazakh(client, db):
    client.cookies["django_language"] = "kk"
    User.objects.create_user("әкімші", password="Жаз-2025-құпия!", is_staff=True)
    login = client.get(reverse("admin:login"))
    failed = client.post(reverse("admin:login"), {"username": "әкімші", "password": "қате"})
    client.post(reverse("admin:login"), {"username": "әкімші", "password": "Жаз-2025-құпия!"})
    change = client.get(reverse("admin:password_change"))
    too_short = client.post(
        reverse("admin:password_change"),
        {"old_password": "Жаз-2025-құпия!", "new_password1": "123", "new_password2": "123"},
    )
    done = client.post(
        reverse("admin:password_change"),
        {
            "old_password": "Жаз-2025-құпия!",
            "new_password1": "Күз-2026-ұзын-құпия",
            "new_password2": "Күз-2026-ұзын-құпия",
        },
        follow=True,
    )
    logout = client.post(reverse("admin:logout"))
    pages = {
        "login": login.text,
        "failed": failed.text,
        "change": change.text,
        "too short": too_short.text,
        "done": done.text,
        "logout": logout.text,
    }
    assert done.redirect_chain == [(reverse("admin:password_change_done"), 302)]
    assert {name: english_in(html) for name, html in pages.items()} == {key: set() for key in pages}


def test_moderation_pages_are_in_kazakh(kazakh_admin, content):
    booth = Booth.objects.get()
    changelist = reverse("admin:exhibitors_booth_changelist")
    reject = kazakh_admin.post(
        changelist, {"action": "reject_selected", "_selected_action": [booth.pk]}
    )
    approved = kazakh_admin.post(
        changelist, {"action": "approve_selected", "_selected_action": [booth.pk]}, follow=True
    )
    cards = kazakh_admin.get(reverse("admin:exhibitors_booth_cards"))
    pages = {"reject": reject.text, "approved": approved.text, "cards": cards.text}
    assert {name: english_in(html) for name, html in pages.items()} == {
        name: set() for name in pages
    }


def test_admin_javascript_strings_are_in_kazakh(kazakh_admin):
    catalogue = kazakh_admin.get(reverse("admin:jsi18n")).content.decode("utf-8")
    for text in ("Уақытты таңдаңыз", "Күнді таңдаңыз", "Жұма", "Қыркүйек", "Барлық %s таңдау"):
        # The catalogue is JavaScript with JSON strings (non-ASCII letters escaped).
        assert json.dumps(text) in catalogue, text
