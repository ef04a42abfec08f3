"""Run Django in a separate process, under environment values of our choosing.

Production settings are read once, at start: the only faithful way to test
them (and what `manage.py` does under them) is a fresh interpreter.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(__file__).resolve().parent.parent


def closed_port():
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(**overrides):
    """A complete production environment; its services need not be reachable."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "forum_site.settings",
        "DJANGO_ENV": "production",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "forum.example.kz",
        "CSRF_TRUSTED_ORIGINS": "https://forum.example.kz",
        "DATABASE_URL": f"postgres://forum@127.0.0.1:{closed_port()}/forum",
        "CACHE_URL": f"redis://127.0.0.1:{closed_port()}/1",
        "EMAIL_URL": "smtp+tls://forum:secret@127.0.0.1:587",
        # The static files the test session collected (pages link their manifest names).
        "STATIC_ROOT": str(settings.STATIC_ROOT),
    }
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def run_manage(*args, env, timeout=60):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


# Requests made with Django's test client inside the other process; each
# answer comes back as JSON: status, headers, cookies, body.
_CLIENT_SCRIPT = """
import json, sys
import django
django.setup()
from django.test import Client
requests = json.loads(sys.argv[1])
client = Client(raise_request_exception=False)
answers = []
for request in requests:
    response = client.generic(request.get("method", "GET"), request["path"], **request.get("extra", {}))
    answers.append({
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": {name: {"value": morsel.value, **{k: morsel[k] for k in morsel.keys() if morsel[k]}} for name, morsel in response.cookies.items()},
        "body": response.content.decode(),
    })
print(json.dumps(answers))
"""


def client_requests(requests, *, env, timeout=60, with_log=False):
    """Sends `requests` (dicts: path, method, extra) through a test client in another process.

    Returns the answers, and with `with_log` also the lines the process logged.
    """
    result = subprocess.run(
        [sys.executable, "-c", _CLIENT_SCRIPT, json.dumps(requests)],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr
    *log, last = result.stdout.strip().splitlines()
    answers = json.loads(last)
    return (answers, log) if with_log else answers
