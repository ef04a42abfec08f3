"""URL routes shared by every app's edition pages."""

from django.urls import path


def edition_paths(route, view, name):
    """Routes for one page of an edition: the current edition's and any published one's.

    `programme/` serves the current edition; `archive/<slug>/programme/` the
    edition with that slug. Both share `name`: reverse() picks by whether a
    `forum_slug` is given.
    """
    return [
        path(route, view, name=name),
        path(f"archive/<slug:forum_slug>/{route}", view, name=name),
    ]
