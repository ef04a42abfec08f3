"""The admin in Kazakh shows no English: every page staff use, walked for every model.

Django's own Kazakh admin catalogue is incomplete; locale/contrib supplies the
missing strings. A page fails when its visible text (text nodes and the
attributes people read: titles, labels, button values, alt texts, the inlines'
"Add another" links) holds a word in Latin letters that is not a known code
(kk, ru, CSV, XLSX). The rarer pages (filters, pagination, errors, messages,
history, login records) are walked in Russian too, and so is the admin of an
editor and of a moderator (what their roles open, and the pages refused).
"""

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from awards.models import Award
from events.models import Appearance, Forum, Performance, Person, ProgrammeItem, Statement
from exhibitors.models import Booth, Organisation, Theme
from forum_site.roles import EDITORS, MODERATORS
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
    "IP",
    "LDAP",
    # HTTP and its request methods, in django-axes's login records.
    "HTTP",
    "GET",
    "POST",
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
        if "data-inline-formset" in attrs:
            # The inline's "Add another …" and "Remove" links, which JavaScript draws.
            options = json.loads(attrs["data-inline-formset"])["options"]
            self.parts += [options["addText"], options["deleteText"]]

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
            r"|\b[a-z0-9]+(?:-[a-z0-9]+)+\b|\b[A-Z0-9]{3}-[A-Z0-9]{4}\b"
            # django-axes's placeholder for a value a login without a request lacks.
            r"|<unknown>"
            # A password's summary: the hasher's name and the masked salt and hash.
            r"|\b[a-z0-9]+_[a-z0-9_]+\b|\S+\*{4,}",
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


def test_list_edit_message_is_in_kazakh():
    """Django's kk message after saving a list's edits holds its plural rule ("one: … other: …").

    The model's name comes after a colon: Django gives its plural after a count
    above one, which Kazakh keeps singular."""
    with translation.override("kk"):
        messages = [
            ngettext(
                "%(count)s %(name)s was changed successfully.",
                "%(count)s %(name)s were changed successfully.",
                count,
            )
            % {"count": count, "name": "тақырып"}
            for count in (1, 2)
        ]
    assert messages == ["Өзгертілді: тақырып — 1.", "Өзгертілді: тақырып — 2."]


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
    for text in (
        "Уақытты таңдаңыз",
        "Күнді таңдаңыз",
        "Жұма",
        "Қыркүйек",
        "Барлық %s таңдау",
        # Django's own says "алаңдарда(fields)".
        "Өрістерде сақталмаған өзгерістер бар. Әрекетті орындасаңыз, олар жоғалады.",
    ):
        # The catalogue is JavaScript with JSON strings (non-ASCII letters escaped).
        assert json.dumps(text) in catalogue, text


# --- The rarer pages: what staff meet once the admin holds data, errors and filters.


class FormFields(HTMLParser):
    """The values a browser would submit from the page's main form (no files, no buttons)."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") not in {"checkbox", "radio"} or "checked" in attrs:
                self._add(name, attrs.get("value") or "")
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self._add(self._select, attrs.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self._add(name, "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def form_data(html, **changes):
    """The change form's submission, with `changes` applied (None drops a field)."""
    parser = FormFields()
    parser.feed(html)
    data = {name: values for name, values in parser.data.items() if name != "csrfmiddlewaretoken"}
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


class FilterLinks(HTMLParser):
    """The links of a change list's filter sidebar and date hierarchy."""

    def __init__(self):
        super().__init__()
        self.links, self._depth = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"nav", "div"} and (
            attrs.get("id") == "changelist-filter" or "xfull" in (attrs.get("class") or "")
        ):
            self._depth = 1
        elif self._depth and tag in {"nav", "div"}:
            self._depth += 1
        if self._depth and tag == "a" and (attrs.get("href") or "").startswith("?"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if self._depth and tag in {"nav", "div"}:
            self._depth -= 1


def filter_links(html):
    parser = FilterLinks()
    parser.feed(html)
    return list(dict.fromkeys(parser.links))


@pytest.fixture(params=["kk", "ru"])
def staff_admin(request, client, db):
    """A superuser's admin in Kazakh, then in Russian: neither may show English."""
    staff = User.objects.create_user(
        "әкімші", password="Жаз-2025-құпия!", is_staff=True, is_superuser=True
    )
    client.force_login(staff)
    client.cookies["django_language"] = request.param
    return client


def no_english(pages):
    assert {name: english_in(html) for name, html in pages.items()} == {
        name: set() for name in pages
    }


@pytest.fixture
def login_records(db):
    """One row in each of django-axes's tables (the admin lists them for IT staff)."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.utils import timezone

    now = timezone.now()
    common = {
        "user_agent": "Браузер",
        "ip_address": "10.0.0.1",
        "username": "әкімші",
        "http_accept": "мәтін",
        "path_info": "/admin/login/",
    }
    AccessAttempt.objects.create(
        **common, get_data="", post_data="", failures_since_start=3, attempt_time=now
    )
    AccessLog.objects.create(**common, attempt_time=now, logout_time=now)
    AccessFailureLog.objects.create(**common, attempt_time=now, locked_out=True)


def test_staff_and_login_record_pages_are_in_kazakh(staff_admin, login_records):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.auth.models import Group

    Group.objects.get_or_create(name="Редакторлар")
    pages = {}
    for model in (User, Group, AccessAttempt, AccessLog, AccessFailureLog):
        # django-axes's records are written by logins only: its admin has no add page.
        read_only = model._meta.app_label == "axes"
        for page in model_pages(model):
            if read_only and page.endswith("/add/"):
                continue
            response = staff_admin.get(page)
            assert response.status_code == 200, page
            pages[page] = response.text
    user = User.objects.get(username="әкімші")
    password = reverse("admin:auth_user_password_change", args=[user.pk])
    pages[password] = staff_admin.get(password).text
    pages["axes app"] = staff_admin.get(reverse("admin:app_list", args=["axes"])).text
    no_english(pages)


@pytest.mark.parametrize("model", [*ADMIN_MODELS, User], ids=lambda model: model.__name__)
def test_filtered_change_lists_are_in_kazakh(staff_admin, content, login_records, model):
    """Every filter choice and date-hierarchy step, and a filter with a search finding nothing."""
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    pages, queue = {}, [changelist]
    while queue and len(pages) < 40:
        page = queue.pop(0)
        if page in pages:
            continue
        response = staff_admin.get(page)
        assert response.status_code == 200, page
        pages[page] = response.text
        if page == changelist or page.count("__") <= 3:
            queue += [changelist + link for link in filter_links(response.text)]
    last = max(pages, key=len)
    pages[last + "&q=жоқ"] = staff_admin.get(last + "&q=жоқ").text
    no_english(pages)


def test_axes_filters_and_date_hierarchy_are_in_kazakh(staff_admin, login_records):
    from axes.models import AccessAttempt

    changelist = reverse("admin:axes_accessattempt_changelist")
    pages = {changelist: staff_admin.get(changelist).text}
    for link in filter_links(pages[changelist]):
        pages[changelist + link] = staff_admin.get(changelist + link).text
    assert AccessAttempt.objects.exists()
    no_english(pages)


def test_long_change_list_pages_are_in_kazakh(staff_admin, content):
    """More rows than a page holds: page links, "Show all", and "Select all … themes"."""
    Theme.objects.bulk_create(
        Theme(name_kk=f"Тақырып {n}", name_ru=f"Тема {n}", slug=f"taqyryp-{n}", order=n)
        for n in range(150)
    )
    changelist = reverse("admin:exhibitors_theme_changelist")
    first = staff_admin.get(changelist)
    pages = {
        "first": first.text,
        "second": staff_admin.get(changelist + "?p=2").text,
        "all": staff_admin.get(changelist + "?all=").text,
        "out of range": staff_admin.get(changelist + "?p=99", follow=True).text,
    }
    assert first.context["cl"].result_count == 151
    assert first.context["cl"].can_show_all
    no_english(pages)


def test_change_form_errors_are_in_kazakh(staff_admin, content):
    """Field, non-field and inline errors, with the summary above the form."""
    forum = Forum.objects.get()
    change = reverse("admin:events_forum_change", args=[forum.pk])
    data = form_data(staff_admin.get(change).text)
    data.update(
        {
            "programme_items-TOTAL_FORMS": "2",
            "programme_items-1-order": "х",
            "programme_items-1-kind": "",
            "programme_items-1-starts_at": "ертең",
            "programme_items-1-title_kk": "",
            "year": "екі мың",
            "starts_on": "32.13.2025",
        }
    )
    inline_errors = staff_admin.post(change, data)
    award_add = reverse("admin:awards_award_add")
    award = form_data(staff_admin.get(award_add).text, forum=str(forum.pk))
    non_field = staff_admin.post(award_add, award)
    pages = {"inline": inline_errors.text, "non-field": non_field.text}
    assert inline_errors.context["errors"]
    assert inline_errors.context["inline_admin_formsets"][0].formset.errors[1]
    assert non_field.context["adminform"].form.non_field_errors()
    no_english(pages)


def test_messages_after_add_change_and_delete_are_in_kazakh(staff_admin, content):
    add = reverse("admin:events_person_add")
    person = {"name_kk": "Жаңа адам", "name_ru": "Новый человек", "order": "0"}
    added = staff_admin.post(add, {**person, "_continue": "1"}, follow=True)
    another = staff_admin.post(add, {**person, "_addanother": "1"}, follow=True)
    new = Person.objects.filter(name_kk="Жаңа адам").first()
    change = reverse("admin:events_person_change", args=[new.pk])
    changed = staff_admin.post(
        change, {**person, "name_kk": "Өзгерді", "_continue": "1"}, follow=True
    )
    history = staff_admin.get(reverse("admin:events_person_history", args=[new.pk]))
    deleted = staff_admin.post(
        reverse("admin:events_person_delete", args=[new.pk]), {"post": "yes"}, follow=True
    )
    changelist = reverse("admin:events_person_changelist")
    spare = [Person.objects.create(name_kk=name, name_ru=name).pk for name in ("Бір", "Екі")]
    bulk = staff_admin.post(
        changelist,
        {"action": "delete_selected", "post": "yes", "_selected_action": spare},
        follow=True,
    )
    index = staff_admin.get(reverse("admin:index"))
    pages = {
        "added": added.text,
        "add another": another.text,
        "changed": changed.text,
        "history": history.text,
        "deleted": deleted.text,
        "bulk deleted": bulk.text,
        "index with recent actions": index.text,
    }
    assert [len(page.context["messages"]) for page in (added, another, changed, deleted, bulk)] == [
        1,
        1,
        1,
        1,
        1,
    ]
    assert not Person.objects.filter(pk__in=[new.pk, *spare]).exists()
    no_english(pages)


def test_history_with_inline_changes_is_in_kazakh(staff_admin, content):
    forum = Forum.objects.get()
    change = reverse("admin:events_forum_change", args=[forum.pk])
    data = form_data(staff_admin.get(change).text)
    data["programme_items-0-title_kk"] = "Өзгертілген тақырып"
    data["performances-0-DELETE"] = "on"
    saved = staff_admin.post(change, {**data, "_continue": "1"}, follow=True)
    history = staff_admin.get(reverse("admin:events_forum_history", args=[forum.pk]))
    bulk = staff_admin.post(
        reverse("admin:events_forum_changelist"),
        {"action": "delete_selected", "_selected_action": [forum.pk]},
    )
    assert saved.redirect_chain == [(change, 302)]
    assert inline_texts(saved.text)[0] in {
        ("Тағы қосу: Бағдарлама тармағы", "Өшіру"),
        ("Добавить ещё: Пункт программы", "Удалить"),
    }
    assert LogEntry.objects.filter(object_id=str(forum.pk)).count() == 1
    no_english({"saved": saved.text, "history": history.text, "bulk delete": bulk.text})


def inline_texts(html):
    return [
        (options["addText"], options["deleteText"])
        for options in (
            json.loads(unescape(value))["options"]
            for value in re.findall(r'data-inline-formset="([^"]+)"', html)
        )
    ]


def test_autocomplete_and_select2_are_in_kazakh(kazakh_admin, content):
    """The autocomplete answers in Kazakh, and select2's own messages have a Kazakh file."""
    response = kazakh_admin.get(
        reverse("admin:autocomplete"),
        {"app_label": "events", "model_name": "statement", "field_name": "person", "term": "Ай"},
    )
    change = kazakh_admin.get(reverse("admin:events_statement_add"))
    assert [row["text"] for row in response.json()["results"]] == ["Айгүл Сәрсенова"]
    assert "admin/js/vendor/select2/i18n/kk" in str(change.context["media"])
    messages = Path(finders.find("admin/js/vendor/select2/i18n/kk.js")).read_text()
    assert '"select2/i18n/kk"' in messages
    assert "Ештеңе табылмады" in messages


# --- Editors and moderators: what their roles let them open, and the refusals.


def role_pages(user):
    """{page: expected status} of every admin model the user may view: 403 where it may not act."""
    request = type("Request", (), {"user": user})()
    pages = {reverse("admin:index"): 200}
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_or_change_permission(request):
            continue
        opts = model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}"
        obj = model.objects.first()
        can = {
            "add": model_admin.has_add_permission(request),
            "delete": model_admin.has_delete_permission(request, obj),
        }
        changelist = reverse(f"{name}_changelist")
        pages[reverse("admin:app_list", args=[opts.app_label])] = 200
        pages[changelist] = 200
        pages[changelist + "?q=жоқ"] = 200
        pages[reverse(f"{name}_add")] = 200 if can["add"] else 403
        pages[reverse(f"{name}_change", args=[obj.pk])] = 200
        pages[reverse(f"{name}_history", args=[obj.pk])] = 200
        pages[reverse(f"{name}_delete", args=[obj.pk])] = 200 if can["delete"] else 403
    return pages


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
def test_role_pages_are_in_the_admins_language(client, content, group, language):
    """An editor's or moderator's admin: their lists, forms, view-only pages and refusals."""
    staff = User.objects.create_user("қызметкер", password="Жаз-2025-құпия!", is_staff=True)
    staff.groups.add(Group.objects.get(name=group))
    client.force_login(staff)
    client.cookies["django_language"] = language
    pages, statuses = {}, {}
    for page, expected in role_pages(staff).items():
        response = client.get(page)
        statuses[page] = (response.status_code, expected)
        pages[page] = response.text
        if expected == 200 and page.endswith("/"):
            for link in filter_links(response.text):
                pages[page + link] = client.get(page + link).text
    pages["password"] = client.get(reverse("admin:password_change")).text
    assert {page: code for page, (code, _expected) in statuses.items()} == {
        page: expected for page, (_code, expected) in statuses.items()
    }
    assert 403 in {expected for _code, expected in statuses.values()}
    no_english(pages)


GROUP_LABELS = {"kk": ["Модераторлар", "Редакторлар"], "ru": ["Модераторы", "Редакторы"]}


def test_staff_groups_are_named_in_the_admins_language(staff_admin):
    """The groups keep their English names (code finds them by those); staff read translations."""
    labels = GROUP_LABELS[staff_admin.cookies["django_language"].value]
    editor = User.objects.create_user("редактор", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    user_change = staff_admin.get(reverse("admin:auth_user_change", args=[editor.pk]))
    user_filter = staff_admin.get(reverse("admin:auth_user_changelist"))
    group_list = staff_admin.get(reverse("admin:auth_group_changelist"))
    moderators = Group.objects.get(name=MODERATORS)
    group_change = reverse("admin:auth_group_change", args=[moderators.pk])
    renamed = staff_admin.post(group_change, {"name": "Басқа", "permissions": []}, follow=True)

    groups_widget = re.search(r'<select name="groups".*?</select>', user_change.text, re.S)
    assert sorted(re.findall(r"<option[^>]*>([^<]+)</option>", groups_widget[0])) == labels
    (groups_filter,) = [
        spec for spec in user_filter.context["cl"].filter_specs if spec.field_path == "groups"
    ]
    assert sorted(label for _pk, label in groups_filter.lookup_choices) == labels
    assert sorted(str(group) for group in group_list.context["cl"].result_list) == labels
    assert renamed.redirect_chain == [(reverse("admin:auth_group_changelist"), 302)]
    assert list(Group.objects.order_by("name").values_list("name", flat=True)) == [
        EDITORS,
        MODERATORS,
    ]
    assert not moderators.permissions.exists()
    assert labels[0] in renamed.text
    no_english({"user": user_change.text, "filter": user_filter.text, "groups": group_list.text})


def test_inline_change_link_is_spelt_right_in_kazakh(kazakh_admin, content):
    """Django's kk catalogue spells the inline rows' "Change" link «Өзгетру»."""
    forum = Forum.objects.get()
    page = kazakh_admin.get(reverse("admin:events_forum_change", args=[forum.pk])).text
    links = re.findall(r'class="inlinechangelink">([^<]+)</a>', page)
    assert links and set(links) == {"Өзгерту"}


def test_export_without_columns_and_a_missing_object_are_in_kazakh(staff_admin, content):
    """The export's "choose a column" error names the records; a deleted object's address explains."""
    pages, errors = {}, {}
    for export in ("admin:exhibitors_booth_export", "admin:awards_award_export"):
        response = staff_admin.post(reverse(export), {"format": "0"})
        pages[export] = response.text
        errors[export] = response.context["form"].non_field_errors()
    missing = staff_admin.get(reverse("admin:events_person_change", args=[999]), follow=True)
    pages["missing"] = missing.text
    assert all(errors.values()), errors
    assert missing.redirect_chain == [(reverse("admin:index"), 302)]
    assert len(missing.context["messages"]) == 1
    no_english(pages)


def test_publish_and_reject_actions_are_in_kazakh(staff_admin, content):
    """The actions' error and success messages, and the rejection form's error."""
    forum, booth = Forum.objects.get(), Booth.objects.get()
    forums = reverse("admin:events_forum_changelist")
    booths = reverse("admin:exhibitors_booth_changelist")

    def run(changelist, action, pk, **data):
        return staff_admin.post(
            changelist, {"action": action, "_selected_action": [pk], **data}, follow=True
        )

    Forum.objects.filter(pk=forum.pk).update(title_ru="")
    pages = {"not published": run(forums, "publish", forum.pk)}
    Forum.objects.filter(pk=forum.pk).update(title_ru="Форум")
    pages["published"] = run(forums, "publish", forum.pk)
    pages["drafts"] = run(forums, "unpublish", forum.pk)
    pages["no reason"] = run(booths, "reject_selected", booth.pk, reason="")
    pages["rejected"] = run(booths, "reject_selected", booth.pk, reason="Орын жоқ")
    assert [len(pages[name].context["messages"]) for name in pages] == [1, 1, 1, 0, 1]
    assert pages["no reason"].context["form"].errors
    booth.refresh_from_db()
    assert booth.status == Booth.Status.REJECTED
    no_english({name: response.text for name, response in pages.items()})


class _RelatedLinkTitles(HTMLParser):
    """The title of each related-object link (change, add, delete, view), as a browser parses it."""

    def __init__(self):
        super().__init__()
        self.titles = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "related-widget-wrapper-link" in (attrs.get("class") or ""):
            self.titles.append(attrs.get("title"))


def test_related_object_links_are_named_with_their_model(staff_admin, content):
    """The links' icons have an empty alt: the title is their name. Django's Russian put straight
    quotes round the model, which closed the attribute: «Изменить выбранный объект типа »."""
    item = ProgrammeItem.objects.get()
    page = staff_admin.get(reverse("admin:events_programmeitem_change", args=[item.pk])).text
    parser = _RelatedLinkTitles()
    parser.feed(page)

    forum_titles = [title for title in parser.titles if title and "форум" in title]
    # Change, add and view (the edition cannot be deleted from here).
    assert len(forum_titles) == 3, parser.titles
    if staff_admin.cookies["django_language"].value == "ru":
        assert "Изменить выбранный объект типа «форум»" in forum_titles
