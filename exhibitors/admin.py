"""The admin: organisations, themes, and booths with their moderation queue.

Moderation itself lives in services.py; the actions here only ask and call it.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events.models import Forum
from forum_site.admin_tools import (
    SLUG_HELP_TEXT,
    AlphabeticalColumnsMixin,
    BilingualAdmin,
    BilingualStackedInline,
    StaffExportMixin,
    alphabetical_columns,
    thumbnail,
)

from . import cards
from .forms import BoothPhotoAdminForm, OrganisationAdminForm
from .models import Booth, BoothPhoto, Organisation, Theme
from .resources import BoothResource, BoothResourceWithoutContacts
from .services import (
    applications_approve,
    applications_reject,
    applications_withdraw,
    rejection_preview,
)


@admin.register(Organisation)
class OrganisationAdmin(AlphabeticalColumnsMixin, BilingualAdmin):
    form = OrganisationAdminForm
    list_display = ["logo_thumbnail", "name", "legal_form", "bin", "city"]
    list_display_links = ["logo_thumbnail", "name"]
    alphabetical = {"name": alphabetical_columns("name", _("name"))}
    list_filter = ["legal_form"]
    search_fields = ["name_kk", "name_ru", "bin"]
    readonly_fields = ["logo_thumbnail"]

    @admin.display(description=_("logo"))
    def logo_thumbnail(self, organisation):
        return thumbnail(organisation.logo, organisation.logo_alt)


@admin.register(Theme)
class ThemeAdmin(BilingualAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name_kk", "name_ru", "slug"]
    ordering = ["order", "pk"]


class BoothPhotoInline(BilingualStackedInline):
    model = BoothPhoto
    form = BoothPhotoAdminForm
    extra = 0
    fields = ["photo_thumbnail", "image", "alt", "order"]
    readonly_fields = ["photo_thumbnail"]

    @admin.display(description=_("thumbnail"))
    def photo_thumbnail(self, photo):
        return thumbnail(photo.image, photo.alt, size=160)


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        max_length=2000,
        help_text=_(
            "Sent to each applicant in the language of their application: write it so "
            "that it reads well to them."
        ),
    )


# Stands in the e-mail's preview for the reason, which is typed on the same page.
REASON_PLACEHOLDER = _("[the reason you type below]")


@admin.register(Booth)
class BoothAdmin(AlphabeticalColumnsMixin, StaffExportMixin, BilingualAdmin):
    """Booths, and the moderation queue of applications (filter by status “Submitted”).

    Exports (CSV, XLSX) take the list's filters: status “Submitted” exports the queue.
    """

    resource_classes = [BoothResource]

    list_display = [
        "reference_code",
        "organisation",
        "project_title",
        "forum",
        "status",
        "number",
        "submitted_at",
        "language",
        "needs",
    ]
    list_display_links = ["reference_code", "organisation"]
    # Booths keep a copy of their organisation's sort keys.
    alphabetical = {"organisation": alphabetical_columns("organisation", _("organisation"))}
    list_filter = [
        "status",
        "forum",
        "themes",
        ("submitted_at", admin.DateFieldListFilter),
        "language",
    ]
    list_select_related = ["organisation", "forum"]
    search_fields = [
        "reference_code",
        "project_title_kk",
        "project_title_ru",
        "organisation__name_kk",
        "organisation__name_ru",
        "organisation__bin",
        "contact_name",
        "contact_email",
    ]
    ordering = ["-submitted_at", "-pk"]
    readonly_fields = [
        "reference_code",
        "status",
        "rejection_reason",
        "reviewed_by",
        "reviewed_at",
        "language",
        "submitted_at",
        "consent_given_at",
    ]
    autocomplete_fields = ["organisation"]
    inlines = [BoothPhotoInline]
    actions = ["approve_selected", "reject_selected", "withdraw_selected"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "slug":
            # Booth.save() makes a free one from the organisation's name.
            kwargs["required"] = False
            kwargs["help_text"] = format_lazy(
                "{} {}", SLUG_HELP_TEXT, _("Left empty, it is made from the organisation’s name.")
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("booth needs"))
    def needs(self, booth):
        fields = ["needs_power", "needs_wheelchair_access", "needs_sign_language_interpreter"]
        return ", ".join(
            str(Booth._meta.get_field(name).verbose_name) for name in fields if getattr(booth, name)
        )

    @admin.action(description=_("Approve the selected applications"), permissions=["change"])
    def approve_selected(self, request, queryset):
        pending = queryset.exclude(status=Booth.Status.APPROVED)
        self._report_unchanged(request, queryset, Booth.Status.APPROVED)
        if not pending.exists():
            return
        approved = applications_approve(booths=pending, user=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d application approved: its booth is public now.",
                "%(count)d applications approved: their booths are public now.",
                len(approved),
            )
            % {"count": len(approved)},
        )

    @admin.action(description=_("Reject the selected applications…"), permissions=["change"])
    def reject_selected(self, request, queryset):
        """Ask for the reason on a page of its own, then reject and tell each applicant.

        Applications rejected already are left as they are: their applicants
        were told once.
        """
        self._report_unchanged(request, queryset, Booth.Status.REJECTED)
        queryset = queryset.exclude(status=Booth.Status.REJECTED)
        if not queryset.exists():
            return None
        form = RejectionForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            rejected = applications_reject(
                booths=queryset, reason=form.cleaned_data["reason"], user=request.user
            )
            self.message_user(
                request,
                ngettext(
                    "%(count)d application rejected; the applicant is told why.",
                    "%(count)d applications rejected; the applicants are told why.",
                    len(rejected),
                )
                % {"count": len(rejected)},
            )
            return None
        booths = queryset.select_related("organisation", "forum")
        placeholder = str(REASON_PLACEHOLDER)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject applications"),
            "opts": self.model._meta,
            "booths": booths,
            # Rejecting these takes them off the site: the page says so.
            "public_booths": booths.public(),
            # Approved in a draft edition: not public, but their applicants were told of the
            # approval and will hear of the rejection.
            "approved_draft_booths": booths.filter(status=Booth.Status.APPROVED).exclude(
                pk__in=booths.public()
            ),
            "reason_placeholder": placeholder,
            "previews": [
                (booth, *rejection_preview(booth=booth, reason=placeholder)) for booth in booths
            ],
            "form": form,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/exhibitors/booth/reject_selected.html", context)

    @admin.action(
        description=_("Mark the selected applications as withdrawn by the applicant"),
        permissions=["change"],
    )
    def withdraw_selected(self, request, queryset):
        """An exhibitor who pulls out: off the site, without the rejection's e-mail."""
        self._report_unchanged(request, queryset, Booth.Status.WITHDRAWN)
        pending = queryset.exclude(status=Booth.Status.WITHDRAWN)
        if not pending.exists():
            return
        withdrawn = applications_withdraw(booths=pending, user=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d application marked as withdrawn: its booth is not on the site; "
                "no e-mail is sent.",
                "%(count)d applications marked as withdrawn: their booths are not on the site; "
                "no e-mail is sent.",
                len(withdrawn),
            )
            % {"count": len(withdrawn)},
        )

    def _report_unchanged(self, request, queryset, status):
        """Say how many of the selected applications have `status` already (a decision is made once)."""
        count = queryset.filter(status=status).count()
        if not count:
            return
        message = {
            Booth.Status.APPROVED: ngettext(
                "%(count)d application was approved already: it is left as it is.",
                "%(count)d applications were approved already: they are left as they are.",
                count,
            ),
            Booth.Status.REJECTED: ngettext(
                "%(count)d application was rejected already: it is left as it is, "
                "and its applicant is not written to again.",
                "%(count)d applications were rejected already: they are left as they are, "
                "and their applicants are not written to again.",
                count,
            ),
            Booth.Status.WITHDRAWN: ngettext(
                "%(count)d application was withdrawn already: it is left as it is.",
                "%(count)d applications were withdrawn already: they are left as they are.",
                count,
            ),
        }[status]
        self.message_user(request, message % {"count": count}, messages.WARNING)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Ours (the cards link) on top of django-import-export's (the export
        # link), which it sets in __init__.
        self.change_list_template = "admin/exhibitors/booth/change_list.html"

    # The contact person's name, e-mail and phone are personal data, given for
    # the moderation of the application: staff who may only view booths
    # (editors) neither see, search nor export them.
    def sees_contacts(self, request):
        return self.has_change_permission(request)

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or ())
        return exclude if self.sees_contacts(request) else [*exclude, *Booth.CONTACT_FIELDS]

    def get_search_fields(self, request):
        fields = super().get_search_fields(request)
        if self.sees_contacts(request):
            return fields
        return [name for name in fields if name not in Booth.CONTACT_FIELDS]

    def get_export_resource_classes(self, request):
        return [BoothResource if self.sees_contacts(request) else BoothResourceWithoutContacts]

    def get_export_queryset(self, request):
        return (
            super()
            .get_export_queryset(request)
            .select_related("forum", "organisation")
            .prefetch_related("themes")
        )

    def get_urls(self):
        cards_view = self.admin_site.admin_view(self.cards_view)
        return [
            path("cards/", cards_view, name="exhibitors_booth_cards"),
            *super().get_urls(),
        ]

    def cards_view(self, request):
        """A page to print: one A6 card per approved booth of an edition, with a QR code."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        forums = list(Forum.objects.all())
        chosen = request.GET.get("forum", "")
        forum = next((f for f in forums if str(f.pk) == chosen), None)
        forum = forum or Forum.objects.current() or (forums[0] if forums else None)
        booth_cards = cards.cards(forum, request.build_absolute_uri) if forum else []
        context = {
            **self.admin_site.each_context(request),
            "forums": forums,
            "forum": forum,
            "cards": booth_cards,
        }
        return TemplateResponse(request, "admin/exhibitors/booth/cards.html", context)
