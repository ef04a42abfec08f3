from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.conf import settings as axes_settings
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin
from django.contrib.auth.models import Group, User
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from forum_site.admin_tools import CaseFoldSearchMixin, ThroughRowsHiddenMixin, yes_no
from forum_site.roles import ROLES

# The site header and title are set in urls.py.
admin.site.index_title = _("Site content")


# Django's yes/no icons have English alt text ("True"), and django-axes names a
# column and a message in English: these classes say them in the admin's language.


@admin.display(description=_("staff status"), ordering="is_staff")
def staff_status(user):
    return yes_no(user.is_staff)


# Django keeps the names of the default permissions in the database, in English
# ("Can add booth"): the selectors of groups and users name them again here.
PERMISSION_ACTIONS = {
    "add": _("Add: %(model)s"),
    "change": _("Change: %(model)s"),
    "delete": _("Delete: %(model)s"),
    "view": _("View: %(model)s"),
}


def permission_label(permission):
    action, _sep, model_name = permission.codename.partition("_")
    model = permission.content_type.model_class()
    if action in PERMISSION_ACTIONS and model and model._meta.model_name == model_name:
        name = PERMISSION_ACTIONS[action] % {"model": model._meta.verbose_name}
    else:
        name = gettext(permission.name)
    return f"{permission.content_type} | {name}"


class PermissionLabelsMixin:
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in {"permissions", "user_permissions"}:
            field.label_from_instance = permission_label
        return field


class PasswordChangeForm(AdminPasswordChangeForm):
    """Django's form, with its warning about the lost password translated.

    Django appends the warning to the help text as a plain English string.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "usable_password" in self.fields:
            self.fields["usable_password"].help_text = format_html(
                '{}<ul id="id_unusable_warning" class="messagelist">'
                '<li class="warning">{}</li></ul>',
                SetUnusablePasswordMixin.usable_password_help_text,
                gettext("If disabled, the current password for this user will be lost."),
            )


class StaffUserAdmin(CaseFoldSearchMixin, PermissionLabelsMixin, ThroughRowsHiddenMixin, UserAdmin):
    change_password_form = PasswordChangeForm
    list_display = [staff_status if name == "is_staff" else name for name in UserAdmin.list_display]


class StaffGroupAdmin(
    CaseFoldSearchMixin, PermissionLabelsMixin, ThroughRowsHiddenMixin, GroupAdmin
):
    # A role's group is found by its name (roles.py, settings.MODERATORS_GROUP):
    # its form shows the name in the admin's language and never changes it.
    def get_fields(self, request, obj=None):
        if obj is not None and obj.name in ROLES:
            return ["role_name", "permissions"]
        return super().get_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.name in ROLES:
            return ["role_name"]
        return super().get_readonly_fields(request, obj)

    @admin.display(description=_("name"))
    def role_name(self, group):
        return str(group)


class LoginAttemptAdmin(CaseFoldSearchMixin, AccessAttemptAdmin):
    @admin.display(description=_("status"))
    def status(self, attempt):
        remaining = axes_settings.AXES_FAILURE_LIMIT - attempt.failures_since_start
        if remaining <= 0:
            return _("Locked Out")
        return ngettext(
            "%(count)d attempt remaining", "%(count)d attempts remaining", remaining
        ) % {"count": remaining}

    @admin.display(description=_("Expires At"))
    def expiration(self, attempt):
        return super().expiration(attempt)

    @admin.action(description=_("Clean up expired attempts"))
    def cleanup_expired_attempts(self, request, queryset):
        count = self.handler.clean_expired_user_attempts(request=request)
        self.message_user(
            request,
            ngettext(
                "%(count)d expired access attempt cleaned up.",
                "%(count)d expired access attempts cleaned up.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.display(description=_("Locked Out"), ordering="locked_out")
def locked_out(failure):
    return yes_no(failure.locked_out)


class LoginFailureAdmin(CaseFoldSearchMixin, AccessFailureLogAdmin):
    list_display = [
        locked_out if name == "locked_out" else name for name in AccessFailureLogAdmin.list_display
    ]


class LoginRecordAdmin(CaseFoldSearchMixin, AccessLogAdmin):
    """django-axes's log of logins, searched as every other list: user names may be Cyrillic."""


for model, model_admin in [
    (User, StaffUserAdmin),
    (Group, StaffGroupAdmin),
    (AccessAttempt, LoginAttemptAdmin),
    (AccessFailureLog, LoginFailureAdmin),
    (AccessLog, LoginRecordAdmin),
]:
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
