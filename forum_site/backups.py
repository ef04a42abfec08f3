"""Backups: the database and the uploaded media, together in one archive.

An archive (`.tar.gz`) holds `manifest.json`, `database.backupjson` (Django's
`dumpdata` of every app, natural keys for content types and permissions, so
it loads into any fresh database, SQLite or PostgreSQL; JSON that keeps
times to the microsecond, see `backup_serializer`) and `media/` (every
file in the default storage, local disk or object storage). A backup counts
only when it restores: `backup_restore()` loads one into a freshly migrated
instance, and a test round-trips an edition with its booths, awards and
images.
"""

import io
import json
import posixpath
import tarfile
import tempfile
import time
from pathlib import Path

import django
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction

from events.models import Forum

from . import caching

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "database.backupjson"
MEDIA_PREFIX = "media/"
# Rebuilt by `migrate` (content types, permissions) or not worth keeping
# (sessions, files the booth form keeps for a day).
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "exhibitors.stashedupload",
]


class BackupError(Exception):
    """The archive is not a backup this code can restore, or the target is not empty."""


def _media_files(storage, directory=""):
    """Every file's name in `storage`, recursively (works for disk and S3 alike)."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(directory, name) if directory else name
    for name in sorted(directories):
        yield from _media_files(storage, posixpath.join(directory, name) if directory else name)


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(time.time())
    info.mode = 0o644
    archive.addfile(info, io.BytesIO(data))


def backup_create(*, path, storage=default_storage):
    """Write a backup of the database and the media to `path`; returns what it holds."""
    path = Path(path)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as dump:
        call_command(
            "dumpdata",
            exclude=EXCLUDED,
            natural_foreign=True,
            natural_primary=False,
            format="backupjson",
            stdout=dump,
        )
        dump.seek(0)
        database = dump.read().encode("utf-8")
    media = list(_media_files(storage))
    manifest = {
        "format": FORMAT,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "django": django.get_version(),
        "database_vendor": connection.vendor,
        "objects": len(json.loads(database)),
        "media_files": len(media),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with tarfile.open(partial, "w:gz") as archive:
        _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
        _add_bytes(archive, DATABASE, database)
        for name in media:
            with storage.open(name, "rb") as f:
                _add_bytes(archive, MEDIA_PREFIX + name, f.read())
    # Only a complete archive takes the backup's name.
    partial.replace(path)
    return manifest


def _safe_media_name(member):
    name = member.name[len(MEDIA_PREFIX) :]
    normal = posixpath.normpath(name)
    if not member.isfile() or normal != name or normal.startswith(("/", "..")) or not name:
        raise BackupError(f"Refusing an unsafe entry in the archive: {member.name!r}")
    return name


def backup_restore(*, path, storage=default_storage):
    """Restore a backup into this instance, which must hold no edition yet.

    Run `migrate` on the fresh database first. The database is loaded in one
    transaction; media files are written under their original names.
    """
    if Forum.objects.exists():
        raise BackupError(
            "This database already holds editions: restore into a fresh, migrated database."
        )
    with tarfile.open(path, "r:gz") as archive:
        try:
            manifest = json.load(archive.extractfile(MANIFEST))
        except KeyError as error:
            raise BackupError(f"{path} is not a forum backup: it has no {MANIFEST}.") from error
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
        media = [m for m in archive.getmembers() if m.name.startswith(MEDIA_PREFIX)]
        names = [_safe_media_name(member) for member in media]
        with tempfile.TemporaryDirectory() as workdir:
            fixture = Path(workdir) / DATABASE
            fixture.write_bytes(archive.extractfile(DATABASE).read())
            with transaction.atomic():
                call_command("loaddata", str(fixture), verbosity=0)
        for member, name in zip(media, names, strict=True):
            if storage.exists(name):
                storage.delete(name)
            stored = storage.save(name, ContentFile(archive.extractfile(member).read()))
            if stored != name:
                raise BackupError(f"Media file {name!r} was stored as {stored!r}.")
    caching.content_changed()
    return manifest
