"""Web addresses (slugs) in the admin: typed in Kazakh or Russian, or left for the booth to make."""

import pytest

from exhibitors.models import Booth, Theme
from tests.factories import ForumFactory, OrganisationFactory


def add_theme(client, slug):
    return client.post(
        "/admin/exhibitors/theme/add/",
        {
            "name_kk": "Инклюзивті қоғам",
            "name_ru": "Инклюзивное общество",
            "slug": slug,
            "order": 0,
        },
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Инклюзивті қоғам", "inklyuzivti-qogam"),
        ("инклюзивное-общество", "inklyuzivnoe-obshchestvo"),
        # Latin addresses are kept as typed.
        ("inclusive_society", "inclusive_society"),
    ],
)
def test_an_address_typed_in_any_alphabet_is_stored_in_latin_letters(client, editor, typed, stored):
    client.force_login(editor)

    response = add_theme(client, typed)

    assert response.status_code == 302
    assert Theme.objects.get().slug == stored


def test_an_address_with_no_letter_to_write_is_refused_in_the_admins_language(client, editor):
    client.force_login(editor)

    response = add_theme(client, "«»")

    assert response.context["adminform"].form.errors["slug"] == ["Бұл өрісті толтыру міндетті."]
    assert not Theme.objects.exists()


def test_a_booth_added_without_an_address_gets_one_from_its_organisation(client, moderator):
    forum = ForumFactory()
    organisation = OrganisationFactory(name_kk="«Үміт» қоғамдық бірлестігі")
    client.force_login(moderator)

    response = client.post(
        "/admin/exhibitors/booth/add/",
        {
            "forum": forum.pk,
            "organisation": organisation.pk,
            "slug": "",
            "project_title_kk": "Ымдау тілі мектебі",
            "project_title_ru": "Школа жестового языка",
            "photos-TOTAL_FORMS": 0,
            "photos-INITIAL_FORMS": 0,
        },
    )

    assert response.status_code == 302
    assert Booth.objects.get().slug == "umit-qogamdyq-birlestigi"
