"""Pieces the admin classes of every app share."""

import io
import re
from functools import partial

import tablib
from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connections, models, transaction
from django.db.models.constants import LOOKUP_SEP
from django.forms.models import BaseInlineFormSet
from django.utils.encoding import force_str
from django.utils.html import format_html
from django.utils.text import capfirst, smart_split, unescape_string_literal
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import SelectableFieldsExportForm
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from openpyxl import load_workbook

from events.text import slugify_kk

from .images import OUTPUT_FORMATS, PHOTO_WIDTHS, prepare_image
from .uploads import delete_renditions, files_removed_on_error, stored_files, stored_names

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def side_by_side(fields):
    """Put each bilingual field's columns (`title_kk`, `title_ru`) on one row.

    Django's admin shows a tuple of fields as one row; modeltranslation lists
    the language columns one under the other.
    """
    grouped, fields = [], list(fields)
    index = 0
    while index < len(fields):
        field = fields[index]
        if isinstance(field, str) and field.endswith(f"_{LANGUAGE_CODES[0]}"):
            base = field.removesuffix(f"_{LANGUAGE_CODES[0]}")
            columns = [f"{base}_{code}" for code in LANGUAGE_CODES]
            if fields[index : index + len(columns)] == columns:
                grouped.append(tuple(columns))
                index += len(columns)
                continue
        grouped.append(field)
        index += 1
    return grouped


class HttpsUrlMixin:
    # Web addresses typed without a scheme are https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


def yes_no(value):
    """A yes/no column in words: Django's icons have English alt text ("True")."""
    return gettext("Yes") if value else gettext("No")


class ThroughRowsHiddenMixin:
    """The delete confirmation without rows of many-to-many link tables.

    Django names those tables in English ("Booth_themes object (1)"); deleting
    a theme only unlinks it from its booths, which the page need not list.
    """

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        through = {
            field.remote_field.through
            for model in apps.get_models()
            for field in model._meta.local_many_to_many
            if field.remote_field.through._meta.auto_created
        }
        hidden_prefixes = tuple(f"{capfirst(model._meta.verbose_name)}: " for model in through)
        hidden_counts = {model._meta.verbose_name_plural for model in through}

        def keep(items):
            kept = []
            for item in items:
                if isinstance(item, list):
                    kept.append(keep(item))
                elif not str(item).startswith(hidden_prefixes):
                    kept.append(item)
            return [item for item in kept if item != []]

        model_count = {
            name: count for name, count in model_count.items() if name not in hidden_counts
        }
        return keep(deleted), model_count, perms_needed, protected


# What Django's admin makes of a search field's prefix, folding case (forum_site/casefold.py).
CASEFOLD_PREFIXES = {"^": "casefold_startswith", "=": "casefold_exact"}


def casefold_search_lookup(opts, field_name):
    """The lookup of one of `search_fields`, as Django's admin makes it, but folding case.

    "name" searches with casefold_contains, "^name" casefold_startswith,
    "=name" casefold_exact; "@name" is full-text search, as in Django (which
    SQLite lacks); a field that names its own lookup keeps it.
    """
    if field_name[:1] in CASEFOLD_PREFIXES:
        return f"{field_name[1:]}{LOOKUP_SEP}{CASEFOLD_PREFIXES[field_name[0]]}"
    if field_name.startswith("@"):
        return f"{field_name[1:]}{LOOKUP_SEP}search"
    for part in field_name.split(LOOKUP_SEP):
        try:
            field = opts.get_field(opts.pk.name if part == "pk" else part)
        except FieldDoesNotExist:
            return field_name
        if hasattr(field, "path_infos"):
            opts = field.path_infos[-1].to_opts
    return f"{field_name}{LOOKUP_SEP}casefold_contains"


class CaseFoldSearchMixin:
    """Search and autocomplete that ignore case in every alphabet, Kazakh and Russian too.

    SQLite's LIKE folds ASCII only, so on SQLite each search field becomes a
    casefold lookup; the terms are split, quoted phrases kept, and duplicates
    flagged as Django's own search does. Other databases (PostgreSQL) fold
    every letter themselves and get Django's search unchanged.
    """

    def get_search_results(self, request, queryset, search_term):
        search_fields = self.get_search_fields(request)
        if not (search_fields and search_term) or connections[queryset.db].vendor != "sqlite":
            return super().get_search_results(request, queryset, search_term)
        lookups = [casefold_search_lookup(self.opts, str(field)) for field in search_fields]
        term_queries = []
        for bit in smart_split(search_term):
            if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
                bit = unescape_string_literal(bit)
            term_queries.append(
                models.Q.create([(lookup, bit) for lookup in lookups], connector=models.Q.OR)
            )
        queryset = queryset.filter(models.Q.create(term_queries))
        may_have_duplicates = any(lookup_spawns_duplicates(self.opts, lookup) for lookup in lookups)
        return queryset, may_have_duplicates


class SideBySideMixin(ThroughRowsHiddenMixin, HttpsUrlMixin):
    def get_fieldsets(self, request, obj=None):
        return [
            (name, {**options, "fields": side_by_side(options["fields"])})
            for name, options in super().get_fieldsets(request, obj)
        ]


class UploadsRemovedOnErrorMixin:
    """Images an add or change page stored are deleted again if its save fails.

    The admin saves inside one transaction, but files are written before it
    commits: an error after the image form's save (an inline, the database)
    would otherwise leave them behind.
    """

    def changeform_view(self, request, *args, **kwargs):
        with files_removed_on_error():
            return super().changeform_view(request, *args, **kwargs)


class TransliteratedSlugField(forms.SlugField):
    """A web address typed in Kazakh or Russian letters, written in Latin ones ("қазақ" -> "qazaq").

    Django's slug field refuses every letter that is not Latin, and staff
    think of an address in the language of its page.
    """

    def to_python(self, value):
        value = super().to_python(value)
        if value and not value.isascii():
            value = slugify_kk(value, max_length=self.max_length or 80)
        return value


SLUG_HELP_TEXT = _(
    "Part of the page’s web address: Latin letters, digits and hyphens. "
    "Kazakh and Russian letters are written in Latin ones."
)


class TransliteratedSlugMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.SlugField):
            kwargs.setdefault("form_class", TransliteratedSlugField)
            kwargs.setdefault("help_text", db_field.help_text or SLUG_HELP_TEXT)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class BilingualAdmin(
    UploadsRemovedOnErrorMixin,
    CaseFoldSearchMixin,
    TransliteratedSlugMixin,
    SideBySideMixin,
    TranslationAdmin,
):
    """A model with bilingual fields: both languages of a field side by side."""


class ChosenObjectAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete, labelling its chosen option from the object the row already holds.

    Django's widget asks the database for the chosen object's name, once per
    widget: an inline of n rows costs n queries. RelatedLoadedOnceFormSet hands
    each row's widget its object (`chosen`, loaded with the inline's rows by
    select_related); a value the object does not match (a form sent back with
    errors) is looked up as Django does.
    """

    chosen = None

    def optgroups(self, name, value, attr=None):
        values = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.chosen is None or values != [str(self.chosen.pk)]:
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        label = self.choices.field.label_from_instance(self.chosen)
        options.append(self.create_option(name, self.chosen.pk, label, True, len(options)))
        return [(None, options, 0)]


class RelatedLoadedOnceFormSet(BaseInlineFormSet):
    """An inline formset whose rows show their related objects without a query per row.

    A plain select of related objects (ModelChoiceField) runs its query for
    every row: its choices are read once and shared. An autocomplete
    (ChosenObjectAutocompleteSelect) is given the row's chosen object.
    """

    def __init__(self, *args, **kwargs):
        self._shared_choices = {}  # {field name: its choices}; the forms are built later
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        shared = self._shared_choices
        for name, field in form.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # RelatedFieldWidgetWrapper
            if isinstance(widget, ChosenObjectAutocompleteSelect):
                model_field = form.instance._meta.get_field(name)
                if model_field.is_cached(form.instance):
                    widget.chosen = getattr(form.instance, name)
            elif isinstance(field, forms.ModelChoiceField) and isinstance(widget, forms.Select):
                if name not in shared:
                    # iter(): list() would ask the iterator's length, a COUNT query.
                    shared[name] = list(iter(field.choices))
                field.choices = shared[name]


class RelatedLoadedOnceInlineMixin:
    """An inline that loads its rows' related objects with the rows (`select_related`, a
    list of relation names): an edition of many statements costs no more queries than of few."""

    formset = RelatedLoadedOnceFormSet
    select_related = []

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.select_related)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ChosenObjectAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class BilingualStackedInline(SideBySideMixin, TranslationStackedInline):
    pass


class BilingualTabularInline(HttpsUrlMixin, TranslationTabularInline):
    pass


def admin_language():
    """The active language's code, one of LANGUAGE_CODES."""
    code = get_language()
    return code if code in LANGUAGE_CODES else LANGUAGE_CODES[0]


def alphabetical_columns(field, description, sort_key="sort_key"):
    """{language: list column} showing `field`, sorted in that language's alphabet.

    Django sorts a column by its database value: on SQLite Kazakh letters come
    after я, and an empty Russian name first. The `sort_key_<language>` columns
    hold the alphabet's order (events.text.alphabet_sort_key); `sort_key` names
    them through a relation ("person__sort_key") when the row has none of its own.
    """

    def column_for(code):
        @admin.display(description=description, ordering=f"{sort_key}_{code}")
        def column(obj):
            return getattr(obj, field)

        return column

    return {code: column_for(code) for code in LANGUAGE_CODES}


class AlphabeticalColumnsMixin:
    """Columns of `alphabetical` ({list_display name: alphabetical_columns(...)}) in the
    admin's language, and a list of rows with sort keys ordered by its alphabet unless
    `ordering` says otherwise."""

    alphabetical = {}

    def _in_language(self, names):
        code = admin_language()
        return [
            self.alphabetical[name][code] if name in self.alphabetical else name for name in names
        ]

    def get_list_display(self, request):
        return self._in_language(super().get_list_display(request))

    def get_ordering(self, request):
        # Also the order of autocomplete results (AutocompleteJsonView asks get_queryset).
        # A row without sort keys of its own (sorted by a relation's) keeps its model's order.
        sort_key = f"sort_key_{admin_language()}"
        if self.ordering or sort_key not in {field.name for field in self.opts.fields}:
            return super().get_ordering(request)
        return [sort_key, "pk"]

    def get_list_display_links(self, request, list_display):
        return self._in_language(super().get_list_display_links(request, list_display))


def thumbnail(image, alt, size=80):
    """A small <img> of an uploaded image for change lists and forms, or an empty string."""
    if not image:
        return ""
    return format_html(
        '<img src="{}" alt="{}" class="admin-thumbnail" width="{}" loading="lazy">',
        image.url,
        alt or "",
        size,
    )


class ExportForm(SelectableFieldsExportForm):
    """The export page's column check boxes labelled with the translated column names.

    django-import-export labels them with the English field name
    ("Project Title Kk (...)"), which a Kazakh or Russian page must not show.
    """

    def _get_field_label(self, resource, field_name):
        field = resource.fields.get(field_name)
        return force_str(field.column_name) if field else field_name


# A spreadsheet program runs a cell that starts with one of these as a formula:
# a public form's "=HYPERLINK(…)" or "@SUM(…)" would run on a moderator's computer.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plain number (a phone number "+77012345678", "-5") is no formula: it stays as it is.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def inert_text(value):
    """`value`, with a leading apostrophe if a spreadsheet would read it as a formula."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


class InertCSV(CSV):
    """CSV whose cells never start a formula (a CSV cell has no type: the apostrophe marks text)."""

    def export_data(self, dataset, **kwargs):
        inert = tablib.Dataset(headers=dataset.headers, title=dataset.title)
        for row in dataset:
            inert.append([inert_text(value) for value in row])
        return super().export_data(inert, **kwargs)


class InertXLSX(XLSX):
    """XLSX whose text is text: openpyxl stores any text starting with "=" as a formula.

    The cells keep their exact text, typed as strings, which no spreadsheet runs.
    """

    def export_data(self, dataset, **kwargs):
        workbook = load_workbook(io.BytesIO(super().export_data(dataset, **kwargs)))
        for row in workbook.active.iter_rows():
            for cell in row:
                if cell.data_type in ("f", "e"):  # formula, or text that looks like "#N/A"
                    cell.data_type = "s"
        output = io.BytesIO()
        workbook.save(output)
        return output.getvalue()


class StaffExportMixin(ExportMixin):
    """Export of a change list (its filters applied) to CSV and XLSX, formulas made inert."""

    formats = [InertCSV, InertXLSX]
    export_form_class = ExportForm


class ReencodedImageModelForm(forms.ModelForm):
    """An admin form whose image upload goes through the same checks as the public form.

    The upload is judged by images.prepare_image and stored as its re-encoded
    renditions under a random name in `folder` (never the original file); the
    files it replaces are removed once the change is committed. Subclasses
    name the model's fields and the copies to make.
    """

    image_field = "image"
    renditions_field = "renditions"
    size_fields = ("width", "height")
    widths = PHOTO_WIDTHS
    formats = OUTPUT_FORMATS
    folder = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Named now: validating the form puts the upload on the instance.
        self._stored = (
            stored_names(
                getattr(self.instance, self.image_field),
                getattr(self.instance, self.renditions_field),
            )
            if self.instance.pk is not None
            else []
        )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get(self.image_field)
        self._prepared = None
        if isinstance(upload, UploadedFile):
            try:
                self._prepared = prepare_image(upload, self.widths, self.formats)
            except ValidationError as error:
                self.add_error(self.image_field, error)
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=False)
        cleared = self.cleaned_data.get(self.image_field) is False
        if self._prepared is not None:
            main, renditions = stored_files().store(self._prepared, self.folder)
            largest = self._prepared.largest()
            setattr(instance, self.image_field, main)
            setattr(instance, self.renditions_field, renditions)
            setattr(instance, self.size_fields[0], largest.width)
            setattr(instance, self.size_fields[1], largest.height)
        elif cleared:
            setattr(instance, self.renditions_field, [])
        if self._stored and (self._prepared is not None or cleared):
            transaction.on_commit(partial(delete_renditions, self._stored))
        if commit:
            instance.save()
            self._save_m2m()
        return instance
