import gc
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.signals import request_finished
from django.db import close_old_connections

from forum_site import gc_freeze


@pytest.fixture
def fresh_counter(monkeypatch):
    monkeypatch.setattr(gc_freeze, "_served", iter(range(1, 10_000)))
    # Django's own receiver would check the database connection, which these
    # tests may not touch once an earlier test (the browser suite) has opened
    # it; Django's test client takes it off the signal the same way.
    request_finished.disconnect(close_old_connections)
    gc_freeze.freeze_as_the_process_warms()
    yield
    request_finished.disconnect(dispatch_uid="gc-freeze")
    request_finished.connect(close_old_connections)
    gc.unfreeze()


def test_a_worker_freezes_what_it_holds_after_its_first_request(fresh_counter):
    gc.unfreeze()
    assert gc.get_freeze_count() == 0

    request_finished.send(sender=None)

    assert gc.get_freeze_count() > 0


def test_it_freezes_again_only_after_the_10th_100th_and_1000th(fresh_counter, monkeypatch):
    frozen_at = []
    monkeypatch.setattr(gc_freeze.gc, "freeze", lambda: frozen_at.append(served[0]))
    served = [0]

    for served[0] in range(1, 1_201):
        request_finished.send(sender=None)

    assert frozen_at == [1, 10, 100, 1000]


def test_the_wsgi_entry_point_connects_it():
    # In a process of its own: the test process must not freeze its objects.
    script = (
        "import forum_site.wsgi\n"
        "from django.core.signals import request_finished\n"
        "print(request_finished.disconnect(dispatch_uid='gc-freeze'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "forum_site.settings"},
        capture_output=True,
        text=True,
        check=True,
    )

    assert done.stdout.strip().splitlines()[-1] == "True"
