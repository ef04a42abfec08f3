from django.core.management.base import BaseCommand

from forum_site import caching
from forum_site.services import forum_load_article


class Command(BaseCommand):
    help = "Load the forum edition of the source article, in Kazakh and Russian (idempotent)."

    def handle(self, *args, **options):
        forum = forum_load_article()
        # Committed now: pages rendered during the load must not be kept.
        caching.content_changed()
        if options["verbosity"]:
            self.stdout.write(
                f"Loaded «{forum.title_kk}»: {forum.programme_items.count()} programme items, "
                f"{forum.statements.count()} statements, {forum.performances.count()} performances, "
                f"{forum.awards.count()} awards."
            )
