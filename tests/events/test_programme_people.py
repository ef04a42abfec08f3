"""How the programme names the people who spoke: the role first, as a label, not a button."""

import pytest

from events.models import Appearance


@pytest.mark.parametrize("language, role", [("kk", "Баяндамашы"), ("ru", "Спикер")])
def test_a_person_is_named_after_their_role(client, article_forum, language, role):
    appearance = Appearance.objects.select_related("person").get()
    name = getattr(appearance.person, f"name_{language}")

    html = client.get(f"/{language}/programme/").content.decode()

    assert f'<span class="tag">{role}:</span> <strong>{name}</strong>' in html
