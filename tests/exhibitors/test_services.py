import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.db import IntegrityError
from django.test import Client

from exhibitors.models import Booth
from exhibitors.services import (
    application_approve,
    application_reject,
    applications_approve,
    moderator_emails,
)
from tests.factories import BoothFactory

APPLY = "/{}/exhibition/apply/"


class FailingEmailBackend:
    """A mail server that refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server is down")


@pytest.fixture
def submitted(open_forum):
    def make(**kwargs):
        return BoothFactory(forum=open_forum, status=Booth.Status.SUBMITTED, **kwargs)

    return make


def send(client, data, language, capture):
    with capture(execute=True):
        return client.post(APPLY.format(language), data)


# E-mail after an application


@pytest.mark.parametrize(
    ("language", "subject", "greeting"),
    [
        ("kk", "стенд өтініміңіз қабылданды", "Құрметті Әйгерім Қасымова!"),
        ("ru", "Ваша заявка на стенд", "Здравствуйте, Әйгерім Қасымова!"),
    ],
)
def test_the_contact_is_mailed_in_the_language_they_applied_in(
    client, open_forum, application_data, django_capture_on_commit_callbacks, settings,
    language, subject, greeting,
):  # fmt: skip
    settings.MODERATORS_EMAILS = []

    send(client, application_data(), language, django_capture_on_commit_callbacks)

    booth = Booth.objects.get()
    [message] = mail.outbox
    assert message.to == ["aigerim@example.kz"]
    assert subject in message.subject
    assert booth.reference_code in message.subject
    assert message.body.startswith(greeting)
    assert booth.reference_code in message.body


def test_what_the_applicant_typed_reaches_the_mail_as_typed_on_one_subject_line(
    client, open_forum, application_data, django_capture_on_commit_callbacks, settings
):
    # Plain-text mail: nothing is HTML-escaped, and a line break typed into a
    # name cannot add a header.
    settings.MODERATORS_EMAILS = ["moderator@example.kz"]
    name = '«Ана & Бала» <Үміт> "Жарық"\nBcc: victim@example.com'
    data = application_data(organisation_name_kk=name, contact_name="Әйгерім & Co")

    send(client, data, "kk", django_capture_on_commit_callbacks)

    contact, moderators = mail.outbox
    typed = '«Ана & Бала» <Үміт> "Жарық" Bcc: victim@example.com'
    assert typed in moderators.subject
    assert "&amp;" not in moderators.subject + moderators.body + contact.body
    assert '«Ана & Бала» <Үміт> "Жарық"\nBcc: victim@example.com' in contact.body
    assert contact.body.startswith("Құрметті Әйгерім & Co!")
    for message in (contact, moderators):
        assert message.bcc == []
        headers = message.message()
        assert headers["Bcc"] is None
        assert "\n" not in message.subject


def test_moderators_are_mailed_in_both_languages_with_a_link_to_the_admin(
    client, open_forum, application_data, django_capture_on_commit_callbacks, settings
):
    settings.MODERATORS_EMAILS = ["moderator@example.kz"]
    settings.SITE_URL = "https://forum.example.kz"
    group, _created = Group.objects.get_or_create(name="Moderators")
    staff = User.objects.create_user("aru", "aru@example.kz", is_staff=True)
    staff.groups.add(group)
    User.objects.create_user("left", "left@example.kz", is_staff=True, is_active=False).groups.add(
        group
    )
    User.objects.create_user("other", "other@example.kz", is_staff=True)

    send(client, application_data(), "kk", django_capture_on_commit_callbacks)

    booth = Booth.objects.get()
    message = next(m for m in mail.outbox if m.to != ["aigerim@example.kz"])
    assert message.to == ["moderator@example.kz", "aru@example.kz"]
    assert "Стендке жаңа өтінім" in message.subject and "Новая заявка на стенд" in message.subject
    assert "модерацияны күтіп тұр" in message.body and "ждёт модерации" in message.body
    assert f"https://forum.example.kz/admin/exhibitors/booth/{booth.pk}/change/" in message.body


def test_without_moderators_only_the_contact_is_mailed(
    client, open_forum, application_data, django_capture_on_commit_callbacks, settings
):
    settings.MODERATORS_EMAILS = []

    send(client, application_data(), "kk", django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [["aigerim@example.kz"]]
    assert moderator_emails() == []


def test_no_mail_is_sent_before_the_application_is_committed(
    client, open_forum, application_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(APPLY.format("kk"), application_data())

    assert mail.outbox == []
    assert len(callbacks) == 1


def test_a_failing_mail_server_keeps_the_application(
    client, open_forum, application_data, django_capture_on_commit_callbacks, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.exhibitors.test_services.FailingEmailBackend"
    settings.MODERATORS_EMAILS = ["moderator@example.kz"]

    response = send(client, application_data(), "kk", django_capture_on_commit_callbacks)

    booth = Booth.objects.get()
    assert response.status_code == 302
    assert response.url == f"/kk/exhibition/apply/thanks/{booth.submission_token}/"
    failures = [r for r in caplog.records if r.getMessage().startswith("Could not send the e-mail")]
    assert len(failures) == 2  # the contact's and the moderators'


def test_a_failing_mail_server_does_not_stop_a_decision(
    submitted, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.exhibitors.test_services.FailingEmailBackend"
    booth = submitted()

    with django_capture_on_commit_callbacks(execute=True):
        application_approve(booth=booth)

    booth.refresh_from_db()
    assert booth.status == Booth.Status.APPROVED


# Moderation


def test_approving_makes_the_booth_public_at_once_with_the_next_number(submitted, open_forum):
    BoothFactory(forum=open_forum, number=4)
    booth = submitted()

    application_approve(booth=booth)

    booth.refresh_from_db()
    assert (booth.status, booth.number) == (Booth.Status.APPROVED, 5)
    assert booth.reviewed_at is not None
    assert booth in Booth.objects.public()
    assert Client().get(f"/kk/exhibition/{booth.slug}/").status_code == 200


def test_rejecting_keeps_the_booth_private_and_records_the_reason(submitted):
    booth = submitted()

    application_reject(booth=booth, reason="Тақырып көрмеге сәйкес емес.")

    booth.refresh_from_db()
    assert booth.status == Booth.Status.REJECTED
    assert booth.rejection_reason == "Тақырып көрмеге сәйкес емес."
    assert booth not in Booth.objects.public()
    assert Client().get(f"/kk/exhibition/{booth.slug}/").status_code == 404


def test_a_rejection_needs_a_reason(submitted):
    booth = submitted()

    with pytest.raises(ValueError):
        application_reject(booth=booth, reason="  ")

    booth.refresh_from_db()
    assert booth.status == Booth.Status.SUBMITTED


def test_rejecting_an_approved_booth_hides_it_and_frees_its_number(submitted):
    booth = application_approve(booth=submitted())

    application_reject(booth=booth, reason="Ұйым қатысудан бас тартты.")

    booth.refresh_from_db()
    assert (booth.status, booth.number) == (Booth.Status.REJECTED, None)


def test_approving_twice_changes_nothing(submitted):
    booth = application_approve(booth=submitted())

    again = application_approve(booth=booth)

    assert again.number == booth.number == 1


def test_bulk_approval_numbers_booths_in_the_order_they_were_sent(submitted):
    first, second, third = submitted(), submitted(), submitted()

    applications_approve(booths=Booth.objects.filter(pk__in=[third.pk, first.pk, second.pk]))

    assert list(Booth.objects.order_by("number").values_list("pk", "number")) == [
        (first.pk, 1),
        (second.pk, 2),
        (third.pk, 3),
    ]


def test_booth_numbers_are_unique_per_edition_in_the_database(open_forum):
    BoothFactory(forum=open_forum, number=1)
    BoothFactory(number=1)  # another edition may reuse it

    with pytest.raises(IntegrityError):
        BoothFactory(forum=open_forum, number=1)


@pytest.mark.parametrize(
    ("language", "decision", "expected"),
    [
        ("kk", "approve", ["мақұлданды", "Стенд нөмірі: 1"]),
        ("ru", "approve", ["одобрена", "Номер стенда: 1"]),
        ("kk", "reject", ["мақұлданбады", "Себебі: Орын жоқ."]),
        ("ru", "reject", ["не одобрена", "Причина: Орын жоқ."]),
    ],
)
def test_the_decision_is_mailed_to_the_contact_in_their_language(
    submitted, django_capture_on_commit_callbacks, language, decision, expected
):
    booth = submitted(language=language)

    with django_capture_on_commit_callbacks(execute=True):
        if decision == "approve":
            application_approve(booth=booth)
        else:
            application_reject(booth=booth, reason="Орын жоқ.")

    [message] = mail.outbox
    assert message.to == [booth.contact_email]
    for text in expected:
        assert text in message.body


def test_rejecting_twice_keeps_the_first_decision_and_writes_once(
    submitted, django_capture_on_commit_callbacks
):
    booth = submitted()
    with django_capture_on_commit_callbacks(execute=True):
        application_reject(booth=booth, reason="Орын жоқ.")
    first = Booth.objects.get(pk=booth.pk)

    with django_capture_on_commit_callbacks(execute=True):
        application_reject(booth=booth, reason="Басқа себеп.")

    booth.refresh_from_db()
    assert (booth.rejection_reason, booth.reviewed_at) == ("Орын жоқ.", first.reviewed_at)
    assert len(mail.outbox) == 1
