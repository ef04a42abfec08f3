from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from forum_site.admin_tools import (
    AlphabeticalColumnsMixin,
    BilingualAdmin,
    BilingualStackedInline,
    CaseFoldSearchMixin,
    RelatedLoadedOnceInlineMixin,
    alphabetical_columns,
    yes_no,
)

from .forms import ForumAdminForm
from .models import Appearance, Forum, Performance, Person, ProgrammeItem, Statement
from .services import forum_publish, forum_unpublish


class ProgrammeItemInline(BilingualStackedInline):
    model = ProgrammeItem
    extra = 0
    fields = ["order", "kind", "title", "starts_at", "ends_at", "place"]
    show_change_link = True


class StatementInline(RelatedLoadedOnceInlineMixin, BilingualStackedInline):
    model = Statement
    extra = 0
    fields = ["order", "person", "programme_item", "text"]
    # programme_item as a plain select: an edition has few.
    autocomplete_fields = ["person"]
    # The person: the row's title (Statement.__str__) and its autocomplete.
    select_related = ["person"]


# Stacked, not tabular: a tabular row's inputs have no <label> (WCAG 1.3.1, 4.1.2).
class PerformanceInline(BilingualStackedInline):
    model = Performance
    extra = 0
    fields = ["order", "performer", "notes"]


@admin.register(Forum)
class ForumAdmin(BilingualAdmin):
    form = ForumAdminForm
    list_display = [
        "title",
        "year",
        "starts_on",
        "status",
        "sample",
        "missing_to_publish",
        "updated_at",
    ]
    list_filter = ["status", "is_sample", "year"]
    search_fields = ["title_kk", "title_ru", "slug"]
    ordering = ["-year", "-starts_on", "-pk"]
    date_hierarchy = "starts_on"
    readonly_fields = ["missing_to_publish", "updated_at"]
    inlines = [ProgrammeItemInline, StatementInline, PerformanceInline]
    actions = ["publish", "unpublish"]

    @admin.display(description=_("sample data"), ordering="is_sample")
    def sample(self, forum):
        return yes_no(forum.is_sample)

    @admin.display(description=_("missing to publish"))
    def missing_to_publish(self, forum):
        if forum.pk is None:
            return "—"
        missing = [str(self._field_label(name)) for name in forum.publishing_errors()]
        return ", ".join(missing) or "—"

    @staticmethod
    def _field_label(name):
        # modeltranslation's column names carry the language: "title [ru]".
        return Forum._meta.get_field(name).verbose_name

    @admin.action(description=_("Publish the selected editions"), permissions=["change"])
    def publish(self, request, queryset):
        if already := queryset.filter(status=Forum.Status.PUBLISHED).count():
            self.message_user(
                request,
                ngettext(
                    "%(count)d edition was published already: it is left as it is.",
                    "%(count)d editions were published already: they are left as they are.",
                    already,
                )
                % {"count": already},
                messages.WARNING,
            )
        published = 0
        for forum in queryset.exclude(status=Forum.Status.PUBLISHED):
            if errors := forum_publish(forum=forum, user=request.user):
                self.message_user(
                    request,
                    _("“%(edition)s” is not published: fill in %(fields)s.")
                    % {
                        "edition": forum,
                        "fields": ", ".join(str(self._field_label(name)) for name in errors),
                    },
                    messages.ERROR,
                )
            else:
                published += 1
        if published:
            self.message_user(
                request,
                ngettext(
                    "%(count)d edition is published.",
                    "%(count)d editions are published.",
                    published,
                )
                % {"count": published},
                messages.SUCCESS,
            )

    @admin.action(description=_("Make the selected editions drafts"), permissions=["change"])
    def unpublish(self, request, queryset):
        for forum in queryset:
            forum_unpublish(forum=forum, user=request.user)
        self.message_user(request, _("The editions are drafts now."), messages.SUCCESS)


# Stacked, as the inlines above: a tabular row's inputs have no <label>.
class AppearanceInline(RelatedLoadedOnceInlineMixin, admin.StackedInline):
    model = Appearance
    extra = 0
    fields = ["order", "person", "role"]
    autocomplete_fields = ["person"]
    # The row's title (Appearance.__str__) names both.
    select_related = ["person", "programme_item"]


@admin.register(ProgrammeItem)
class ProgrammeItemAdmin(BilingualAdmin):
    list_display = ["title", "forum", "kind", "starts_at", "order"]
    list_filter = ["forum", "kind"]
    list_select_related = ["forum"]
    search_fields = ["title_kk", "title_ru"]
    ordering = ["forum", "order", "pk"]
    autocomplete_fields = ["forum"]
    inlines = [AppearanceInline]


@admin.register(Person)
class PersonAdmin(AlphabeticalColumnsMixin, BilingualAdmin):
    list_display = ["name", "position"]
    alphabetical = {"name": alphabetical_columns("name", _("name"))}
    search_fields = ["name_kk", "name_ru", "position_kk", "position_ru"]


# The person column sorts in the admin's alphabet (a foreign key column sorts by the
# model's ordering, the Kazakh one); the rows keep the programme's order.
PERSON_COLUMN = {"person": alphabetical_columns("person", _("person"), "person__sort_key")}


@admin.register(Appearance)
class AppearanceAdmin(AlphabeticalColumnsMixin, CaseFoldSearchMixin, admin.ModelAdmin):
    list_display = ["person", "programme_item", "role", "order"]
    alphabetical = PERSON_COLUMN
    list_filter = ["role", "programme_item__forum"]
    list_select_related = ["person", "programme_item"]
    search_fields = ["person__name_kk", "person__name_ru", "programme_item__title_kk"]
    autocomplete_fields = ["person", "programme_item"]


@admin.register(Statement)
class StatementAdmin(AlphabeticalColumnsMixin, BilingualAdmin):
    list_display = ["person", "forum", "order"]
    alphabetical = PERSON_COLUMN
    list_filter = ["forum"]
    list_select_related = ["person", "forum"]
    search_fields = ["text_kk", "text_ru", "person__name_kk", "person__name_ru"]
    autocomplete_fields = ["forum", "person", "programme_item"]


@admin.register(Performance)
class PerformanceAdmin(BilingualAdmin):
    list_display = ["performer", "forum", "order"]
    list_filter = ["forum"]
    list_select_related = ["forum"]
    search_fields = ["performer_kk", "performer_ru"]
    autocomplete_fields = ["forum"]
