"""Create a staff member with a role: `manage.py create_staff NAME --role editor`.

The password is generated, printed once and never stored in plain text: the
newcomer changes it at the first login (admin, "Change password").
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from forum_site.roles import ROLE_GROUPS


class Command(BaseCommand):
    help = "Create a staff user with a role (editor, moderator or superuser) and print a generated password once."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLE_GROUPS))
        parser.add_argument("--email", default="")

    @transaction.atomic
    def handle(self, *args, username, role, email, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} exists already.")
        password = secrets.token_urlsafe(15)
        is_superuser = ROLE_GROUPS[role] is None
        user = User.objects.create_user(
            username=username,
            email=email,
            password=password,
            is_staff=True,
            is_superuser=is_superuser,
        )
        if not is_superuser:
            user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
        self.stdout.write(f"Created {role} {username!r}. Password (shown only now): {password}")
