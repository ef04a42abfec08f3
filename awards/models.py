"""Awards given at an edition."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Forum
from events.text import alphabet_sort_key
from exhibitors.models import Organisation


class AwardQuerySet(models.QuerySet):
    def alphabetical(self, language):
        """Awards with their recipients, sorted by recipient name in the alphabet of `language`.

        Returns a list: an edition has tens of awards, and the recipient may be
        an organisation or a free-text name, so the sort is done in Python with
        the same key the database columns use.
        """
        awards = list(self.select_related("organisation"))
        awards.sort(key=lambda award: (alphabet_sort_key(award.recipient, language), award.pk))
        return awards


class Award(models.Model):
    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="awards", verbose_name=_("edition")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("organisation"),
    )
    recipient_name = models.CharField(
        _("recipient (if not an organisation)"), max_length=300, blank=True
    )
    nomination = models.CharField(_("nomination"), max_length=300, blank=True)
    citation = models.TextField(_("citation"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["forum", "order", "pk"]

    def __str__(self):
        return self.recipient

    def get_absolute_url(self):
        return reverse("awards:award_list", kwargs={"forum_slug": self.forum.slug})

    @property
    def recipient(self):
        """The recipient's name in the active language."""
        return self.organisation.name if self.organisation_id else self.recipient_name

    def clean(self):
        if not self.organisation_id and not (self.recipient_name_kk or self.recipient_name_ru):
            raise ValidationError(_("Choose an organisation or write the recipient’s name."))
