"""Storing prepared images under random names, and removing them when a save fails.

Files are written before the database transaction commits, so a failed save
would leave orphans: `StoredFiles` remembers what it wrote and deletes it all
when the block it guards raises.
"""

import logging
import uuid
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

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


@contextmanager
def files_removed_on_error(storage=None):
    """Yield a StoredFiles; if the block raises, every file it stored is deleted."""
    stored = StoredFiles(storage)
    try:
        yield stored
    except BaseException:
        stored.delete_all()
        raise


def delete_renditions(renditions, storage=None):
    """Delete the files of a `renditions` list (when its photo or logo is replaced or removed)."""
    storage = storage or default_storage
    for rendition in renditions:
        try:
            storage.delete(rendition["name"])
        except OSError:
            logger.exception("Could not remove %s", rendition["name"])
