"""The admin history ("History" on each object) for changes made outside an admin form."""

from django.contrib.admin.models import CHANGE, LogEntry


def log_change(*, user, obj, fields=(), message=None):
    """Record that `user` changed `obj` (these `fields`, or a free `message`).

    `fields` are the English msgids of verbose names ("status"): the history
    translates them when shown, as it does for admin forms. Admin forms log themselves; services called from admin actions log here,
    so every change shows in the object's history. Without a user (a command,
    the public form) nothing is logged.
    """
    if user is None or not user.pk:
        return
    change_message = message if message is not None else [{"changed": {"fields": list(fields)}}]
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[obj],
        action_flag=CHANGE,
        change_message=change_message,
        single_object=True,
    )
