import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

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


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language (Kazakh).

    A request leaves its language active in the thread, so a test that reads a
    translated field outside a request would otherwise depend on the test before it.
    """
    with translation.override(settings.LANGUAGE_CODE):
        yield


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


def _staff(username, group=None, **extra):
    user = User.objects.create_user(
        username, f"{username}@example.kz", "Жаз-2025-құпия!", is_staff=True, **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db):
    return _staff("editor", "Editors")


@pytest.fixture
def moderator(db):
    return _staff("moderator", "Moderators")


@pytest.fixture
def superuser(db):
    return _staff("it", is_superuser=True)
