import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

from forum_site.services import forum_load_article


@pytest.fixture(scope="session", autouse=True)
def collected_static(tmp_path_factory):
    """Pages link fingerprinted static files, so tests need a real manifest, as production has."""
    with override_settings(STATIC_ROOT=tmp_path_factory.mktemp("static")):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def article_forum(db):
    """The source article's edition, loaded as `manage.py load_forum` loads it."""
    return forum_load_article()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached page: a page asked for twice in one test is a cache hit."""
    cache.clear()
    yield
    cache.clear()
