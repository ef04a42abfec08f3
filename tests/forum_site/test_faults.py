"""When a service fails: Redis away, PostgreSQL away, and what the log then says."""

import json
import logging
import socket
import sys

import pytest
from django.core.cache import cache
from pytest_django.asserts import assertContains
from redis.exceptions import ConnectionError as RedisConnectionError

from forum_site import cache_backends
from forum_site.request_id import JsonFormatter, RequestIdFilter
from tests.django_process import client_requests, closed_port, production_env


def redis_cache(location):
    return {
        "default": {
            "BACKEND": "forum_site.cache_backends.ResilientRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def fresh_outages(monkeypatch):
    """Each test starts with no outage remembered from another."""
    monkeypatch.setattr(cache_backends, "_outages", {})


@pytest.fixture
def redis_down(settings, fresh_outages):
    """The cache (and so the page cache) on a port where nothing listens."""
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{closed_port()}/0")


def redis_answers():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.parametrize(
    ("language", "text"),
    [("kk", "Әлеуметтік жобалар форум-көрмесі"), ("ru", "Форум-выставка социальных проектов")],
)
def test_pages_are_served_without_the_cache_when_redis_is_down(
    client, article_forum, redis_down, caplog, language, text
):
    first = client.get(f"/{language}/")
    again = client.get(f"/{language}/")
    programme = client.get(f"/{language}/programme/")

    assertContains(first, text)
    assertContains(again, text)
    assertContains(programme, text)
    # Logged once when Redis went away, not on every call after.
    warnings = [r for r in caplog.records if r.name == "forum_site.cache_backends"]
    assert [r.getMessage().split(" (")[0] for r in warnings] == ["Cache unavailable"]
    assert "ConnectionError" in warnings[0].getMessage()


def test_redis_down_reads_miss_and_writes_do_nothing(db, redis_down):
    cache.set("greeting", "сәлем")

    assert cache.get("greeting") is None
    assert cache.get("greeting", "default") == "default"
    assert cache.add("greeting", "сәлем") is False
    assert cache.get_many(["a", "b"]) == {}
    assert cache.get_or_set("computed", lambda: 42) == 42
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.delete("greeting") is False
    with pytest.raises(ValueError, match="not found"):
        cache.incr("counter")


def test_django_own_redis_backend_would_have_failed_the_page(settings, fresh_outages):
    # Why the wrapper exists: the same call through the unwrapped backend raises.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }

    with pytest.raises(RedisConnectionError):
        cache.get("anything")


@pytest.mark.skipif(not redis_answers(), reason="needs the local Redis on 127.0.0.1:6379")
def test_lost_writes_clear_the_cache_when_redis_answers_again(settings, fresh_outages):
    settings.CACHES = redis_cache("redis://127.0.0.1:6379/15")
    cache.clear()
    cache.set("page", "old")
    outage = cache_backends._outage_for("redis://127.0.0.1:6379/15")
    # An invalidation lost while Redis was away...
    outage.down, outage.down_until = True, float("inf")
    cache.delete("page")
    assert outage.lost_writes is True

    # ...then Redis answers again: nothing stale survives.
    outage.down_until = 0.0
    assert cache.get("page") is None
    assert outage.down is False
    cache.set("page", "new")
    assert cache.get("page") == "new"
    cache.clear()


@pytest.mark.parametrize(
    ("language", "heading"),
    [("kk", "Сайт біраз уақытқа қолжетімсіз"), ("ru", "Сайт ненадолго недоступен")],
)
def test_without_the_database_visitors_get_a_503_in_their_language(language, heading):
    # Production settings, PostgreSQL on a port where nothing listens.
    [answer] = client_requests(
        [
            {
                "path": f"/{language}/",
                "extra": {"HTTP_HOST": "forum.example.kz", "secure": True},
            }
        ],
        env=production_env(),
    )

    assert answer["status"] == 503
    assert answer["headers"]["Retry-After"] == "30"
    assert f'<html lang="{language}">' in answer["body"]
    assert f"<h1>{heading}</h1>" in answer["body"]
    assert "Traceback" not in answer["body"]
    assert "OperationalError" not in answer["body"]


def test_a_request_error_is_one_log_line_with_the_request_id():
    env = production_env()
    [answer], log = client_requests(
        [
            {
                "path": "/kk/",
                "extra": {
                    "HTTP_HOST": "forum.example.kz",
                    "secure": True,
                    "HTTP_X_REQUEST_ID": "proxy-id-0001",
                },
            }
        ],
        env=env,
        with_log=True,
    )

    assert answer["status"] == 503
    assert answer["headers"]["X-Request-ID"] == "proxy-id-0001"
    assert "proxy-id-0001" in answer["body"]
    entries = [json.loads(line) for line in log]
    errors = [e for e in entries if e["logger"] == "django.request"]
    assert len(errors) == 1
    assert errors[0]["message"] == "Service Unavailable: /kk/"
    assert errors[0]["status"] == 503
    assert errors[0]["request_id"] == "proxy-id-0001"
    assert "OperationalError" in errors[0]["exception"]


def test_the_json_log_keeps_a_traceback_on_its_line():
    formatter = JsonFormatter()
    record_filter = RequestIdFilter()
    try:
        raise RuntimeError("болмады")
    except RuntimeError:
        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", ("/kk/",),
            sys.exc_info(),
        )  # fmt: skip
    record_filter.filter(record)

    line = formatter.format(record)

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Internal Server Error: /kk/"
    assert entry["request_id"] == "-"
    assert entry["exception"].endswith("RuntimeError: болмады")


def test_a_forged_request_id_is_replaced(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="bad id\nwith newline")

    assert response.headers["X-Request-ID"] != "bad id\nwith newline"
    assert len(response.headers["X-Request-ID"]) == 32
