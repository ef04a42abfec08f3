"""The probes: /healthz (the process answers) and /readyz (database and cache answer)."""

import json

import pytest

from tests.django_process import client_requests, closed_port, production_env


@pytest.fixture
def cache_down(settings):
    """The Redis cache, pointed at a port where nothing listens."""
    settings.CACHES = {
        "default": {
            "BACKEND": "forum_site.cache_backends.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }


def test_healthz_says_ok_and_nothing_else(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response.headers["Cache-Control"] == (
        "max-age=0, no-cache, no-store, must-revalidate, private"
    )


def test_readyz_checks_the_database_and_the_cache(client, db):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response.headers["Cache-Control"]


def test_readyz_without_the_cache_is_degraded_not_failed(client, db, cache_down, caplog):
    response = client.get("/readyz")

    # Every app server shares the one Redis: failing here would take them all out.
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "fail"}
    assert "Readiness: the cache does not answer" in caplog.messages


def test_readyz_without_the_database_fails_and_says_no_more():
    [answer] = client_requests(
        [{"path": "/readyz", "extra": {"HTTP_HOST": "forum.example.kz", "secure": True}}],
        env=production_env(),
    )

    assert answer["status"] == 503
    assert json.loads(answer["body"]) == {"status": "fail", "database": "fail", "cache": "fail"}


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_live_outside_the_language_prefixes(client, db, path):
    assert client.get(f"/kk{path}").status_code == 404
    assert client.post(path).status_code == 405
