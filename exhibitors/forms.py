"""The public booth application form: it validates; services.py saves and sends mail."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from events.models import ACCESS_LABELS
from forum_site.admin_tools import ReencodedImageModelForm
from forum_site.images import LOGO_WIDTHS, MAX_BYTES, MAX_PIXELS, PHOTO_WIDTHS, prepare_image

from . import stash
from .models import BoothPhoto, LegalForm, Organisation, Theme
from .validators import normalise_phone, validate_bin

PHOTO_SLOTS = 5
ACCEPTED_IMAGE_TYPES = "image/jpeg,image/png,image/webp"


def _interpolate(message, values):
    return str(message) % values


# `_("… %(x)s") % values` at import time would freeze the text in one language.
interpolate_lazy = lazy(_interpolate, str)

_MAX_LENGTH = _(
    "At most %(limit_value)d characters are allowed here; this text has %(show_value)d."
)


def _text(label, max_length, *, required=True, textarea=False, required_message=None, **kwargs):
    """A text field with our own messages (Django's Kazakh ones are missing or stale)."""
    messages = {"max_length": _MAX_LENGTH}
    if required_message:
        messages["required"] = required_message
    widget = forms.Textarea(attrs={"rows": 6}) if textarea else None
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=widget,
        error_messages=messages,
        **kwargs,
    )


class ImageBoundField(forms.BoundField):
    """A file field of the booth form, which may hold a file kept from an earlier send."""

    @property
    def kept(self):
        """The KeptFile shown beside the input, or None."""
        if stashed := self.form.kept_files.get(self.name):
            return stash.kept_file(stashed, self.form.browser)
        return None

    @property
    def aria_describedby(self):
        described_by = super().aria_describedby
        if described_by is not None and self.name in self.form.kept_files:
            # The note that names the kept file (templates/includes/form_field.html).
            described_by = f"{described_by} {self.auto_id}_kept".strip()
        return described_by


def _image_field(label, help_text=None):
    return forms.FileField(
        label=label,
        required=False,
        help_text=help_text,
        bound_field_class=ImageBoundField,
        widget=forms.FileInput(attrs={"accept": ACCEPTED_IMAGE_TYPES}),
        error_messages={"max_length": _("This file’s name is too long: please rename it.")},
        max_length=200,
    )


def _alt_field(label):
    return _text(
        label,
        300,
        required=False,
        help_text=_(
            "What the picture shows, in a sentence, for people who cannot see it. "
            "Required when you choose a picture."
        ),
    )


# Said of each field of a pair where one language is enough: neither is
# "optional", since leaving both empty is an error.
_EITHER_LANGUAGE_HELP = _("Fill in at least one of the two: in Kazakh or in Russian.")


def _either_language(label, max_length, **kwargs):
    field = _text(label, max_length, required=False, help_text=_EITHER_LANGUAGE_HELP, **kwargs)
    field.either_language = True
    return field


class BoothApplicationForm(forms.Form):
    """An NGO's application for a booth at the coming edition."""

    # Organisation
    organisation_name_kk = _either_language(_("Name in Kazakh"), 300)
    organisation_name_ru = _either_language(_("Name in Russian"), 300)
    legal_form = forms.ChoiceField(
        label=_("Legal form"),
        choices=[("", _("Choose…")), *LegalForm.choices],
        error_messages={"required": _("Choose the organisation’s legal form.")},
    )
    bin = _text(
        _("BIN"),
        20,
        required_message=_("Enter the organisation’s BIN."),
        help_text=_("Business identification number: 12 digits."),
    )
    city = _text(_("City"), 100, required_message=_("Enter the city the organisation is in."))
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        max_length=200,
        error_messages={
            "invalid": _("Enter a website address like https://example.kz."),
            "max_length": _MAX_LENGTH,
        },
    )

    # Contact person
    contact_name = _text(
        _("Full name"), 200, required_message=_("Enter the contact person’s name.")
    )
    contact_email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We send the confirmation and the decision here."),
        error_messages={
            "required": _("Enter the contact person’s e-mail address."),
            "invalid": _("Enter an e-mail address like name@example.kz."),
            "max_length": _MAX_LENGTH,
        },
    )
    contact_phone = _text(
        _("Phone"),
        30,
        required_message=_("Enter the contact person’s phone number."),
        help_text=_("In the +7 format, for example +7 701 234 56 78."),
    )

    # Project
    project_title_kk = _either_language(_("Project title in Kazakh"), 300)
    project_title_ru = _either_language(_("Project title in Russian"), 300)
    description_kk = _either_language(_("Project description in Kazakh"), 3000, textarea=True)
    description_ru = _either_language(_("Project description in Russian"), 3000, textarea=True)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose every theme your project works on."),
        error_messages={"required": _("Choose at least one theme.")},
    )

    # Logo and photos (fields added below)
    logo = _image_field(
        _("Logo"),
        help_text=interpolate_lazy(
            _("JPEG, PNG or WebP, at most %(size)d MB and %(megapixels)d megapixels."),
            {"size": MAX_BYTES // (1024 * 1024), "megapixels": MAX_PIXELS // 1_000_000},
        ),
    )
    logo_alt = _alt_field(_("Text alternative for the logo"))

    # What the booth needs
    needs_power = forms.BooleanField(label=_("A power socket"), required=False)
    needs_wheelchair_access = forms.BooleanField(
        label=_("Wheelchair access to the booth"), required=False
    )
    needs_sign_language_interpreter = forms.BooleanField(
        label=_("A sign-language interpreter"), required=False
    )

    # What the booth offers visitors for access (shown on its public page)
    access = forms.MultipleChoiceField(
        label=_("Access your booth offers visitors"),
        choices=[(name, capfirst(label)) for name, label in ACCESS_LABELS.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Tick only what you will really offer at the booth: it is shown on your booth’s "
            "page and visitors can look for it."
        ),
    )

    consent = forms.BooleanField(
        label=_("I agree to the collection and processing of the personal data in this form."),
        error_messages={"required": _("Tick the box to agree to the processing of personal data.")},
    )

    # Not shown to people (hidden by the stylesheet): only robots fill it.
    fax = forms.CharField(label=_("Leave this field empty"), required=False, max_length=100)
    # One per form page: sending the same form twice finds the first application.
    submission_token = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": _("The form could not be sent. Please reload the page and try again."),
            "invalid": _("The form could not be sent. Please reload the page and try again."),
        },
    )

    # Pairs of (bilingual field in Kazakh, in Russian) where one of the two is enough.
    EITHER_LANGUAGE = {
        "organisation_name": _("Enter the organisation’s name in Kazakh, in Russian or in both."),
        "project_title": _("Enter the project’s title in Kazakh, in Russian or in both."),
        "description": _("Describe the project in Kazakh, in Russian or in both."),
    }

    def __init__(self, *args, browser=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The browser's key (stash.browser_key) that kept files are tied to;
        # without it, files are neither kept nor taken from an earlier send.
        self.browser = browser
        # Filled in by clean() and stash.keep_files(), by field name: the kept
        # files to show and use, the files chosen now that passed their checks
        # (kept if the form has errors), and kept files replaced or removed.
        self.kept_files = {}
        self.new_files = {}
        self.dropped_files = []
        self.fields["fax"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.fields["contact_phone"].widget.input_type = "tel"
        self.fields["contact_phone"].widget.attrs.update(autocomplete="tel")
        self.fields["contact_name"].widget.attrs.update(autocomplete="name")
        self.fields["contact_email"].widget.attrs.update(autocomplete="email")
        self.fields["bin"].widget.attrs.update(inputmode="numeric", autocomplete="off")
        # What a browser can fill in from what it knows (WCAG 1.3.5).
        for name in ("organisation_name_kk", "organisation_name_ru"):
            self.fields[name].widget.attrs.update(autocomplete="organization")
        self.fields["city"].widget.attrs.update(autocomplete="address-level2")
        self.fields["website"].widget.attrs.update(autocomplete="url")

    @classmethod
    def image_fields(cls):
        """(file field, its text alternative, widths to store) for the logo and each photo."""
        fields = [("logo", "logo_alt", LOGO_WIDTHS)]
        fields += [
            (f"photo_{n}", f"photo_{n}_alt", PHOTO_WIDTHS) for n in range(1, PHOTO_SLOTS + 1)
        ]
        return fields

    def photo_fields(self):
        """The bound (photo, alt) pairs, for the template."""
        return [(self[f"photo_{n}"], self[f"photo_{n}_alt"]) for n in range(1, PHOTO_SLOTS + 1)]

    def first_photo_fields(self):
        """The first (photo, alt) pair: always shown."""
        return self.photo_fields()[:1]

    def more_photo_fields(self):
        """The other (photo, alt) pairs: shown inside a <details> to keep the form short."""
        return self.photo_fields()[1:]

    @property
    def more_photos_open(self):
        """Whether the <details> of photos 2 to 5 starts open.

        It opens when one of those slots has an error (the error summary links
        to it, and a link into a closed <details> goes nowhere) or holds what
        the visitor typed or chose, so that nothing they entered is hidden.
        """
        for photo, alt in self.more_photo_fields():
            if (
                photo.errors
                or alt.errors
                or alt.data
                or self.files.get(photo.html_name)
                or photo.name in self.kept_files
            ):
                return True
        return False

    def clean_bin(self):
        value = "".join(self.cleaned_data["bin"].split())
        validate_bin(value)
        return value

    def clean_contact_phone(self):
        return normalise_phone(self.cleaned_data["contact_phone"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("fax"):
            raise ValidationError(
                _("The form could not be sent. Please try again."), code="honeypot"
            )
        for stem, message in self.EITHER_LANGUAGE.items():
            kk, ru = f"{stem}_kk", f"{stem}_ru"
            if kk in cleaned and ru in cleaned and not (cleaned[kk].strip() or cleaned[ru].strip()):
                self.add_error(kk, ValidationError(message, code="required"))
        for file_name, alt_name, widths in self.image_fields():
            chosen = cleaned.get(file_name)
            kept = self._kept_file(file_name, chosen=bool(chosen))
            upload = chosen or (kept and stash.as_upload(kept))
            if not upload:
                continue
            try:
                cleaned[file_name] = prepare_image(upload, widths)
            except ValidationError as error:
                self.add_error(file_name, error)
                if chosen and kept:
                    # The new file is refused: the one kept before stays.
                    self.kept_files[file_name] = kept
                continue
            if chosen:
                self.new_files[file_name] = chosen
                if kept:
                    self.dropped_files.append(kept)
            else:
                self.kept_files[file_name] = kept
            if alt_name in cleaned and not cleaned[alt_name].strip():
                self.add_error(
                    alt_name,
                    ValidationError(
                        _("Describe the picture for people who cannot see it."),
                        code="alt_required",
                    ),
                )
        return cleaned

    def _kept_file(self, name, *, chosen):
        """The file kept for `name` from an earlier send, unless the visitor ticked its removal.

        A reference that cannot be used is an error only when the field has
        nothing else: a file chosen now replaces it, and a removal needs nothing.
        """
        reference = self.data.get(f"{name}_kept")
        if not reference or self.browser is None:
            return None
        removed = bool(self.data.get(f"{name}_remove"))
        try:
            kept = stash.find(
                reference,
                browser=self.browser,
                submission_token=self.cleaned_data.get("submission_token"),
                field=name,
            )
        except ValidationError as error:
            if not (chosen or removed):
                self.add_error(name, error)
            return None
        if removed:
            self.dropped_files.append(kept)
            return None
        return kept

    def files_not_kept(self):
        """Files chosen now that passed their checks but were not kept: the visitor must choose them again."""
        return [name for name in self.new_files if name not in self.kept_files]

    def error_summary(self):
        """Every error in the order of the fields: [{"id", "label", "message"}].

        `id` is the element the summary links to (the first box of a group of
        checkboxes); errors about the whole form have no id.
        """
        items = [
            {"id": None, "label": None, "message": message}
            for message in self.errors.get(NON_FIELD_ERRORS, [])
        ]
        for name in self.fields:
            if name not in self.errors:
                continue
            bound = self[name]
            anchor = None if bound.is_hidden else bound.auto_id
            if isinstance(bound.field.widget, forms.CheckboxSelectMultiple):
                anchor = f"{anchor}_0"
            # A label that is a sentence ("I agree … in this form.") loses its
            # full stop before the colon and the message.
            label = str(bound.label).rstrip(".")
            items += [
                {"id": anchor, "label": label, "message": message} for message in self.errors[name]
            ]
        return items


def _add_photo_fields(form_class):
    """photo_1 … photo_5, each with its text alternative, placed after the logo."""
    order = list(form_class.base_fields)
    photos = []
    for number in range(1, PHOTO_SLOTS + 1):
        form_class.base_fields[f"photo_{number}"] = _image_field(
            interpolate_lazy(_("Photo %(number)d"), {"number": number})
        )
        form_class.base_fields[f"photo_{number}_alt"] = _alt_field(
            interpolate_lazy(_("Text alternative for photo %(number)d"), {"number": number})
        )
        photos += [f"photo_{number}", f"photo_{number}_alt"]
    after_logo = order.index("logo_alt") + 1
    form_class.field_order = order[:after_logo] + photos + order[after_logo:]


_add_photo_fields(BoothApplicationForm)


def _admin_formfield(db_field, **kwargs):
    # Django 5.2 warns unless a URL field says which scheme a bare address gets.
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class BoothPhotoAdminForm(ReencodedImageModelForm):
    folder = "booths"

    class Meta:
        model = BoothPhoto
        # The text alternative in both languages (required when there is an image).
        fields = ["booth", "image", "alt_kk", "alt_ru", "order"]
        field_classes = {"image": forms.FileField}
        formfield_callback = _admin_formfield


class OrganisationAdminForm(ReencodedImageModelForm):
    image_field = "logo"
    renditions_field = "logo_renditions"
    size_fields = ("logo_width", "logo_height")
    widths = LOGO_WIDTHS
    folder = "logos"

    class Meta:
        model = Organisation
        fields = ["name", "legal_form", "bin", "city", "website", "logo", "logo_alt"]
        field_classes = {"logo": forms.FileField}
        formfield_callback = _admin_formfield
