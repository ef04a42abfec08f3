from django.core.management.base import BaseCommand, CommandError

from forum_site.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into a fresh instance "
        "(run `migrate` on the empty database first)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz archive written by `manage.py backup`.")

    def handle(self, *args, archive, **options):
        try:
            manifest = backup_restore(path=archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {archive} (made {manifest['created']}): {manifest['objects']} "
            f"database objects, {manifest['media_files']} media files."
        )
