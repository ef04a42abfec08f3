"""Staff roles: which group may do what in the admin.

Editors run the content of the site; Moderators run the booth applications
and booths. Superusers (IT) can do everything and belong to no group. Each
role gets exactly the permissions listed here: a data migration creates the
groups, and every `migrate` sets their permissions back to this matrix (so a
new model or permission reaches the groups without another migration).
"""

from django.utils.translation import gettext_lazy as _

# A group's name is the key code finds it by (here, settings.MODERATORS_GROUP,
# create_staff); staff read it in their language: Group's str is group_label().
EDITORS = "Editors"
MODERATORS = "Moderators"
GROUP_LABELS = {EDITORS: _("Editors"), MODERATORS: _("Moderators")}

ALL = ("add", "change", "delete", "view")
VIEW = ("view",)

# group name -> {(app_label, model_name): actions}
ROLES = {
    EDITORS: {
        ("events", "forum"): ALL,
        ("events", "programmeitem"): ALL,
        ("events", "person"): ALL,
        ("events", "appearance"): ALL,
        ("events", "statement"): ALL,
        ("events", "performance"): ALL,
        ("awards", "award"): ALL,
        ("exhibitors", "theme"): ALL,
        ("exhibitors", "organisation"): ALL,
        # Editors see the booths (an award may go to an exhibitor), not change them.
        ("exhibitors", "booth"): VIEW,
        ("exhibitors", "boothphoto"): VIEW,
    },
    MODERATORS: {
        ("exhibitors", "booth"): ALL,
        ("exhibitors", "boothphoto"): ALL,
        # An application brings its organisation; moderators correct it.
        ("exhibitors", "organisation"): ("add", "change", "view"),
        ("exhibitors", "theme"): VIEW,
        ("events", "forum"): VIEW,
    },
}

# The role names `create_staff --role` accepts, with the group each joins.
ROLE_GROUPS = {"editor": EDITORS, "moderator": MODERATORS, "superuser": None}
ROLE_LABELS = {
    "editor": _("Editor"),
    "moderator": _("Moderator"),
    "superuser": _("Superuser (IT)"),
}


def group_label(name):
    """The name staff read: a role's group in the active language, any other group as named."""
    return str(GROUP_LABELS.get(name, name))


def role_permission_codenames(group_name):
    """{(app_label, codename)} of one group, as listed in ROLES."""
    return {
        (app_label, f"{action}_{model}")
        for (app_label, model), actions in ROLES[group_name].items()
        for action in actions
    }


def sync_staff_groups(apps=None, using="default"):
    """Create the groups and give each exactly the permissions of ROLES.

    `apps` is a migration's app registry, or None for the real one.
    Permissions that do not exist yet (an app not migrated) are skipped.
    """
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name in ROLES:
        group, _created = Group.objects.using(using).get_or_create(name=group_name)
        wanted = role_permission_codenames(group_name)
        permissions = [
            permission
            for permission in Permission.objects.using(using).select_related("content_type")
            if (permission.content_type.app_label, permission.codename) in wanted
        ]
        group.permissions.set(permissions)


def sync_after_migrate(sender, using="default", **kwargs):
    """post_migrate handler: keep the groups on the matrix after every migrate."""
    sync_staff_groups(using=using)
