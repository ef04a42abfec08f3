"""The edition admin: the publish rule, inlines in order, history of actions, staff preview."""

from django.contrib.admin.models import LogEntry
from django.urls import reverse

from events.models import Forum
from events.services import forum_publish
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
