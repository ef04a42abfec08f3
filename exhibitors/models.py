"""Organisations, the exhibition's themes and booths.

Only approved booths are public; contact details are never shown publicly.
"""

import datetime
import secrets
import uuid
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import Prefetch
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models import AccessFeatures, AccessQuerySet, Forum
from events.text import bilingual_sort_keys, normalise, slugify_kk
from forum_site.uploads import delete_renditions, stored_names

from .validators import validate_bin, validate_phone


class LegalForm(models.TextChoices):
    PUBLIC_ASSOCIATION = "public_association", _("Public association")
    PUBLIC_FOUNDATION = "public_foundation", _("Public foundation")
    CHARITABLE_FOUNDATION = "charitable_foundation", _("Charitable foundation")
    FOUNDATION = "foundation", _("Foundation")
    ASSOCIATION = "association", _("Association")
    LLP = "llp", _("Limited liability partnership")
    COMPANY = "company", _("Company")
    SOCIAL_STARTUP = "social_startup", _("Social startup")
    INTERNATIONAL_PROJECT = "international_project", _("International project")
    NETWORK = "network", _("Network")
    FEDERATION = "federation", _("Federation")
    CENTRE = "centre", _("Centre")
    CLUB_HOUSE = "club_house", _("Club house")
    OTHER = "other", pgettext_lazy("legal form", "Other")


class OrganisationQuerySet(models.QuerySet):
    def alphabetical(self, language):
        """Ordered by name in the alphabet of `language` ("kk" or "ru")."""
        return self.order_by(f"sort_key_{language}", "pk")


class Organisation(models.Model):
    name = models.CharField(
        _("name"),
        max_length=300,
        help_text=_("As the organisation writes it, legal form included."),
    )
    legal_form = models.CharField(
        _("legal form"), max_length=24, choices=LegalForm.choices, blank=True
    )
    bin = models.CharField(
        _("BIN"),
        max_length=12,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_bin],
        help_text=_("Business identification number: 12 digits."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_alt = models.CharField(_("logo text alternative"), max_length=300, blank=True)
    # Smaller copies of the logo (WebP and JPEG), made on upload: see forum_site/images.py.
    logo_renditions = models.JSONField(default=list, blank=True, editable=False)
    # Derived on save: sort order in each alphabet and lower-cased search text.
    sort_key_kk = models.CharField(max_length=900, editable=False, db_index=True, default="")
    sort_key_ru = models.CharField(max_length=900, editable=False, db_index=True, default="")
    search_text = models.TextField(editable=False, default="")

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["sort_key_kk", "pk"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.refresh_derived_fields()
        if self.bin == "":
            self.bin = None
        super().save(*args, **kwargs)
        # Booths keep a copy of the name's sort keys and search text, so the
        # exhibition sorts and searches within one table.
        booths = list(self.booths.all())
        for booth in booths:
            booth.organisation = self
            booth.refresh_derived_fields()
        Booth.objects.bulk_update(booths, ["sort_key_kk", "sort_key_ru", "search_text"])

    def clean(self):
        super().clean()
        if errors := alt_text_errors(self, "logo", "logo_alt"):
            raise ValidationError(errors)

    def logo_sources(self):
        """The logo's copies for a <picture>: see `image_sources`."""
        return image_sources(self.logo_renditions)

    def refresh_derived_fields(self):
        """Recompute the sort keys and search text from the names (bulk_create skips save)."""
        for field, key in bilingual_sort_keys(self.name_kk, self.name_ru).items():
            setattr(self, field, key)
        self.search_text = normalise(f"{self.name_kk or ''}\n{self.name_ru or ''}")


class Theme(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exhibitors:booth_list") + f"?theme={self.slug}"


class BoothQuerySet(AccessQuerySet):
    def public(self):
        """Booths anyone may see: approved ones of published editions."""
        return self.filter(status=Booth.Status.APPROVED, forum__status=Forum.Status.PUBLISHED)

    def search(self, query):
        """Case-insensitive match in either language, Kazakh letters included, on any database."""
        needle = normalise(query).strip()
        if not needle:
            return self
        # The booth's search text holds its organisation's names too.
        return self.filter(search_text__contains=needle)

    def for_listing(self, language):
        """Ready for a list page: organisation and themes loaded, ordered by name in `language`."""
        return (
            self.select_related("organisation")
            .prefetch_related(Prefetch("themes", queryset=Theme.objects.all()))
            .order_by(f"sort_key_{language}", "number", "pk")
        )


def booth_search_text(booth, organisation_search_text):
    """What the exhibition's search looks in: the project, then the organisation's names."""
    fields = (
        booth.project_title_kk,
        booth.project_title_ru,
        booth.description_kk,
        booth.description_ru,
    )
    text = normalise("\n".join(value or "" for value in fields))
    return f"{text}\n{organisation_search_text}"


# Paths under /exhibition/ that are pages, not booths.
RESERVED_BOOTH_SLUGS = frozenset({"apply", "thanks"})


# Letters and digits nobody confuses when reading a code aloud or on paper.
_REFERENCE_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY3479"


def new_reference_code(rng=secrets):
    """A random, short code an applicant quotes in letters and calls: "FK7-3MXQ".

    `rng`: where the letters are chosen (made-up data passes its seeded random.Random).
    """
    letters = "".join(rng.choice(_REFERENCE_ALPHABET) for _ in range(7))
    return f"{letters[:3]}-{letters[3:]}"


def alt_text_errors(instance, image_field, alt_field):
    """{alt field name: error} when the image is set and its alt text is empty in a language."""
    if not getattr(instance, image_field):
        return {}
    return {
        f"{alt_field}_{code}": ValidationError(
            _("An image needs its text alternative in %(language)s."),
            code="alt_required",
            params={"language": name},
        )
        for code, name in settings.LANGUAGES
        if not (getattr(instance, f"{alt_field}_{code}") or "").strip()
    }


def image_sources(renditions):
    """`{"webp": "url 480w, url 960w", "jpeg": ...}` from stored renditions, for srcset."""
    sources = {}
    for rendition in sorted(renditions, key=lambda r: r["width"]):
        url = default_storage.url(rendition["name"])
        sources.setdefault(rendition["format"], []).append(f"{url} {rendition['width']}w")
    return {kind: ", ".join(urls) for kind, urls in sources.items()}


class Booth(AccessFeatures):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", pgettext_lazy("booth status", "Submitted")
        APPROVED = "approved", pgettext_lazy("booth status", "Approved")
        REJECTED = "rejected", pgettext_lazy("booth status", "Rejected")
        WITHDRAWN = "withdrawn", pgettext_lazy("booth status", "Withdrawn")

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="booths", verbose_name=_("edition")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="booths",
        verbose_name=_("organisation"),
    )
    number = models.PositiveSmallIntegerField(_("booth number"), null=True, blank=True)
    slug = models.SlugField(_("address"), max_length=90)
    project_title = models.CharField(_("project title"), max_length=300)
    description = models.TextField(_("project description"), blank=True)
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="booths", verbose_name=_("themes")
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(
        _("contact phone"), max_length=20, blank=True, validators=[validate_phone]
    )
    # Personal data, given for the moderation of the application: never public,
    # and in the admin only for staff who moderate.
    CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_booths",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    rejection_reason = models.TextField(
        _("reason for rejection"),
        blank=True,
        help_text=_("Sent to the contact person in the language of their application."),
    )
    reference_code = models.CharField(
        _("reference code"), max_length=16, unique=True, default=new_reference_code, editable=False
    )
    # What the applicant asked for, in the language they wrote in.
    language = models.CharField(
        _("language of the application"),
        max_length=2,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    needs_power = models.BooleanField(_("needs a power socket"), default=False)
    needs_wheelchair_access = models.BooleanField(_("needs wheelchair access"), default=False)
    needs_sign_language_interpreter = models.BooleanField(
        _("needs a sign-language interpreter"), default=False
    )
    consent_given_at = models.DateTimeField(
        _("consent to personal data processing given"), null=True, blank=True, editable=False
    )
    # The form's one-time token: a second send of the same form finds this row
    # instead of creating another (UNIQUE, so even two at once cannot both land).
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    # Derived on save: the organisation's sort keys, and lower-cased search
    # text of the project and the organisation's names (see `search`).
    sort_key_kk = models.CharField(max_length=900, editable=False, default="")
    sort_key_ru = models.CharField(max_length=900, editable=False, default="")
    search_text = models.TextField(editable=False, default="")

    objects = BoothQuerySet.as_manager()

    class Meta:
        verbose_name = _("booth")
        verbose_name_plural = _("booths")
        ordering = ["forum", "number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["forum", "number"], name="booth_number_unique_per_forum"
            ),
            models.UniqueConstraint(fields=["forum", "slug"], name="booth_slug_unique_per_forum"),
        ]
        # The exhibition's order, so that a page of it (the last one too) is
        # read from the index rather than sorting every booth of the edition.
        indexes = [
            models.Index(
                fields=["forum", "status", "sort_key_kk", "number", "id"], name="booth_listing_kk"
            ),
            models.Index(
                fields=["forum", "status", "sort_key_ru", "number", "id"], name="booth_listing_ru"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} — {self.project_title}"

    def save(self, *args, **kwargs):
        self.refresh_derived_fields()
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "exhibitors:booth_detail",
            kwargs={"forum_slug": self.forum.slug, "booth_slug": self.slug},
        )

    def refresh_derived_fields(self):
        """Recompute the sort keys and search text (bulk_create skips save)."""
        organisation = self.organisation
        organisation.refresh_derived_fields()
        self.sort_key_kk = organisation.sort_key_kk
        self.sort_key_ru = organisation.sort_key_ru
        self.search_text = booth_search_text(self, organisation.search_text)

    def _unique_slug(self):
        base = slugify_kk(self.organisation.name_kk or self.organisation.name_ru) or "booth"
        taken = RESERVED_BOOTH_SLUGS | set(
            Booth.objects.filter(forum_id=self.forum_id, slug__startswith=base).values_list(
                "slug", flat=True
            )
        )
        slug, suffix = base, 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug


class BoothPhoto(models.Model):
    booth = models.ForeignKey(
        Booth, on_delete=models.CASCADE, related_name="photos", verbose_name=_("booth")
    )
    image = models.ImageField(
        _("image"), upload_to="booths/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Smaller copies (WebP and JPEG), made on upload: see forum_site/images.py.
    renditions = models.JSONField(default=list, blank=True, editable=False)
    alt = models.CharField(_("text alternative"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("booth photo")
        verbose_name_plural = _("booth photos")
        ordering = ["booth", "order", "pk"]

    def __str__(self):
        return self.alt

    def clean(self):
        super().clean()
        if errors := alt_text_errors(self, "image", "alt"):
            raise ValidationError(errors)

    def sources(self):
        """The photo's copies for a <picture>: see `image_sources`."""
        return image_sources(self.renditions)


@receiver(post_delete, sender=BoothPhoto)
def _remove_photo_files(sender, instance, **kwargs):
    """A deleted photo's files go too, once the deletion is committed."""
    if names := stored_names(instance.image, instance.renditions):
        transaction.on_commit(partial(delete_renditions, names))


@receiver(post_delete, sender=Organisation)
def _remove_logo_files(sender, instance, **kwargs):
    if names := stored_names(instance.logo, instance.logo_renditions):
        transaction.on_commit(partial(delete_renditions, names))


# How long the booth form keeps a file for a visitor whose form came back with errors.
STASH_LIFETIME = datetime.timedelta(days=1)


def _stash_cutoff(now=None):
    return (now or timezone.now()) - STASH_LIFETIME


class StashedUploadQuerySet(models.QuerySet):
    def expired(self, now=None):
        """Kept longer than STASH_LIFETIME: never used again, only deleted."""
        return self.filter(created_at__lte=_stash_cutoff(now))


class StashedUpload(models.Model):
    """A file the booth form accepted, kept while the form came back with errors elsewhere.

    In the database rather than the media: the web server hands media to
    anyone, and every app server shares the database. Found only through the
    signed reference the visitor's form carries (see `exhibitors/stash.py`).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    submission_token = models.UUIDField(editable=False)
    field = models.CharField(max_length=20, editable=False)
    # As the visitor's computer named it: only ever shown back to them.
    name = models.CharField(max_length=200, editable=False)
    # The bytes as uploaded: a resubmission goes through the same checks and
    # re-encoding as a file chosen again would.
    data = models.BinaryField(editable=False)
    # len(data), kept beside it so the total of all kept files is a sum of small
    # numbers, not a read of every stored file.
    size = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)

    objects = StashedUploadQuerySet.as_manager()

    class Meta:
        verbose_name = _("file kept by the booth form")
        verbose_name_plural = _("files kept by the booth form")
        ordering = ["created_at"]
        # Not in the admin: nobody on the staff reads or grants access to these.
        default_permissions = ()
        constraints = [
            # One file per field of a form: a form keeps no more than it can send.
            models.UniqueConstraint(
                fields=["submission_token", "field"], name="stashed_upload_one_per_field"
            )
        ]

    def __str__(self):
        return self.name

    def has_expired(self, now=None):
        return self.created_at <= _stash_cutoff(now)
