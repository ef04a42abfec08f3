"""Editions of the forum and what happens at them.

Bilingual fields (see translation.py) have a Kazakh and a Russian column;
Kazakh is the default and the fallback.
"""

from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import ExpressionWrapper, F, Prefetch, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from forum_site.uploads import delete_renditions, stored_names

from .text import bilingual_sort_keys


class AccessFeatures(models.Model):
    """What a programme item or a booth offers for access, each a yes or no.

    Shown in words on the public pages and filterable there (`?access=captions`);
    the public names are the field names without the `access_` prefix.
    """

    access_kazakh_sign_language = models.BooleanField(
        _("Kazakh sign language interpretation"), default=False
    )
    access_russian_sign_language = models.BooleanField(
        _("Russian sign language interpretation"), default=False
    )
    access_captions = models.BooleanField(_("captions"), default=False)
    access_step_free = models.BooleanField(_("step-free access"), default=False)
    access_seating = models.BooleanField(_("seating"), default=False)
    access_quiet_space = models.BooleanField(_("quiet space"), default=False)
    access_audio_description = models.BooleanField(_("audio description"), default=False)
    access_tactile_materials = models.BooleanField(_("tactile materials"), default=False)

    class Meta:
        abstract = True

    def access_offered(self):
        """The access features offered, as (public name, label) pairs in the fixed order."""
        return [
            (name, ACCESS_LABELS[name])
            for name in ACCESS_NAMES
            if getattr(self, ACCESS_PREFIX + name)
        ]


ACCESS_PREFIX = "access_"
ACCESS_FIELD_NAMES = [
    field.name
    for field in AccessFeatures._meta.local_fields
    if field.name.startswith(ACCESS_PREFIX)
]
# The public names, used in URLs and open data: "captions", "step_free", ...
ACCESS_NAMES = [name.removeprefix(ACCESS_PREFIX) for name in ACCESS_FIELD_NAMES]
ACCESS_LABELS = {
    field.name.removeprefix(ACCESS_PREFIX): field.verbose_name
    for field in AccessFeatures._meta.local_fields
    if field.name.startswith(ACCESS_PREFIX)
}


class AccessQuerySet(models.QuerySet):
    def offering(self, names):
        """Only rows that offer every access feature in `names`; unknown names are ignored."""
        return self.filter(
            **{ACCESS_PREFIX + name: True for name in names if name in ACCESS_LABELS}
        )


class ForumQuerySet(models.QuerySet):
    def published(self):
        """Editions the public may see: published ones, sample editions included."""
        return self.filter(status=Forum.Status.PUBLISHED)

    def current(self):
        """The edition the site's front pages show: the latest published real one, or None."""
        return self.published().filter(is_sample=False).first()

    def with_is_current(self):
        """Each edition with `is_current`: whether it is `current()`, in the same query."""
        current_pk = Forum.objects.published().filter(is_sample=False).values("pk")[:1]
        return self.annotate(
            is_current=ExpressionWrapper(Q(pk__in=current_pk), output_field=models.BooleanField())
        )


def language_name(code):
    """The language's name in the active language ("орыс тілі", "русский")."""
    return dict(settings.LANGUAGES)[code]


class Forum(models.Model):
    """One edition of the Social Projects Forum-Exhibition."""

    # Bilingual fields a published edition must have in every language.
    REQUIRED_TO_PUBLISH = ("title", "summary")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("edition status", "Draft")
        PUBLISHED = "published", pgettext_lazy("edition status", "Published")

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    starts_on = models.DateField(_("first day"), null=True, blank=True)
    ends_on = models.DateField(_("last day"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    organiser = models.CharField(_("organiser"), max_length=300, blank=True)
    participants_reported = models.PositiveIntegerField(
        _("participants (reported)"), null=True, blank=True
    )
    participants_reported_is_minimum = models.BooleanField(
        _("participant count is a minimum"),
        default=False,
        help_text=_("Tick when the source says “more than” this number."),
    )
    exhibitors_reported = models.PositiveIntegerField(
        _("exhibiting organisations (reported)"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Made up for demonstrations and load tests; never a real edition."),
    )
    applications_open_from = models.DateTimeField(
        _("booth applications open"), null=True, blank=True
    )
    applications_open_until = models.DateTimeField(
        _("booth applications close"), null=True, blank=True
    )
    share_image = models.ImageField(
        _("share image"),
        upload_to="share/",
        blank=True,
        width_field="share_image_width",
        height_field="share_image_height",
        help_text=_(
            "Shown when a link to the edition is shared: a JPEG, PNG or WebP image of at "
            "most 5 MB and 40 megapixels, best 1200 × 630 pixels (a wider one is made 1200 "
            "pixels wide). Without one, an image with the edition’s title is made."
        ),
    )
    share_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    share_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # The re-encoded copy stored on upload (see forum_site/images.py), so that
    # a replaced image's file can be removed.
    share_image_renditions = models.JSONField(default=list, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ForumQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum edition")
        verbose_name_plural = _("forum editions")
        ordering = [F("starts_on").desc(nulls_last=True), F("year").desc(nulls_last=True), "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=F("starts_on"))
                | models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True),
                name="forum_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("home", kwargs={"forum_slug": self.slug})

    def publishing_errors(self):
        """{field name (e.g. "summary_ru"): message} for each field empty that publishing needs."""
        errors = {}
        for field in self.REQUIRED_TO_PUBLISH:
            for code, _name in settings.LANGUAGES:
                name = f"{field}_{code}"
                if not (getattr(self, name) or "").strip():
                    errors[name] = ValidationError(
                        _("Needed to publish the edition: fill it in (%(language)s)."),
                        code="required_to_publish",
                        params={"language": language_name(code)},
                    )
        return errors

    def clean(self):
        super().clean()
        if self.status == self.Status.PUBLISHED and (errors := self.publishing_errors()):
            raise ValidationError(errors)

    def accepts_applications(self, now=None):
        """Whether the booth application form is open for this edition now."""
        now = now or timezone.now()
        if self.applications_open_from is None or self.applications_open_from > now:
            return False
        return self.applications_open_until is None or now < self.applications_open_until


@receiver(post_delete, sender=Forum)
def _remove_share_image_files(sender, instance, **kwargs):
    """A deleted edition's uploaded share image goes too, once the deletion is committed."""
    if names := stored_names(instance.share_image, instance.share_image_renditions):
        transaction.on_commit(partial(delete_renditions, names))


class ProgrammeItemQuerySet(AccessQuerySet):
    def for_programme(self):
        """Items in order, with their speakers, in a fixed number of queries."""
        appearances = Appearance.objects.select_related("person")
        return self.prefetch_related(Prefetch("appearances", queryset=appearances))

    def dated(self):
        """Items with a start time: the only ones a calendar can hold."""
        return self.filter(starts_at__isnull=False)


class ProgrammeItem(AccessFeatures):
    class Kind(models.TextChoices):
        EXHIBITION = "exhibition", _("Exhibition")
        OPENING = "opening", _("Opening")
        PLENARY = "plenary", _("Plenary session")
        AWARD_CEREMONY = "awards", _("Award ceremony")
        CONCERT = "concert", _("Concert")
        OTHER = "other", pgettext_lazy("programme item kind", "Other")

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="programme_items", verbose_name=_("edition")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    topics = models.TextField(_("topics"), blank=True, help_text=_("One topic per line."))
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    sign_language_video_url = models.URLField(_("sign-language video"), blank=True)
    video_url = models.URLField(_("video"), blank=True)
    captions_url = models.URLField(
        _("captions"), blank=True, help_text=_("A captions file (WebVTT) or a captioned version.")
    )
    transcript_url = models.URLField(_("transcript"), blank=True)

    objects = ProgrammeItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["forum", "order", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:programme", kwargs={"forum_slug": self.forum.slug})

    def topic_list(self):
        return [line.strip() for line in self.topics.splitlines() if line.strip()]


class Person(models.Model):
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=300, blank=True)
    # Derived on save, as an organisation's: the name's order in each alphabet
    # (ordering by `name` puts Ә, Қ, Ө, Ұ, Ү and І after Я).
    sort_key_kk = models.CharField(max_length=900, editable=False, db_index=True, default="")
    sort_key_ru = models.CharField(max_length=900, editable=False, db_index=True, default="")

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_key_kk", "pk"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        for field, key in bilingual_sort_keys(self.name_kk, self.name_ru).items():
            setattr(self, field, key)
        super().save(*args, **kwargs)


class Appearance(models.Model):
    """A person's part in a programme item."""

    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        MODERATOR = "moderator", _("Moderator")
        HOST = "host", _("Host")

    programme_item = models.ForeignKey(
        ProgrammeItem,
        on_delete=models.CASCADE,
        related_name="appearances",
        verbose_name=_("programme item"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="appearances", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.SPEAKER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("appearance")
        verbose_name_plural = _("appearances")
        ordering = ["programme_item", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme_item", "person", "role"], name="appearance_unique_per_role"
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.programme_item}"

    def get_absolute_url(self):
        return self.programme_item.get_absolute_url()


class StatementQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("person", "programme_item")


class Statement(models.Model):
    """Words a person said at an edition, quoted by the source."""

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="statements", verbose_name=_("edition")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="statements", verbose_name=_("person")
    )
    programme_item = models.ForeignKey(
        ProgrammeItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
        verbose_name=_("programme item"),
    )
    text = models.TextField(_("text"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["forum", "order", "pk"]

    def __str__(self):
        return f"{self.person}: {self.text[:60]}"

    def get_absolute_url(self):
        return reverse("events:plenary", kwargs={"forum_slug": self.forum.slug})

    def paragraphs(self):
        return [line.strip() for line in self.text.splitlines() if line.strip()]


class Performance(models.Model):
    """An act of an edition's concert, in running order."""

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="performances", verbose_name=_("edition")
    )
    performer = models.CharField(_("performer"), max_length=300)
    notes = models.TextField(_("notes"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("concert performance")
        verbose_name_plural = _("concert performances")
        ordering = ["forum", "order", "pk"]

    def __str__(self):
        return self.performer

    def get_absolute_url(self):
        return reverse("events:concert", kwargs={"forum_slug": self.forum.slug})
