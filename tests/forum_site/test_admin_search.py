"""The admin's search and autocomplete ignore case in Kazakh and Russian, on SQLite too.

SQLite's LIKE folds ASCII letters only; forum_site/casefold.py folds the rest.
On PostgreSQL the admin's search is Django's own, unchanged.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import connection
from django.urls import reverse

from awards.models import Award
from events.models import Forum, Person
from exhibitors.models import Booth, Organisation
from forum_site.admin_tools import CaseFoldSearchMixin
from tests.factories import AwardFactory, BoothFactory, ForumFactory, ThemeFactory

# Kazakh's own letters and Russian ё, lower case and capital.
LETTERS = list(zip("әғқңөұүһіё", "ӘҒҚҢӨҰҮҺІЁ", strict=True))


def changelist_search(client, model, term):
    opts = model._meta
    response = client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), {"q": term}
    )
    assert response.status_code == 200
    # Sorted by code point: the order the lists show is not what is tested.
    return sorted(str(obj) for obj in response.context["cl"].result_list)


def autocomplete(client, app_label, model_name, field_name, term):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    return [row["text"] for row in response.json()["results"]]


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def test_an_edition_is_found_by_its_russian_title_in_capitals(admin_client):
    ForumFactory(title_kk="Әлеуметтік жобалар форум-көрмесі", title_ru="Форум социальных проектов")
    ForumFactory(title_kk="Көрме", title_ru="Выставка")

    assert changelist_search(admin_client, Forum, "ФОРУМ") == ["Әлеуметтік жобалар форум-көрмесі"]


def test_an_organisation_is_found_by_kazakh_words_in_either_case(admin_client):
    Organisation.objects.create(
        name_kk="Әлеуметтік инклюзивті бағдарламалар орталығы",
        name_ru="Центр социальных инклюзивных программ",
    )
    Organisation.objects.create(name_kk="«Альрами» клуб үйі", name_ru="Клубный дом «Альрами»")

    assert changelist_search(admin_client, Organisation, "ӘЛЕУМЕТТІК") == [
        "Әлеуметтік инклюзивті бағдарламалар орталығы"
    ]
    assert changelist_search(admin_client, Organisation, "әлеуметтік") == [
        "Әлеуметтік инклюзивті бағдарламалар орталығы"
    ]


def test_an_award_is_found_by_its_organisations_name_in_another_case(admin_client):
    found = AwardFactory(organisation__name_kk="«Қазақстандық саңыраулар қоғамы» ҚБ")
    AwardFactory(organisation__name_kk="Ұлттық еріктілер желісі")

    assert changelist_search(admin_client, Award, "САҢЫРАУЛАР") == [str(found)]


def test_every_kazakh_letter_and_yo_is_found_in_the_other_case(admin_client):
    for lower, upper in LETTERS:
        Person.objects.create(name_kk=f"а{lower}б", name_ru=f"в{upper}г")

    found = {
        upper: (
            changelist_search(admin_client, Person, f"А{upper}Б"),
            changelist_search(admin_client, Person, f"в{lower}г"),
        )
        for lower, upper in LETTERS
    }

    assert found == {upper: ([f"а{lower}б"], [f"а{lower}б"]) for lower, upper in LETTERS}


def test_a_staff_member_is_found_by_a_cyrillic_name_in_capitals(admin_client):
    User.objects.create_user("aigerim", first_name="Әйгерім", last_name="Қасымова")
    User.objects.create_user("marat", first_name="Марат", last_name="Оспанов")

    assert changelist_search(admin_client, User, "ҚАСЫМОВА") == ["aigerim"]


def test_quoted_phrases_and_several_words_are_searched_as_django_does(admin_client):
    Person.objects.create(name_kk="Әлеуметтік жобалар форумы", name_ru="")
    Person.objects.create(name_kk="Форумы жоқ әлеуметтік жобалар", name_ru="")
    Person.objects.create(name_kk="Жобалар", name_ru="")

    # Every word, anywhere and in any case; a quoted phrase, as written but in any case.
    assert changelist_search(admin_client, Person, "ФОРУМЫ ӘЛЕУМЕТТІК") == [
        "Форумы жоқ әлеуметтік жобалар",
        "Әлеуметтік жобалар форумы",
    ]
    assert changelist_search(admin_client, Person, '"ЖОБАЛАР ФОРУМЫ"') == [
        "Әлеуметтік жобалар форумы"
    ]


class PrefixedPersonAdmin(CaseFoldSearchMixin, admin.ModelAdmin):
    search_fields = ["^name_kk", "=name_ru"]


def search(model_admin, rf, user, term):
    request = rf.get("/", {"q": term})
    request.user = user
    changelist = model_admin.get_changelist_instance(request)
    return sorted(str(obj) for obj in changelist.get_queryset(request))


def test_search_field_prefixes_keep_their_meaning_in_any_case(rf, superuser):
    Person.objects.create(name_kk="Әлеуметтік жоба", name_ru="форум")
    Person.objects.create(name_kk="Жаңа әлеуметтік жоба", name_ru="форум-көрме")
    model_admin = PrefixedPersonAdmin(Person, admin.AdminSite())

    # ^: the start of the field; =: the whole field.
    assert search(model_admin, rf, superuser, "ӘЛЕУМЕТТІК") == ["Әлеуметтік жоба"]
    assert search(model_admin, rf, superuser, "ФОРУМ") == ["Әлеуметтік жоба"]
    assert search(model_admin, rf, superuser, "ФОРУМ-КӨРМЕ") == ["Жаңа әлеуметтік жоба"]


def test_percent_and_underscore_in_a_term_are_plain_characters(admin_client):
    Person.objects.create(name_kk="Жоба 100%", name_ru="")
    Person.objects.create(name_kk="Жоба 1000", name_ru="")
    Person.objects.create(name_kk="Жоба_Ә", name_ru="")
    Person.objects.create(name_kk="Жоба Ә", name_ru="")

    assert changelist_search(admin_client, Person, "100%") == ["Жоба 100%"]
    assert changelist_search(admin_client, Person, "ЖОБА_ә") == ["Жоба_Ә"]


class BoothThemeAdmin(CaseFoldSearchMixin, admin.ModelAdmin):
    search_fields = ["themes__name_kk", "organisation__name_kk"]


def test_a_search_through_many_to_many_lists_each_row_once(rf, superuser):
    booth = BoothFactory(organisation__name_kk="Үміт")
    booth.themes.add(
        ThemeFactory(name_kk="Инклюзивті қоғамдастық"), ThemeFactory(name_kk="Инклюзивті білім")
    )
    BoothFactory(organisation__name_kk="Шаңырақ")
    model_admin = BoothThemeAdmin(Booth, admin.AdminSite())

    assert search(model_admin, rf, superuser, "ИНКЛЮЗИВТІ") == [str(booth)]


def test_autocomplete_finds_an_edition_typed_in_capitals(client, editor):
    ForumFactory(title_kk="Әлеуметтік жобалар форум-көрмесі", title_ru="Форум социальных проектов")
    ForumFactory(title_kk="Көрме", title_ru="Выставка")
    client.force_login(editor)

    found = {
        term: autocomplete(client, "events", "programmeitem", "forum", term)
        for term in ("ФОРУМ", "ӘЛЕУМЕТТІК", "ҚОРЕ")
    }

    assert found == {
        "ФОРУМ": ["Әлеуметтік жобалар форум-көрмесі"],
        "ӘЛЕУМЕТТІК": ["Әлеуметтік жобалар форум-көрмесі"],
        "ҚОРЕ": [],
    }


def test_autocomplete_finds_an_organisation_in_lower_case(client, editor):
    Organisation.objects.create(name_kk="ҰЛТТЫҚ ЕРІКТІЛЕР ЖЕЛІСІ", name_ru="НАЦИОНАЛЬНАЯ СЕТЬ")
    Organisation.objects.create(name_kk="Үміт", name_ru="Надежда")
    client.force_login(editor)

    assert autocomplete(client, "awards", "award", "organisation", "ұлттық") == [
        "ҰЛТТЫҚ ЕРІКТІЛЕР ЖЕЛІСІ"
    ]
    assert autocomplete(client, "awards", "award", "organisation", "сеть") == [
        "ҰЛТТЫҚ ЕРІКТІЛЕР ЖЕЛІСІ"
    ]


def test_contact_names_are_searched_for_moderators_only_in_any_case(client, editor, moderator):
    booth = BoothFactory(contact_name="Айгүл Сәрсенова")
    BoothFactory(contact_name="Марат Оспанов")

    client.force_login(moderator)
    moderators_find = changelist_search(client, Booth, "СӘРСЕНОВА")
    client.force_login(editor)
    editors_find = changelist_search(client, Booth, "СӘРСЕНОВА")

    assert [moderators_find, editors_find] == [[str(booth)], []]


def test_every_searchable_admin_list_folds_case():
    unfolded = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if model_admin.search_fields and not isinstance(model_admin, CaseFoldSearchMixin)
    ]

    assert unfolded == []


@pytest.mark.skipif(connection.vendor == "sqlite", reason="PostgreSQL's search is Django's own")
def test_other_databases_get_djangos_search_unchanged(rf, superuser):
    class DjangoPersonAdmin(admin.ModelAdmin):
        search_fields = [*PrefixedPersonAdmin.search_fields, "position_kk", "statements__text_kk"]

    class FoldingPersonAdmin(CaseFoldSearchMixin, DjangoPersonAdmin):
        pass

    site = admin.AdminSite()
    request = rf.get("/")
    results = [
        model_admin(Person, site).get_search_results(request, Person.objects.all(), '"Әл е" ФОРУМ')
        for model_admin in (DjangoPersonAdmin, FoldingPersonAdmin)
    ]

    assert str(results[1][0].query) == str(results[0][0].query)
    assert results[1][1] == results[0][1]
    for name in ("contains", "startswith", "exact"):
        folded = Person.objects.filter(**{f"name_kk__casefold_{name}": "Ә%"})
        django = Person.objects.filter(**{f"name_kk__i{name}": "Ә%"})
        assert str(folded.query) == str(django.query)
