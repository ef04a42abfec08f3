from django.core.management.base import BaseCommand, CommandError

from forum_site import caching
from forum_site.services import sample_edition_create


class Command(BaseCommand):
    help = (
        "Replace the sample edition (flagged and labelled as sample data, never the current "
        "edition) with one holding N approved booths, for demos and load tests."
    )

    def add_arguments(self, parser):
        parser.add_argument("--booths", type=int, default=20, help="number of booths (default 20)")

    def handle(self, *args, booths, **options):
        if booths < 0:
            raise CommandError("--booths must be 0 or more.")
        forum = sample_edition_create(booths=booths)
        # Committed now: pages rendered during the load must not be kept.
        caching.content_changed()
        if options["verbosity"]:
            self.stdout.write(f"Sample edition «{forum.slug}» made with {booths} booths.")
