"""Export of awards (CSV and XLSX, through django-import-export)."""

from django.utils.translation import gettext_lazy as _
from import_export import resources
from import_export.fields import Field

from .models import Award


class AwardResource(resources.ModelResource):
    edition = Field(attribute="forum__title", column_name=_("edition"))
    recipient_kk = Field(column_name=_("recipient (kk)"))
    recipient_ru = Field(column_name=_("recipient (ru)"))
    bin = Field(attribute="organisation__bin", column_name=_("BIN"))
    nomination_kk = Field(attribute="nomination_kk", column_name=_("nomination (kk)"))
    nomination_ru = Field(attribute="nomination_ru", column_name=_("nomination (ru)"))
    order = Field(attribute="order", column_name=_("order"))

    class Meta:
        model = Award
        # The export form's "select a field" error names it (the class name otherwise).
        name = _("awards")
        fields = (
            "edition",
            "recipient_kk",
            "recipient_ru",
            "bin",
            "nomination_kk",
            "nomination_ru",
            "order",
        )
        export_order = fields

    def dehydrate_recipient_kk(self, award):
        if award.organisation_id:
            return award.organisation.name_kk or award.organisation.name_ru
        return award.recipient_name_kk or award.recipient_name_ru

    def dehydrate_recipient_ru(self, award):
        if award.organisation_id:
            return award.organisation.name_ru or award.organisation.name_kk
        return award.recipient_name_ru or award.recipient_name_kk
