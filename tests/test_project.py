"""Standing nets: migrations match the models, both languages are wired up."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation


def test_models_and_migrations_agree(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("kk", "Бағдарлама"), ("ru", "Программа")],
)
def test_a_known_string_is_translated(language, expected):
    with translation.override(language):
        assert translation.gettext("Programme") == expected


@pytest.mark.parametrize(("language", "section"), [("kk", "Бағдарлама"), ("ru", "Программа")])
def test_pages_render_in_the_requested_language(client, article_forum, language, section):
    response = client.get(f"/{language}/")

    assert f">{section}</a>" in response.content.decode()
