"""The edition admin: the publish rule, inlines in order, history of actions, staff preview,
and the share image's checks."""

import importlib
import re
from html.parser import HTMLParser

import pytest
from django.apps import apps as django_apps
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from events.models import Appearance, Forum, Person, ProgrammeItem, Statement
from events.services import forum_publish
from events.text import alphabet_sort_key
from tests import files
from tests.factories import ForumFactory, ProgrammeItemFactory


def _form_data(forum, **changes):
    data = {
        "slug": forum.slug,
        "title_kk": forum.title_kk,
        "title_ru": forum.title_ru,
        "summary_kk": forum.summary_kk or "",
        "summary_ru": forum.summary_ru or "",
        "status": forum.status,
        "participants_reported_is_minimum": "",
    }
    for prefix in ("programme_items", "statements", "performances"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(changes)
    return data


def test_publishing_refuses_an_edition_missing_russian_summary(client, editor):
    forum = ForumFactory(status=Forum.Status.DRAFT, summary_kk="Қысқаша мазмұны", summary_ru="")
    client.force_login(editor)
    client.cookies["django_language"] = "ru"
    response = client.post(
        reverse("admin:events_forum_change", args=[forum.pk]), _form_data(forum, status="published")
    )
    forum.refresh_from_db()
    assert forum.status == Forum.Status.DRAFT
    assert response.context["adminform"].form.errors == {
        "summary_ru": ["Нужно для публикации форума: заполните (Русский)."]
    }


def test_publishing_an_edition_complete_in_both_languages(client, editor):
    forum = ForumFactory(status=Forum.Status.DRAFT, summary_kk="Қысқаша", summary_ru="Кратко")
    client.force_login(editor)
    response = client.post(
        reverse("admin:events_forum_change", args=[forum.pk]), _form_data(forum, status="published")
    )
    forum.refresh_from_db()
    assert response.status_code == 302
    assert forum.status == Forum.Status.PUBLISHED
    assert LogEntry.objects.get(object_id=str(forum.pk)).user == editor


def test_publish_action_names_the_missing_fields_and_logs_what_it_publishes(client, editor):
    ready = ForumFactory(status=Forum.Status.DRAFT, summary_kk="Қысқаша", summary_ru="Кратко")
    not_ready = ForumFactory(status=Forum.Status.DRAFT, title_ru="", summary_kk="Қысқаша")
    client.force_login(editor)
    client.cookies["django_language"] = "kk"
    response = client.post(
        reverse("admin:events_forum_changelist"),
        {"action": "publish", "_selected_action": [ready.pk, not_ready.pk]},
        follow=True,
    )
    ready.refresh_from_db()
    not_ready.refresh_from_db()
    assert (ready.status, not_ready.status) == (Forum.Status.PUBLISHED, Forum.Status.DRAFT)
    texts = [str(message) for message in response.context["messages"]]
    assert texts == [
        f"«{not_ready}» жарияланбады: атауы [ru], қысқаша сипаттама [ru] толтырыңыз.",
        "1 форум жарияланды.",
    ]
    entry = LogEntry.objects.get(object_id=str(ready.pk))
    assert (entry.user, entry.get_change_message()) == (editor, "Мәртебесі өзгертілді.")


def test_publishing_a_published_edition_says_it_was_published_already(client, editor):
    published = ForumFactory(status=Forum.Status.PUBLISHED, summary_kk="а", summary_ru="б")
    draft = ForumFactory(status=Forum.Status.DRAFT, summary_kk="а", summary_ru="б")
    client.force_login(editor)
    client.cookies["django_language"] = "ru"

    response = client.post(
        reverse("admin:events_forum_changelist"),
        {"action": "publish", "_selected_action": [published.pk, draft.pk]},
        follow=True,
    )

    assert [str(message) for message in response.context["messages"]] == [
        "1 форум уже был опубликован: он оставлен как есть.",
        "1 форум опубликован.",
    ]
    assert not LogEntry.objects.filter(object_id=str(published.pk)).exists()


def test_publish_service_returns_the_errors_per_language(db):
    forum = ForumFactory(status=Forum.Status.DRAFT, summary_kk="", summary_ru="")
    assert sorted(forum_publish(forum=forum)) == ["summary_kk", "summary_ru"]
    forum.refresh_from_db()
    assert forum.status == Forum.Status.DRAFT


def test_programme_is_edited_inline_in_order(client, editor):
    forum = ForumFactory(summary_kk="а", summary_ru="б")
    second = ProgrammeItemFactory(forum=forum, order=2)
    first = ProgrammeItemFactory(forum=forum, order=1)
    client.force_login(editor)
    response = client.get(reverse("admin:events_forum_change", args=[forum.pk]))
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "programme_items"
    )
    assert [form.instance for form in formset.forms] == [first, second]


def test_draft_edition_is_hidden_from_the_public_and_previewed_by_staff(client, editor):
    forum = ForumFactory(status=Forum.Status.DRAFT, slug="draft-2026")
    url = reverse("events:programme", kwargs={"forum_slug": forum.slug})
    assert client.get(url).status_code == 404
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "Бұл форум — жоба: бұл бетті тек қызметкерлер көреді." in response.text


def test_published_edition_page_reads_no_session(client, db):
    forum = ForumFactory(slug="open-2025")
    response = client.get(reverse("events:programme", kwargs={"forum_slug": forum.slug}))
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
    assert "no-store" not in response.get("Cache-Control", "")


# The share image gets the checks and re-encoding of every other uploaded image


def complete_forum(**kwargs):
    return ForumFactory(summary_kk="Қысқаша", summary_ru="Кратко", **kwargs)


def upload_share_image(client, forum, upload, **changes):
    return client.post(
        reverse("admin:events_forum_change", args=[forum.pk]),
        _form_data(forum, share_image=upload, **changes),
    )


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (files.svg, "unsupported_format"),
        (files.html_named_jpeg, "unsupported_format"),
        (files.gif, "unsupported_format"),
        (files.png_bomb, "too_many_pixels"),
        (files.truncated_jpeg, "damaged"),
        (files.polyglot_jpeg_zip, "trailing_data"),
        (files.too_large, "file_too_large"),
    ],
)
def test_a_bad_share_image_is_refused_with_its_message_and_not_stored(
    client, editor, settings, make, code
):
    forum = complete_forum()
    client.force_login(editor)

    response = upload_share_image(client, forum, make())

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors.as_data()
    assert list(errors) == ["share_image"]
    assert [error.code for error in errors["share_image"]] == [code]
    forum.refresh_from_db()
    assert (forum.share_image.name, forum.share_image_renditions) == ("", [])
    assert stored_files(settings) == []


def test_a_refused_share_image_is_explained_in_the_staff_members_language(client, editor):
    forum = complete_forum()
    client.force_login(editor)
    client.cookies["django_language"] = "ru"

    response = upload_share_image(client, forum, files.svg(name="share.png"))

    assert response.context["adminform"].form.errors["share_image"] == [
        "Этот файл не изображение JPEG, PNG или WebP (что бы ни говорило его имя). "
        "Выберите фотографию или картинку в одном из этих форматов."
    ]


def test_a_share_image_is_stored_reencoded_without_exif_under_a_random_name(
    client, editor, settings
):
    forum = complete_forum()
    client.force_login(editor)

    response = upload_share_image(client, forum, files.jpeg_with_gps("phone.jpg"))

    assert response.status_code == 302
    forum.refresh_from_db()
    # One JPEG, turned upright as its EXIF said (800 × 600 on its side), never enlarged.
    assert stored_files(settings) == [forum.share_image.name]
    assert re.fullmatch(r"share/[0-9a-f]{32}-600\.jpg", forum.share_image.name)
    assert (forum.share_image_width, forum.share_image_height) == (600, 800)
    assert forum.share_image_renditions == [
        {"name": forum.share_image.name, "width": 600, "height": 800, "format": "jpeg"}
    ]
    with Image.open(forum.share_image.path) as image:
        assert (image.format, image.size) == ("JPEG", (600, 800))
        assert not image.getexif()
        assert "exif" not in image.info


def test_a_large_share_image_is_stored_1200_pixels_wide(client, editor):
    forum = complete_forum()
    client.force_login(editor)

    upload_share_image(client, forum, files.png(size=(2400, 1260)))

    forum.refresh_from_db()
    assert forum.share_image.name.endswith("-1200.jpg")
    assert (forum.share_image_width, forum.share_image_height) == (1200, 630)


def test_replacing_or_clearing_the_share_image_removes_the_old_file(
    client, editor, settings, django_capture_on_commit_callbacks
):
    # One stored before uploads were checked: the original file, with no renditions.
    forum = complete_forum(share_image=SimpleUploadedFile("old.jpg", files.image_bytes()))
    legacy = forum.share_image.name
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        upload_share_image(client, forum, files.jpeg(size=(1200, 630)))
    forum.refresh_from_db()
    replaced = forum.share_image.name
    after_replacing = stored_files(settings)
    with django_capture_on_commit_callbacks(execute=True):
        upload_share_image(client, forum, "", **{"share_image-clear": "on"})
    forum.refresh_from_db()

    assert legacy.startswith("share/old") and after_replacing == [replaced] != [legacy]
    assert (forum.share_image.name, forum.share_image_renditions) == ("", [])
    assert stored_files(settings) == []


def test_deleting_an_edition_removes_its_share_image(
    client, editor, settings, django_capture_on_commit_callbacks
):
    forum = complete_forum()
    client.force_login(editor)
    upload_share_image(client, forum, files.jpeg())
    forum.refresh_from_db()
    assert stored_files(settings) == [forum.share_image.name]

    with django_capture_on_commit_callbacks(execute=True):
        forum.delete()

    assert stored_files(settings) == []


class FormControls(HTMLParser):
    """The ids of a page's visible form fields, and of the fields its <label>s name."""

    def __init__(self):
        super().__init__()
        self.controls, self.labelled = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label" and attrs.get("for"):
            self.labelled.add(attrs["for"])
        elif (
            tag in {"input", "select", "textarea"}
            and attrs.get("type") != "hidden"
            and attrs.get("id", "").startswith("id_")
            # The empty form the inline's "Add another" copies is not shown.
            and "__prefix__" not in attrs["id"]
        ):
            self.controls.append(attrs["id"])


def test_every_field_of_a_programme_item_and_its_speakers_has_a_label(client, editor):
    item = ProgrammeItemFactory(kind=ProgrammeItem.Kind.PLENARY)
    person = Person.objects.create(name_kk="Айгүл Сәрсенова", name_ru="Айгуль Сарсенова")
    Appearance.objects.create(programme_item=item, person=person)
    client.force_login(editor)

    page = FormControls()
    page.feed(client.get(reverse("admin:events_programmeitem_change", args=[item.pk])).text)

    assert "id_appearances-0-role" in page.controls
    assert [id_ for id_ in page.controls if id_ not in page.labelled] == []


# People in the alphabet of the admin's language


@pytest.fixture
def people(db):
    """Names whose alphabetical order differs from the order of their letters' codes
    (І, Ә and Қ come after Я there). One has no Russian name: Russian pages show its Kazakh one."""
    return [
        Person.objects.create(name_kk=kk, name_ru=ru)
        for kk, ru in [
            ("Ілияс Омаров", "Ильяс Омаров"),
            ("Яна Ким", "Яна Ким"),
            ("Қайрат Сейітов", "Кайрат Сеитов"),
            ("Бақыт Ахметов", ""),
            ("Әсел Нұрланқызы", "Асель Нурланкызы"),
        ]
    ]


PEOPLE_KAZAKH = ["Әсел Нұрланқызы", "Бақыт Ахметов", "Қайрат Сейітов", "Ілияс Омаров", "Яна Ким"]
PEOPLE_RUSSIAN = ["Асель Нурланкызы", "Бақыт Ахметов", "Ильяс Омаров", "Кайрат Сеитов", "Яна Ким"]


@pytest.mark.parametrize(("language", "order"), [("kk", PEOPLE_KAZAKH), ("ru", PEOPLE_RUSSIAN)])
def test_people_are_listed_in_the_alphabet_of_the_admins_language(
    client, editor, people, language, order
):
    client.force_login(editor)
    client.cookies["django_language"] = language
    url = reverse("admin:events_person_changelist")

    def names(response):
        return [person.name for person in response.context["cl"].result_list]

    listed = names(client.get(url))
    # Column 1: the name (0 is the action's check box).
    by_name = names(client.get(url, {"o": "1"}))
    by_name_reversed = names(client.get(url, {"o": "-1"}))

    assert listed == by_name == order
    assert by_name_reversed == order[::-1]


@pytest.mark.parametrize(("language", "order"), [("kk", PEOPLE_KAZAKH), ("ru", PEOPLE_RUSSIAN)])
def test_people_to_choose_as_speakers_come_in_the_admins_alphabet(
    client, editor, people, language, order
):
    client.force_login(editor)
    client.cookies["django_language"] = language
    query = {"app_label": "events", "model_name": "appearance", "field_name": "person"}

    results = client.get(reverse("admin:autocomplete"), {**query, "term": ""}).json()["results"]

    assert [result["text"] for result in results] == order


@pytest.mark.parametrize(("language", "order"), [("kk", PEOPLE_KAZAKH), ("ru", PEOPLE_RUSSIAN)])
@pytest.mark.parametrize("model", ["appearance", "statement"])
def test_speakers_sort_by_person_in_the_admins_alphabet(
    client, editor, people, model, language, order
):
    item = ProgrammeItemFactory()
    for number, person in enumerate(people):
        if model == "appearance":
            Appearance.objects.create(programme_item=item, person=person, order=number)
        else:
            Statement.objects.create(forum=item.forum, person=person, order=number, text_kk="Сөз")
    client.force_login(editor)
    client.cookies["django_language"] = language
    url = reverse(f"admin:events_{model}_changelist")

    def names(response):
        return [row.person.name for row in response.context["cl"].result_list]

    # Column 1: the person (0 is the action's check box).
    by_person = names(client.get(url, {"o": "1"}))
    by_person_reversed = names(client.get(url, {"o": "-1"}))
    # Unsorted, the rows keep their programme's order.
    listed = names(client.get(url))

    assert by_person == order
    assert by_person_reversed == order[::-1]
    assert listed == [person.name for person in people]


def test_people_stored_before_the_sort_keys_get_them_from_the_migration(db):
    # Migrating the test database back and forth would leave it changed for later
    # tests: the migration's function is run on people without keys instead.
    migration = importlib.import_module("events.migrations.0005_person_sort_keys")
    pk = Person.objects.create(name_kk="Әсел", name_ru="").pk
    Person.objects.update(sort_key_kk="", sort_key_ru="")

    migration.fill_sort_keys(django_apps, None)

    person = Person.objects.get(pk=pk)
    assert (person.sort_key_kk, person.sort_key_ru) == (
        alphabet_sort_key("Әсел", "kk"),
        alphabet_sort_key("Әсел", "ru"),
    )
    assert person.sort_key_kk != ""
