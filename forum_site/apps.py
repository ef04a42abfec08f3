from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class ForumSiteConfig(AppConfig):
    # This module holds two configurations: this one is forum_site's.
    default = True
    name = "forum_site"
    verbose_name = _("Forum site")

    def ready(self):
        from django.contrib.admin import widgets
        from django.contrib.admin.templatetags import admin_list
        from django.contrib.auth.models import Group

        from . import caching, casefold
        from .roles import sync_after_migrate

        caching.connect_signals()
        # The admin's search folds Kazakh and Russian letters on SQLite too.
        casefold.register_lookups()
        connection_created.connect(casefold.on_connection_created, dispatch_uid="casefold")
        casefold.add_to_open_connections()
        # Select2 ships no Kazakh messages ("Searching…", "No results found"):
        # static/admin/js/vendor/select2/i18n/kk.js is ours, and the admin's
        # autocomplete widget loads a language's file only when it is listed here.
        widgets.SELECT2_TRANSLATIONS.setdefault("kk", "kk")
        # The staff groups keep English names as keys (roles.py); wherever the
        # admin names a group (group list and pages, a user's groups, the user
        # list's filter, messages, history), staff read it in their language.
        Group.__str__ = _group_label
        # Django's yes/no/unknown icons carry the English alt text "True",
        # "False", "None" (on view-only pages, and in change lists); every admin
        # helper imports the icon from admin_list when it draws one.
        admin_list._boolean_icon = _boolean_icon
        # After every app's post_migrate has made its permissions (ours runs last:
        # forum_site is the last installed app).
        post_migrate.connect(sync_after_migrate, sender=self)


class ForumAdminConfig(admin_apps.AdminConfig):
    """Django's admin, whose `admin.site` is ours (its index counts the waiting applications)."""

    default = False
    default_site = "forum_site.admin_site.ForumAdminSite"


class AxesConfig(AxesAppConfig):
    """django-axes under a translated name in the admin ("Axes" otherwise)."""

    default = False
    verbose_name = _("Login attempts")

    def ready(self):
        super().ready()
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        # django-axes names its records in English ("Attempted Access: …"), and
        # the admin titles, breadcrumbs and history by these names.
        AccessAttempt.__str__ = _record_name
        AccessLog.__str__ = _record_name
        AccessFailureLog.__str__ = _record_name


def _boolean_icon(value):
    from django.templatetags.static import static
    from django.utils.html import format_html

    icon, alt = {
        True: ("yes", gettext("Yes")),
        False: ("no", gettext("No")),
        None: ("unknown", gettext("Unknown")),
    }[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), alt)


def _group_label(group):
    from .roles import group_label

    return group_label(group.name)


def _record_name(record):
    from django.utils.formats import date_format
    from django.utils.text import capfirst
    from django.utils.timezone import localtime

    return gettext("%(record)s: %(username)s, %(time)s") % {
        "record": capfirst(record._meta.verbose_name),
        "username": record.username,
        "time": date_format(localtime(record.attempt_time), "DATETIME_FORMAT"),
    }
