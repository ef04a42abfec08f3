"""How the programme names the people who spoke: the role first, as a label, not a button."""

import re

import pytest

from events.models import Appearance, Person
from tests.factories import ForumFactory, ProgrammeItemFactory

PEOPLE = ["Яна Ким", "Әсел Нұрланқызы", "Бақыт Ахметов"]


@pytest.mark.parametrize("language, role", [("kk", "Баяндамашы"), ("ru", "Спикер")])
def test_a_person_is_named_after_their_role(client, article_forum, language, role):
    appearance = Appearance.objects.select_related("person").get()
    name = getattr(appearance.person, f"name_{language}")

    html = client.get(f"/{language}/programme/").content.decode()

    assert f'<span class="tag">{role}:</span> <strong>{name}</strong>' in html


def test_speakers_are_shown_in_programme_order_not_by_name(client, db):
    """The appearances' order is the programme's: people's alphabetical order never decides it."""
    item = ProgrammeItemFactory(forum=ForumFactory(slug="edition"))
    for order, name in enumerate(PEOPLE, start=1):
        person = Person.objects.create(name_kk=name, name_ru=name)
        Appearance.objects.create(programme_item=item, person=person, order=order)

    html = client.get("/kk/programme/").content.decode()

    shown = re.findall(r"<strong>([^<]+)</strong>", html)
    assert [name for name in shown if name in PEOPLE] == PEOPLE
