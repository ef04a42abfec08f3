"""The baselines bench/run measures pages against: there only when BENCH_VIEWS is on."""

import importlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import clear_url_caches

import forum_site.urls


@pytest.fixture
def bench_views(settings):
    settings.BENCH_VIEWS = True
    importlib.reload(forum_site.urls)
    clear_url_caches()
    yield
    settings.BENCH_VIEWS = False
    importlib.reload(forum_site.urls)
    clear_url_caches()


def test_bench_views_are_absent_by_default(client, db):
    assert client.get("/bench/trivial/").status_code == 404
    assert client.get("/kk/bench/empty/").status_code == 404


def test_the_trivial_view_does_nothing(client, db, bench_views):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/bench/trivial/")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert len(queries) == 0


def test_the_empty_page_is_the_current_editions_layout_from_one_query(
    client, article_forum, bench_views
):
    client.get("/kk/bench/empty/")  # the first request loads Django's own caches

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/kk/bench/empty/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<main id="main"' in html
    assert 'class="site-footer"' in html
    assert len(queries) == 1  # the current edition
