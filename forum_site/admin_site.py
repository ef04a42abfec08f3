"""The admin site: Django's, with an index that tells moderators what waits for them."""

from django.contrib import admin

from exhibitors.models import Booth


class ForumAdminSite(admin.AdminSite):
    index_template = "admin/forum_index.html"

    def index(self, request, extra_context=None):
        return super().index(
            request,
            {**(extra_context or {}), "pending_applications": pending_applications(request)},
        )


def pending_applications(request):
    """How many booth applications await a decision, for staff who decide them (else None)."""
    if not request.user.has_perm("exhibitors.change_booth"):
        return None
    return Booth.objects.filter(status=Booth.Status.SUBMITTED).count()
