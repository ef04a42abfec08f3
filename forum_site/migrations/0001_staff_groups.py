"""The staff groups Editors and Moderators with their permissions (forum_site/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations (post_migrate);
    # make them now so the groups can be given theirs.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
        app_config.models_module = None

    from forum_site.roles import sync_staff_groups

    sync_staff_groups(apps, using=schema_editor.connection.alias)


def remove_groups(apps, schema_editor):
    from forum_site.roles import ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0002_access_and_share_image"),
        ("exhibitors", "0003_booth_applications"),
        ("awards", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
