"""Production settings: what they require, and what `check --deploy` makes of them."""

import json
import runpy

import pytest
from gunicorn.config import Config

from tests.django_process import BASE_DIR, client_requests, production_env, run_manage

HOST = "forum.example.kz"


def test_check_deploy_finds_nothing_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())

    assert result.returncode == 0, result.stderr
    assert result.stdout == "System check identified no issues (0 silenced).\n"
    assert result.stderr == ""


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CACHE_URL", "EMAIL_URL"]
)
def test_a_missing_production_setting_stops_the_start_naming_it(missing):
    result = run_manage("check", env=production_env(**{missing: None}))

    assert result.returncode == 1
    assert (
        f"ImproperlyConfigured: DJANGO_ENV=production needs these settings, which are not set: "
        f"{missing}. Set them in the environment (or .env); .env.example describes each."
    ) in result.stderr


def test_debug_is_refused_in_production():
    result = run_manage("check", env=production_env(DEBUG="true"))

    assert result.returncode == 1
    assert "DEBUG must be false with DJANGO_ENV=production" in result.stderr


def test_a_short_secret_key_is_refused_in_production():
    result = run_manage("check", env=production_env(SECRET_KEY="short"))

    assert result.returncode == 1
    assert "SECRET_KEY is too short for production" in result.stderr


def test_production_cookies_are_host_only_secure_httponly_and_samesite():
    # The admin's login form sets the CSRF cookie, its language switch the
    # language cookie, the display options theirs; the settings say the rest.
    script_env = production_env()
    secure = {"secure": True, "HTTP_HOST": HOST}
    switch = {
        **secure,
        "data": "language=ru&next=/admin/",
        "content_type": "application/x-www-form-urlencoded",
    }
    login, language, display = client_requests(
        [
            {"path": "/admin/login/", "extra": secure},
            {"path": "/i18n/setlang/", "method": "POST", "extra": switch},
            {"path": "/kk/display/?text=large", "extra": secure},
        ],
        env=script_env,
    )
    result = run_manage(
        "shell",
        "-c",
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'session': [s.SESSION_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE],"
        "'language': [s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY, s.LANGUAGE_COOKIE_SAMESITE]}))",
        env=script_env,
    )

    assert login["status"] == 200
    assert login["cookies"]["__Host-csrftoken"]["secure"] is True
    assert login["cookies"]["__Host-csrftoken"]["samesite"] == "Lax"
    assert login["cookies"]["__Host-csrftoken"]["path"] == "/"
    assert "domain" not in login["cookies"]["__Host-csrftoken"]
    for answer, name in [(language, "__Host-django_language"), (display, "__Host-display")]:
        assert answer["status"] == 302
        [(cookie_name, cookie)] = answer["cookies"].items()
        assert cookie_name == name
        assert (cookie["secure"], cookie["path"], "domain" in cookie) == (True, "/", False)
        assert (cookie["httponly"], cookie["samesite"]) == (True, "Lax")
    assert json.loads(result.stdout.splitlines()[-1]) == {
        "session": ["__Host-sessionid", True, True, "Lax"],
        "language": [True, True, "Lax"],
    }


def test_production_redirects_plain_http_to_https_but_not_the_probes():
    answers = client_requests(
        [
            {"path": "/kk/", "extra": {"HTTP_HOST": HOST}},
            {"path": "/healthz", "extra": {"HTTP_HOST": HOST}},
            # The proxy says the visitor came over HTTPS.
            {"path": "/healthz", "extra": {"HTTP_HOST": HOST, "HTTP_X_FORWARDED_PROTO": "https"}},
        ],
        env=production_env(),
    )

    assert [a["status"] for a in answers] == [301, 200, 200]
    assert answers[0]["headers"]["Location"] == f"https://{HOST}/kk/"
    assert "Strict-Transport-Security" not in answers[1]["headers"]
    assert (
        answers[2]["headers"]["Strict-Transport-Security"]
        == "max-age=63072000; includeSubDomains; preload"
    )
    assert "upgrade-insecure-requests" in answers[2]["headers"]["Content-Security-Policy"]


def test_the_mail_server_gets_a_timeout_in_production():
    """A slow SMTP server must not hold a worker (SECURITY.md): the backend gives up after 10 s."""
    result = run_manage(
        "shell",
        "-c",
        "from django.core.mail import get_connection; c = get_connection();"
        " print(type(c).__module__, c.timeout, c.use_tls)",
        env=production_env(),
    )

    assert result.stdout.splitlines()[-1] == "django.core.mail.backends.smtp 10 True"


GUNICORN_VARIABLES = [
    "GUNICORN_BIND",
    "WEB_CONCURRENCY",
    "GUNICORN_TIMEOUT",
    "GUNICORN_GRACEFUL_TIMEOUT",
    "GUNICORN_MAX_REQUESTS",
    "GUNICORN_MAX_REQUESTS_JITTER",
    "FORWARDED_ALLOW_IPS",
]


def gunicorn_config(monkeypatch, **environ):
    """gunicorn.conf.py as gunicorn reads it (its own loader validates every value)."""
    for name in GUNICORN_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    config = Config()
    for name, value in runpy.run_path(str(BASE_DIR / "gunicorn.conf.py")).items():
        if name in config.settings:
            config.set(name, value)
    return config


def test_gunicorn_bounds_requests_recycles_workers_and_trusts_only_the_proxy(monkeypatch):
    config = gunicorn_config(monkeypatch)

    assert config.address == [("127.0.0.1", 8000)]
    assert (config.timeout, config.graceful_timeout) == (30, 30)
    assert (config.max_requests, config.max_requests_jitter) == (20000, 2000)
    assert config.forwarded_allow_ips == ["127.0.0.1", "::1"]
    assert config.preload_app is False


def test_gunicorn_takes_the_proxys_address_from_the_environment(monkeypatch):
    config = gunicorn_config(monkeypatch, FORWARDED_ALLOW_IPS="10.0.0.5", GUNICORN_TIMEOUT="20")

    assert config.forwarded_allow_ips == ["10.0.0.5"]
    assert config.timeout == 20
