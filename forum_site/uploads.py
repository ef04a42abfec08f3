"""Storing prepared images under random names, and removing them when a save fails.

Files are written before the database transaction commits, so a failed save
would leave orphans: `StoredFiles` remembers what it wrote and deletes it all
when the block it guards raises (the public form's save, and every admin
add or change page: `BilingualAdmin`).
"""

import io
import logging
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

logger = logging.getLogger(__name__)


class StoredFiles:
    """The files written during one save."""

    def __init__(self, storage=None):
        self.storage = storage or default_storage
        self.names = []

    def store(self, prepared, folder):
        """Write every rendition of `prepared` under one random name; return (main, renditions).

        `main` is the name of the largest JPEG (what an ImageField points at);
        `renditions` is the list a model's `renditions` JSON field keeps.
        """
        stem = uuid.uuid4().hex
        renditions = []
        for rendition in prepared.renditions:
            name = self.storage.save(
                f"{folder}/{stem}-{rendition.width}.{rendition.extension}",
                ContentFile(rendition.content),
            )
            self.names.append(name)
            renditions.append(
                {
                    "name": name,
                    "width": rendition.width,
                    "height": rendition.height,
                    "format": rendition.format,
                }
            )
        largest = prepared.largest("jpeg")
        main = next(
            r["name"] for r in renditions if r["format"] == "jpeg" and r["width"] == largest.width
        )
        return main, renditions

    def delete_all(self):
        for name in self.names:
            try:
                self.storage.delete(name)
            except OSError:
                logger.exception("Could not remove the orphan upload %s", name)
        self.names = []


# The StoredFiles of the innermost files_removed_on_error() block, for code
# that stores files without being handed one (the admin's image forms).
_guarded = ContextVar("guarded_stored_files", default=None)


@contextmanager
def files_removed_on_error(storage=None):
    """Yield a StoredFiles; if the block raises, every file it stored is deleted.

    Within the block, `stored_files()` returns the same StoredFiles.
    """
    stored = StoredFiles(storage)
    token = _guarded.set(stored)
    try:
        yield stored
    except BaseException:
        stored.delete_all()
        raise
    finally:
        _guarded.reset(token)


def stored_files():
    """The StoredFiles of the enclosing files_removed_on_error() block, or an unguarded one."""
    return _guarded.get() or StoredFiles()


def stored_names(image, renditions):
    """The files an image field and its `renditions` list hold, as a list `delete_renditions` takes.

    The field's own file is named too: an image stored before renditions were
    kept (or uploaded unchecked) has no renditions list.
    """
    names = {rendition["name"] for rendition in renditions or []}
    if image:
        names.add(image.name)
    return [{"name": name} for name in sorted(names)]


def delete_renditions(renditions, storage=None):
    """Delete the files of a `renditions` list (when its photo or logo is replaced or removed)."""
    storage = storage or default_storage
    for rendition in renditions:
        try:
            storage.delete(rendition["name"])
        except OSError:
            logger.exception("Could not remove %s", rendition["name"])


class CappedUploadHandler(FileUploadHandler):
    """Receives a form's files in memory, keeping at most `limit` + 1 bytes of each.

    Django puts no cap on uploaded file sizes and writes big files to disk. This
    handler keeps only the first `limit` + 1 bytes of a file while counting all
    of it, so an oversized file still reaches the form with its true size (and
    is refused there with a message), and the server never holds more than that.
    Only the form's own file fields are read, each once; other files are skipped.
    """

    def __init__(self, request=None, *, fields, limit):
        super().__init__(request)
        self.allowed = set(fields)
        self.limit = limit

    def new_file(self, field_name, *args, **kwargs):
        if field_name not in self.allowed:
            raise SkipFile
        self.allowed.discard(field_name)
        super().new_file(field_name, *args, **kwargs)
        self.buffer = io.BytesIO()

    def receive_data_chunk(self, raw_data, start):
        room = self.limit + 1 - self.buffer.tell()
        if room > 0:
            self.buffer.write(raw_data[:room])

    def file_complete(self, file_size):
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
