"""Staff login: lockout after repeated failures, sessions that expire, the language switch."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse

PASSWORD = "Жаз-2025-құпия!"


@pytest.fixture
def staff(db):
    return User.objects.create_user("aru", password=PASSWORD, is_staff=True)


def _fail(client, times, username="aru", address="10.0.0.1"):
    for _ in range(times):
        response = client.post(
            reverse("admin:login"),
            {"username": username, "password": "қате"},
            REMOTE_ADDR=address,
        )
    return response


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("kk", "Кіру уақытша бұғатталды"),
        ("ru", "Вход временно заблокирован"),
    ],
)
def test_fifth_failure_locks_the_account_with_a_clear_message(client, staff, language, message):
    client.cookies["django_language"] = language
    assert _fail(client, 4).status_code == 200
    locked = _fail(client, 1)
    assert locked.status_code == 429
    assert message in locked.text
    minutes = {"kk": "15 минуттан кейін", "ru": "через 15 мин."}[language]
    assert minutes in locked.text


def test_locked_account_refuses_even_the_right_password(client, staff):
    _fail(client, 5)
    response = client.post(
        reverse("admin:login"), {"username": "aru", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_one_client_guessing_many_names_is_locked(client, staff):
    for name in ["a1", "a2", "a3", "a4", "a5"]:
        _fail(client, 1, username=name, address="10.0.0.2")
    response = client.post(
        reverse("admin:login"), {"username": "aru", "password": PASSWORD}, REMOTE_ADDR="10.0.0.2"
    )
    assert response.status_code == 429


def test_success_before_the_limit_logs_in(client, staff):
    _fail(client, 3)
    response = client.post(
        reverse("admin:login"), {"username": "aru", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_staff_sessions_expire_after_a_working_day(client, staff):
    client.force_login(staff)
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert client.session.get_expiry_age() == 8 * 60 * 60


def test_password_validators_are_on():
    names = [validator["NAME"].rsplit(".", 1)[1] for validator in settings.AUTH_PASSWORD_VALIDATORS]
    assert names == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]


def test_language_switch_is_remembered_for_the_admin(client, staff):
    client.force_login(staff)
    index = reverse("admin:index")
    page = client.get(index)
    assert 'action="/i18n/setlang/"' in page.text and 'name="language"' in page.text
    response = client.post(reverse("set_language"), {"language": "ru", "next": index})
    assert response.status_code == 302 and response["Location"] == index
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    assert '<html lang="ru"' in client.get(index).text
    client.post(reverse("set_language"), {"language": "kk", "next": index})
    assert '<html lang="kk"' in client.get(index).text


def test_a_header_the_client_sets_does_not_change_its_address(client, staff, settings):
    """Without CLIENT_IP_HEADER only the socket's address counts: X-Forwarded-For is the client's own."""
    settings.CLIENT_IP_HEADER = ""
    for number in range(5):
        client.post(
            reverse("admin:login"),
            {"username": f"guess{number}", "password": "қате"},
            REMOTE_ADDR="10.0.0.3",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}",
            HTTP_X_REAL_IP=f"198.51.100.{number}",
        )

    response = client.post(
        reverse("admin:login"), {"username": "aru", "password": PASSWORD}, REMOTE_ADDR="10.0.0.3"
    )

    assert response.status_code == 429


def test_behind_the_proxy_its_header_names_the_client(client, staff, settings):
    """The proxy (one socket address) overwrites X-Real-IP: one client's lockout is not another's."""
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for number in range(5):
        client.post(
            reverse("admin:login"),
            {"username": f"guess{number}", "password": "қате"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_REAL_IP="203.0.113.7",
        )

    locked = client.post(
        reverse("admin:login"),
        {"username": "aru", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_REAL_IP="203.0.113.7",
    )
    other = client.post(
        reverse("admin:login"),
        {"username": "aru", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_REAL_IP="203.0.113.8",
    )

    assert locked.status_code == 429
    assert other.status_code == 302


def test_the_lockout_holds_while_the_cache_is_away(client, staff, settings, monkeypatch):
    """Failures are counted in the database: a dead Redis does not open the door (fails closed)."""
    from forum_site import cache_backends
    from tests.django_process import closed_port

    monkeypatch.setattr(cache_backends, "_outages", {})
    settings.CACHES = {
        "default": {
            "BACKEND": "forum_site.cache_backends.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }

    _fail(client, 5)
    response = client.post(
        reverse("admin:login"), {"username": "aru", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
