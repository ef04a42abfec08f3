import time
from pathlib import Path

from django.core.management.base import BaseCommand

from forum_site.backups import backup_create


class Command(BaseCommand):
    help = "Back up the database and the uploaded media into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Archive to write (default: backups/forum-<UTC time>.tar.gz).",
        )

    def handle(self, *args, output=None, **options):
        path = Path(
            output or f"backups/forum-{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}.tar.gz"
        )
        manifest = backup_create(path=path)
        self.stdout.write(
            f"Backup written to {path}: {manifest['objects']} database objects, "
            f"{manifest['media_files']} media files."
        )
