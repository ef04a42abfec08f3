import html
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags
from pytest_django.asserts import assertContains

from events.models import Forum
from exhibitors.models import Booth
from exhibitors.services import application_approve, application_reject, application_withdraw
from tests.factories import BoothFactory, ForumFactory, OrganisationFactory, ThemeFactory

CHANGELIST = "/admin/exhibitors/booth/"


@pytest.fixture
def staff_client(client, db):
    user = User.objects.create_superuser("moderator", "moderator@example.kz", "x-long-password-1")
    client.force_login(user)
    return client


@pytest.fixture
def pending(open_forum):
    def make(count=1, **kwargs):
        return [
            BoothFactory(forum=open_forum, status=Booth.Status.SUBMITTED, **kwargs)
            for _ in range(count)
        ]

    return make


def act(client, action, booths, **extra):
    data = {"action": action, "_selected_action": [b.pk for b in booths], **extra}
    return client.post(CHANGELIST, data)


def test_the_queue_filters_by_status_edition_theme_and_date(staff_client, pending):
    theme = ThemeFactory()
    booth = pending()[0]
    booth.themes.add(theme)
    BoothFactory(status=Booth.Status.APPROVED)

    response = staff_client.get(
        CHANGELIST,
        {
            "status__exact": "submitted",
            "forum__id__exact": booth.forum_id,
            "themes__id__exact": theme.pk,
            "submitted_at__gte": "2000-01-01 00:00:00+05:00",
        },
    )

    assert list(response.context["cl"].result_list) == [booth]


def test_the_queue_searches_reference_codes_names_and_bins(staff_client, pending):
    booth, _other = pending(2)

    response = staff_client.get(CHANGELIST, {"q": booth.reference_code})

    assert list(response.context["cl"].result_list) == [booth]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_queue_runs_as_many_queries_with_many_applications_as_with_few(staff_client, pending):
    pending(3)
    few = count_queries(staff_client, CHANGELIST)

    pending(60)
    many = count_queries(staff_client, CHANGELIST)

    assert many == few


def test_approving_from_the_queue_numbers_the_booths_and_makes_them_public(
    staff_client, pending, django_capture_on_commit_callbacks
):
    booths = pending(2)

    with django_capture_on_commit_callbacks(execute=True):
        response = act(staff_client, "approve_selected", booths)

    assert response.status_code == 302
    assert sorted(Booth.objects.public().values_list("number", flat=True)) == [1, 2]
    assert len(mail.outbox) == 2
    assert Booth.objects.get(pk=booths[0].pk).reviewed_by.username == "moderator"


def test_rejecting_asks_for_a_reason_first(staff_client, pending):
    booths = pending(2)

    response = act(staff_client, "reject_selected", booths)

    assert response.status_code == 200
    assertContains(response, 'name="reason"')
    for booth in booths:
        assertContains(response, f'name="_selected_action" value="{booth.pk}"')
    assert Booth.objects.filter(status=Booth.Status.SUBMITTED).count() == 2


def test_rejecting_without_a_reason_is_refused(staff_client, pending):
    booths = pending()

    response = act(staff_client, "reject_selected", booths, reason="  ")

    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert Booth.objects.get().status == Booth.Status.SUBMITTED


def test_rejecting_with_a_reason_rejects_them_all_and_tells_each_applicant(
    staff_client, pending, django_capture_on_commit_callbacks
):
    booths = pending(2)

    with django_capture_on_commit_callbacks(execute=True):
        response = act(staff_client, "reject_selected", booths, reason="Орын қалмады.")

    assert response.status_code == 302
    assert set(Booth.objects.values_list("status", "rejection_reason")) == {
        ("rejected", "Орын қалмады.")
    }
    assert list(Booth.objects.public()) == []
    assert len(mail.outbox) == 2


def messages_of(response):
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


def test_rejecting_again_skips_the_rejected_and_says_so(
    client, moderator, pending, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    rejected, waiting = pending(2)
    application_reject(booth=rejected, reason="Орын қалмады.")

    confirm = act(client, "reject_selected", [rejected, waiting])
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            CHANGELIST,
            {"action": "reject_selected", "_selected_action": [waiting.pk], "reason": "Кеш."},
            follow=True,
        )

    assert list(confirm.context["booths"]) == [waiting]
    assert messages_of(confirm) == [
        (
            "warning",
            "1 өтінім бұрын қабылданбаған: өзгеріссіз қалдырылды, "
            "өтініш берушіге қайта хат жіберілмейді.",
        )
    ]
    assert messages_of(done) == [
        ("info", "1 өтінім қабылданбады; өтініш берушілерге себебі хабарланады.")
    ]
    assert [message.to for message in mail.outbox] == [[waiting.contact_email]]
    assert Booth.objects.get(pk=rejected.pk).rejection_reason == "Орын қалмады."


def test_rejecting_only_rejected_applications_asks_nothing(client, moderator, pending):
    client.force_login(moderator)
    booth = application_reject(booth=pending()[0], reason="Орын қалмады.")

    response = act(client, "reject_selected", [booth])

    assert response.status_code == 302
    assert Booth.objects.get().rejection_reason == "Орын қалмады."


def test_approving_approved_applications_says_they_are_left_as_they_are(client, moderator, pending):
    client.force_login(moderator)
    client.cookies["django_language"] = "ru"
    booth = application_approve(booth=pending()[0])

    response = client.post(
        CHANGELIST, {"action": "approve_selected", "_selected_action": [booth.pk]}, follow=True
    )

    assert messages_of(response) == [
        ("warning", "1 заявка уже была одобрена: она оставлена как есть.")
    ]
    assert Booth.objects.get().number == 1


def test_status_is_changed_only_by_the_actions(staff_client, pending):
    booth = pending()[0]

    response = staff_client.get(f"{CHANGELIST}{booth.pk}/change/")

    assert "status" not in response.context["adminform"].form.fields


# Images uploaded in the admin get the public form's checks


def test_a_logo_uploaded_in_the_admin_is_checked_and_reencoded(staff_client, settings):
    from PIL import Image

    from exhibitors.models import Organisation
    from tests import files

    refused = staff_client.post(
        "/admin/exhibitors/organisation/add/",
        {
            "name_kk": "«Үміт» ҚБ",
            "logo": files.polyglot_jpeg_zip(),
            "logo_alt_kk": "Логотип",
            "logo_alt_ru": "Логотип",
        },
    )
    accepted = staff_client.post(
        "/admin/exhibitors/organisation/add/",
        {
            "name_kk": "«Үміт» ҚБ",
            "logo": files.jpeg_with_gps(),
            "logo_alt_kk": "Логотип",
            "logo_alt_ru": "Логотип",
        },
    )

    assert "logo" in refused.context["adminform"].form.errors
    assert accepted.status_code == 302
    organisation = Organisation.objects.get()
    assert organisation.logo.name.startswith("logos/")
    assert organisation.logo.name.endswith("-600.jpg")
    assert len(organisation.logo_renditions) == 6
    with Image.open(organisation.logo.path) as image:
        assert not image.getexif()
    stored = sorted(p.name for p in (settings.MEDIA_ROOT / "logos").iterdir())
    assert len(stored) == 6 and not any("phone" in name for name in stored)


def test_replacing_a_photo_in_the_admin_removes_the_old_files(
    staff_client, pending, settings, django_capture_on_commit_callbacks
):
    from exhibitors.forms import BoothPhotoAdminForm
    from tests import files

    booth = pending()[0]
    first = BoothPhotoAdminForm(
        {"booth": booth.pk, "alt_kk": "Бір", "alt_ru": "Один", "order": 0},
        {"image": files.jpeg(size=(500, 400))},
    )
    assert first.is_valid(), first.errors
    with django_capture_on_commit_callbacks(execute=True):
        photo = first.save()
    old_names = [r["name"] for r in photo.renditions]

    second = BoothPhotoAdminForm(
        {"booth": booth.pk, "alt_kk": "Екі", "alt_ru": "Два", "order": 0},
        {"image": files.png(size=(300, 200))},
        instance=photo,
    )
    assert second.is_valid(), second.errors
    with django_capture_on_commit_callbacks(execute=True):
        photo = second.save()

    assert (photo.width, photo.height) == (300, 200)
    assert not any((settings.MEDIA_ROOT / name).exists() for name in old_names)
    assert all((settings.MEDIA_ROOT / r["name"]).exists() for r in photo.renditions)


def test_deleting_a_photo_removes_its_files(pending, settings, django_capture_on_commit_callbacks):
    from exhibitors.forms import BoothPhotoAdminForm
    from tests import files

    form = BoothPhotoAdminForm(
        {"booth": pending()[0].pk, "alt_kk": "Бір", "alt_ru": "Один", "order": 0},
        {"image": files.jpeg()},
    )
    assert form.is_valid()
    photo = form.save()
    names = [r["name"] for r in photo.renditions]

    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()

    assert names and not any((settings.MEDIA_ROOT / name).exists() for name in names)


# The admin's index: what waits for the moderators


def pending_line(response):
    html = response.content.decode()
    start = html.find('<p class="pending-applications">')
    return (
        None if start < 0 else " ".join(strip_tags(html[start : html.index("</p>", start)]).split())
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("kk", "2 стенд өтінімі шешім күтуде"), ("ru", "2 заявки на стенд ждут решения")],
)
def test_the_index_counts_the_applications_awaiting_a_decision_and_links_them(
    client, moderator, pending, language, expected
):
    pending(2)
    BoothFactory(status=Booth.Status.APPROVED)
    BoothFactory(status=Booth.Status.REJECTED)
    client.force_login(moderator)
    client.cookies["django_language"] = language

    response = client.get("/admin/")

    assert pending_line(response) == expected
    assertContains(response, f'<a href="{CHANGELIST}?status__exact=submitted">')


def test_the_index_says_when_no_application_waits(client, moderator):
    client.force_login(moderator)

    assert pending_line(client.get("/admin/")) == "Шешім күтіп тұрған стенд өтінімі жоқ."


def test_editors_who_do_not_moderate_see_no_count(client, editor, pending):
    pending(1)
    client.force_login(editor)

    assert pending_line(client.get("/admin/")) is None


def test_a_withdrawn_exhibitor_leaves_the_site_without_a_rejection_letter(
    client, moderator, pending, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    booth = application_approve(booth=pending()[0])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            CHANGELIST,
            {"action": "withdraw_selected", "_selected_action": [booth.pk]},
            follow=True,
        )

    booth.refresh_from_db()
    assert (booth.status, booth.number, booth.rejection_reason) == ("withdrawn", None, "")
    assert list(Booth.objects.public()) == []
    assert mail.outbox == []
    assert messages_of(response) == [
        (
            "info",
            "1 өтінім қайтарып алынды деп белгіленді: стенд сайтта көрсетілмейді; "
            "хат жіберілмейді.",
        )
    ]
    assert LogEntry.objects.get(object_id=str(booth.pk), user=moderator).change_message


def test_withdrawing_twice_changes_nothing(client, moderator, pending):
    client.force_login(moderator)
    client.cookies["django_language"] = "ru"
    booth = application_withdraw(booth=pending()[0])

    response = client.post(
        CHANGELIST, {"action": "withdraw_selected", "_selected_action": [booth.pk]}, follow=True
    )

    assert messages_of(response) == [
        ("warning", "1 заявка уже была отозвана: она оставлена как есть.")
    ]
    assert not LogEntry.objects.filter(user=moderator).exists()


# Lists sorted in the alphabet of the admin's language


@pytest.fixture
def organisations(db):
    """Names whose alphabetical order differs from the order of their letters' codes.

    One has no Russian name: Russian pages show (and sort) its Kazakh one.
    """
    return [
        OrganisationFactory(name_kk=kk, name_ru=ru)
        for kk, ru in [
            ("«Ізгілік» ҚБ", "«Добро»"),
            ("«Альрами» үйі", "«Якорь»"),
            ("«Тұлпар» ҚБ", ""),
            ("«Ұлы дала» қоры", "«Великая степь»"),
            ("«Әлем» ҚБ", "«Мир»"),
        ]
    ]


KAZAKH_ORDER = ["«Альрами» үйі", "«Әлем» ҚБ", "«Тұлпар» ҚБ", "«Ұлы дала» қоры", "«Ізгілік» ҚБ"]
RUSSIAN_ORDER = ["«Великая степь»", "«Добро»", "«Мир»", "«Тұлпар» ҚБ", "«Якорь»"]


def names_in(response, field):
    return [getattr(obj, field) for obj in response.context["cl"].result_list]


@pytest.mark.parametrize(("language", "order"), [("kk", KAZAKH_ORDER), ("ru", RUSSIAN_ORDER)])
def test_organisations_are_listed_in_the_alphabet_of_the_admins_language(
    client, editor, organisations, language, order
):
    client.force_login(editor)
    client.cookies["django_language"] = language
    url = "/admin/exhibitors/organisation/"

    listed = names_in(client.get(url), "name")
    # Column 2: the name (0 is the action's check box, 1 the logo).
    by_name = names_in(client.get(url, {"o": "2"}), "name")
    by_name_reversed = names_in(client.get(url, {"o": "-2"}), "name")

    assert listed == by_name == order
    assert by_name_reversed == order[::-1]


def test_booths_sort_by_their_organisation_in_the_admins_alphabet(client, moderator, organisations):
    for organisation in organisations:
        BoothFactory(organisation=organisation)
    client.force_login(moderator)
    client.cookies["django_language"] = "ru"

    response = client.get(CHANGELIST, {"o": "2"})

    names = [booth.organisation.name for booth in response.context["cl"].result_list]
    assert names == RUSSIAN_ORDER


# The rejection page: what rejecting takes off the site, and the e-mail it sends


def section(response, css_class):
    """The text of the page's <section class="css_class">, or None."""
    found = re.search(
        rf'<section class="{css_class}".*?</section>', response.content.decode(), re.S
    )
    return found and found.group()


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("kk", "Назар аударыңыз: қазір сайтта көрсетіліп тұрған стендтер"),
        ("ru", "Внимание: стенды, которые сейчас показаны на сайте"),
    ],
)
def test_the_rejection_page_names_the_selected_booths_that_are_public_now(
    client, moderator, pending, language, heading
):
    client.force_login(moderator)
    client.cookies["django_language"] = language
    waiting = pending()[0]
    public = application_approve(booth=pending()[0])
    in_a_draft = BoothFactory(forum=ForumFactory(status=Forum.Status.DRAFT))

    response = act(client, "reject_selected", [waiting, public, in_a_draft])

    warning = section(response, "rejection-warning")
    assert f'<h2 id="public-booths-heading">{heading}</h2>' in warning
    assert re.findall(r"<li>(\S+) —", warning) == [public.reference_code]


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("kk", "Назар аударыңыз: мақұлданған, бірақ сайтта әлі көрсетілмеген стендтер"),
        ("ru", "Внимание: одобренные стенды, которых ещё нет на сайте"),
    ],
)
def test_the_rejection_page_names_the_selected_booths_approved_in_a_draft_edition(
    client, moderator, pending, language, heading
):
    client.force_login(moderator)
    client.cookies["django_language"] = language
    waiting = pending()[0]
    public = application_approve(booth=pending()[0])
    draft = ForumFactory(status=Forum.Status.DRAFT)
    approved_in_a_draft = application_approve(
        booth=BoothFactory(forum=draft, status=Booth.Status.SUBMITTED)
    )
    waiting_in_a_draft = BoothFactory(forum=draft, status=Booth.Status.SUBMITTED)

    response = act(
        client, "reject_selected", [waiting, public, approved_in_a_draft, waiting_in_a_draft]
    )

    warnings = re.findall(
        r'<section class="rejection-warning".*?</section>', response.content.decode(), re.S
    )
    assert len(warnings) == 2
    assert re.findall(r"<li>(\S+) —", warnings[0]) == [public.reference_code]
    assert f'<h2 id="approved-draft-booths-heading">{heading}</h2>' in warnings[1]
    assert re.findall(r"<li>(\S+) —", warnings[1]) == [approved_in_a_draft.reference_code]


def test_the_rejection_page_warns_of_nothing_when_no_selected_booth_is_public(
    client, moderator, pending
):
    client.force_login(moderator)

    response = act(client, "reject_selected", pending(2))

    assert section(response, "rejection-warning") is None


def test_the_rejection_page_shows_the_e_mail_as_it_is_sent_in_the_applications_language(
    client, moderator, pending, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    client.cookies["django_language"] = "kk"
    booth = pending(language="ru", contact_name="<b>Аня</b>")[0]

    page = act(client, "reject_selected", [booth])
    with django_capture_on_commit_callbacks(execute=True):
        act(client, "reject_selected", [booth], reason="Мест не осталось.")

    preview = section(page, "email-preview")
    assert "&lt;b&gt;Аня&lt;/b&gt;" in preview
    assert "<b>Аня</b>" not in preview
    body = html.unescape(re.search(r'<pre lang="ru">(.*?)</pre>', preview, re.S).group(1))
    subject = html.unescape(re.search(r'<span lang="ru">(.*?)</span>', preview).group(1))
    assert "Причина: [төменде жазатын себебіңіз]" in body
    [sent] = mail.outbox
    assert (sent.subject, sent.body) == (
        subject,
        body.replace("[төменде жазатын себебіңіз]", "Мест не осталось."),
    )
