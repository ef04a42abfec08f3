from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ForumSiteConfig(AppConfig):
    # This module holds two configurations: this one is forum_site's.
    default = True
    name = "forum_site"
    verbose_name = _("Forum site")

    def ready(self):
        from . import caching
        from .roles import sync_after_migrate

        caching.connect_signals()
        # After every app's post_migrate has made its permissions (ours runs last:
        # forum_site is the last installed app).
        post_migrate.connect(sync_after_migrate, sender=self)


class AxesConfig(AxesAppConfig):
    """django-axes under a translated name in the admin ("Axes" otherwise)."""

    default = False
    verbose_name = _("Login attempts")
