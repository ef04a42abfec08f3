from django.core.management.base import BaseCommand

from exhibitors.stash import remove_expired


class Command(BaseCommand):
    help = (
        "Delete the files the booth form kept for visitors whose form came back with errors, "
        "once they are a day old (run it from cron, e.g. hourly)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Removed {remove_expired()} expired kept files.")
