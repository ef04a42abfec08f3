"""Writes of editions: publish and withdraw, each recorded in the object's history."""

from django.db import transaction

from forum_site.history import log_change

from .models import Forum


@transaction.atomic
def forum_publish(*, forum, user=None):
    """Publish `forum` unless a field it needs is empty; return those errors (empty: published)."""
    errors = forum.publishing_errors()
    if errors or forum.status == Forum.Status.PUBLISHED:
        return errors
    forum.status = Forum.Status.PUBLISHED
    forum.save(update_fields=["status", "updated_at"])
    log_change(user=user, obj=forum, fields=["status"])
    return {}


@transaction.atomic
def forum_unpublish(*, forum, user=None):
    """Make `forum` a draft again: the public no longer sees it."""
    if forum.status == Forum.Status.DRAFT:
        return
    forum.status = Forum.Status.DRAFT
    forum.save(update_fields=["status", "updated_at"])
    log_change(user=user, obj=forum, fields=["status"])
