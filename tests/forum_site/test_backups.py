"""Backups: an edition with booths, awards and images goes out and comes back unchanged."""

import io
import tarfile
import uuid

import pytest
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from awards.models import Award
from events.models import Forum, ProgrammeItem
from exhibitors.models import Booth, BoothPhoto, Organisation, StashedUpload, Theme
from tests.factories import (
    AwardFactory,
    BoothFactory,
    ForumFactory,
    ProgrammeItemFactory,
    ThemeFactory,
)

CONTENT_MODELS = [Forum, ProgrammeItem, Organisation, Theme, Booth, BoothPhoto, Award]


def png_bytes(colour):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def snapshot():
    """Every content row, field by field, and every media file's bytes."""
    rows = {
        model.__name__: serializers.serialize("python", model.objects.order_by("pk"))
        for model in CONTENT_MODELS
    }
    media = {}
    directories = [""]
    while directories:
        directory = directories.pop()
        subdirectories, files = default_storage.listdir(directory)
        directories += [f"{directory}/{d}".lstrip("/") for d in subdirectories]
        for name in files:
            path = f"{directory}/{name}".lstrip("/")
            with default_storage.open(path, "rb") as f:
                media[path] = f.read()
    return rows, media


@pytest.fixture
def edition(transactional_db):
    forum = ForumFactory(slug="forum-2025", title_kk="Әлеуметтік жобалар форум-көрмесі")
    ProgrammeItemFactory(forum=forum, title_kk="Пленарлық отырыс")
    themes = [ThemeFactory(name_kk="Мүгедектігі бар адамдар"), ThemeFactory()]
    for number in range(1, 4):
        booth = BoothFactory(forum=forum, number=number, project_title_kk=f"Жоба «Қамқор» {number}")
        booth.themes.set(themes[: number % 2 + 1])
        booth.organisation.logo.save(f"logo-{number}.png", ContentFile(png_bytes("red")))
        photo = BoothPhoto(booth=booth, alt=f"Стенд {number}", order=number)
        photo.image.save(f"booth-{number}.png", ContentFile(png_bytes("blue")))
    AwardFactory(forum=forum, organisation=Booth.objects.first().organisation)
    return forum


def test_a_backup_restores_into_a_fresh_instance_without_loss(edition, tmp_path, settings):
    before = snapshot()
    archive = tmp_path / "backup.tar.gz"

    call_command("backup", output=str(archive), stdout=io.StringIO())
    # A fresh instance: empty database, empty media.
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / "fresh-media"
    assert Forum.objects.count() == 0
    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)

    after = snapshot()
    assert after[0] == before[0]
    assert after[1] == before[1]
    assert len(after[1]) == 6  # three logos, three booth photos
    assert Booth.objects.get(number=2).themes.count() == 1
    assert "Restored" in out.getvalue()


def test_a_backup_leaves_out_the_files_the_booth_form_keeps_for_a_day(edition, tmp_path):
    StashedUpload.objects.create(
        submission_token=uuid.uuid4(), field="logo", name="kept.png", data=png_bytes("green")
    )
    archive = tmp_path / "backup.tar.gz"

    call_command("backup", output=str(archive), stdout=io.StringIO())

    with tarfile.open(archive) as tar:
        database = tar.extractfile("database.backupjson").read().decode()
    assert '"model": "exhibitors.booth"' in database
    assert "stashedupload" not in database
    assert "kept.png" not in database


def test_restore_refuses_a_database_that_already_holds_editions(edition, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())

    with pytest.raises(CommandError, match="already holds editions"):
        call_command("restore", str(archive))


def test_restore_refuses_an_archive_that_escapes_the_media_directory(transactional_db, tmp_path):
    archive = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in [
            ("manifest.json", b'{"format": 1}'),
            ("database.backupjson", b"[]"),
            ("media/../../etc/evil", b"x"),
        ]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))

    with pytest.raises(CommandError, match="unsafe entry"):
        call_command("restore", str(archive))
