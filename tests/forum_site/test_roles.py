"""The permission matrix: each role can do its work in the admin and nothing beyond."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from forum_site.roles import EDITORS, MODERATORS

ALL = {"add", "change", "delete", "view"}
EDITOR_MODELS = [
    ("events", "forum"),
    ("events", "programmeitem"),
    ("events", "person"),
    ("events", "appearance"),
    ("events", "statement"),
    ("events", "performance"),
    ("awards", "award"),
    ("exhibitors", "theme"),
    ("exhibitors", "organisation"),
]
MODERATOR_MODELS = [("exhibitors", "booth"), ("exhibitors", "boothphoto")]
EXPECTED = {
    "editor": {
        **dict.fromkeys(EDITOR_MODELS, ALL),
        ("exhibitors", "booth"): {"view"},
        ("exhibitors", "boothphoto"): {"view"},
    },
    "moderator": {
        **dict.fromkeys(MODERATOR_MODELS, ALL),
        ("exhibitors", "organisation"): {"add", "change", "view"},
        ("exhibitors", "theme"): {"view"},
        ("events", "forum"): {"view"},
    },
}
MODELS = [*EDITOR_MODELS, *MODERATOR_MODELS]
# Models with pages of their own (booth photos are edited inside their booth).
ADMIN_MODELS = [model for model in MODELS if model != ("exhibitors", "boothphoto")]
OTHER_MODELS = [
    ("auth", "user"),
    ("auth", "group"),
    ("admin", "logentry"),
    ("axes", "accessattempt"),
]


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_each_role_has_exactly_its_permissions(role, request):
    user = request.getfixturevalue(role)
    for app_label, model in [*MODELS, *OTHER_MODELS]:
        allowed = EXPECTED[role].get((app_label, model), set())
        for action in sorted(ALL):
            assert user.has_perm(f"{app_label}.{action}_{model}") == (action in allowed), (
                role,
                f"{app_label}.{action}_{model}",
            )


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_change_lists_open_only_for_the_roles_models(role, request, client):
    client.force_login(request.getfixturevalue(role))
    for app_label, model in [*ADMIN_MODELS, ("auth", "user"), ("auth", "group")]:
        response = client.get(reverse(f"admin:{app_label}_{model}_changelist"))
        can_view = "view" in EXPECTED[role].get((app_label, model), set())
        assert response.status_code == (200 if can_view else 403), (role, model)


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_add_forms_open_only_where_the_role_may_add(role, request, client):
    client.force_login(request.getfixturevalue(role))
    for app_label, model in ADMIN_MODELS:
        response = client.get(reverse(f"admin:{app_label}_{model}_add"))
        can_add = "add" in EXPECTED[role].get((app_label, model), set())
        assert response.status_code == (200 if can_add else 403), (role, model)


def test_superuser_opens_everything(superuser, client):
    client.force_login(superuser)
    for app_label, model in [*ADMIN_MODELS, ("auth", "user")]:
        assert client.get(reverse(f"admin:{app_label}_{model}_add")).status_code == 200


def test_groups_are_reset_to_the_matrix_by_migrate(db):
    group = Group.objects.get(name=MODERATORS)
    group.permissions.clear()
    call_command("migrate", verbosity=0)
    assert group.permissions.filter(codename="change_booth").exists()
    assert not Group.objects.get(name=EDITORS).permissions.filter(codename="change_booth").exists()


def test_create_staff_prints_a_generated_password_once(db, capsys):
    call_command("create_staff", "aigerim", role="moderator", email="aigerim@example.kz")
    output = capsys.readouterr().out
    password = output.rsplit(": ", 1)[1].strip()
    from django.contrib.auth.models import User

    user = User.objects.get(username="aigerim")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [MODERATORS]
    assert len(password) >= 20 and user.check_password(password)
    assert password not in user.password


def test_create_staff_makes_a_superuser(db, capsys):
    call_command("create_staff", "it2", role="superuser")
    from django.contrib.auth.models import User

    user = User.objects.get(username="it2")
    assert user.is_superuser and user.is_staff and not user.groups.exists()
