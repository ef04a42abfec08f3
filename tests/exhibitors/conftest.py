import datetime
import uuid

import pytest
from django.utils import timezone

from exhibitors.validators import bin_check_digit
from tests.factories import ForumFactory, ThemeFactory


def valid_bin(first_eleven="12345678901"):
    return first_eleven + str(bin_check_digit(first_eleven))


@pytest.fixture
def open_forum(db):
    """The current edition, taking applications since yesterday with no closing date."""
    return ForumFactory(
        slug="next",
        applications_open_from=timezone.now() - datetime.timedelta(days=1),
    )


@pytest.fixture
def themes(db):
    return [ThemeFactory(slug="inclusive"), ThemeFactory(slug="creative")]


@pytest.fixture
def application_data(themes):
    """What a visitor fills in: every required field, nothing optional."""

    def make(**changes):
        data = {
            "submission_token": str(uuid.uuid4()),
            "organisation_name_kk": "«Үміт» қоғамдық бірлестігі",
            "organisation_name_ru": "",
            "legal_form": "public_association",
            "bin": valid_bin(),
            "city": "Астана",
            "website": "",
            "contact_name": "Әйгерім Қасымова",
            "contact_email": "aigerim@example.kz",
            "contact_phone": "+7 701 234 56 78",
            "project_title_kk": "Ымдау тілі мектебі",
            "project_title_ru": "",
            "description_kk": "Естімейтін балаларға арналған сабақтар.",
            "description_ru": "",
            "themes": [themes[0].pk],
            "consent": "on",
            "fax": "",
        }
        data.update(changes)
        return {key: value for key, value in data.items() if value is not None}

    return make


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limit counters live in the cache: every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
