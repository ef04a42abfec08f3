"""scripts/pg_restart_demo: PostgreSQL restarted under the serving site loses nothing."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pg_restart_demo"


def have_postgresql_server():
    return bool(shutil.which("initdb") or list(Path("/usr/lib/postgresql").glob("*/bin/initdb")))


@pytest.mark.skipif(not have_postgresql_server(), reason="needs PostgreSQL's initdb")
def test_a_postgresql_restart_loses_no_application_and_recovers_by_itself():
    result = subprocess.run(
        [
            str(SCRIPT),
            "--duration", "9",
            "--downtime", "2",
            "--visitors", "2",
            "--static-root", str(settings.STATIC_ROOT),
        ],
        capture_output=True, text=True, timeout=280,
    )  # fmt: skip

    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert "lost applications: 0\n" in out
    assert "duplicate applications: 0\n" in out
    assert "applications refused by the form: 0\n" in out
    assert "recovery time: " in out
    assert "not recovered" not in out
    # Visitors met the 503 page while PostgreSQL was down, not a 500.
    assert "503: " in out
    assert "500: " not in out
    acknowledged = int(out.split("acknowledged: ")[1].split(",")[0])
    assert acknowledged > 0
