"""Exports of booths and booth applications (CSV and XLSX, through django-import-export).

Column headings and values are in the staff member's language; both
languages of each bilingual field are exported. The contact person's details
are personal data: only staff who moderate the applications export them
(BoothAdmin picks the resource).
"""

from django.utils.translation import gettext_lazy as _
from import_export import resources
from import_export.fields import Field

from .models import Booth


class BoothResource(resources.ModelResource):
    reference_code = Field(attribute="reference_code", column_name=_("reference code"))
    edition = Field(attribute="forum__title", column_name=_("edition"))
    number = Field(attribute="number", column_name=_("booth number"))
    status = Field(column_name=_("status"))
    organisation_kk = Field(attribute="organisation__name_kk", column_name=_("organisation (kk)"))
    organisation_ru = Field(attribute="organisation__name_ru", column_name=_("organisation (ru)"))
    bin = Field(attribute="organisation__bin", column_name=_("BIN"))
    project_title_kk = Field(attribute="project_title_kk", column_name=_("project title (kk)"))
    project_title_ru = Field(attribute="project_title_ru", column_name=_("project title (ru)"))
    themes = Field(column_name=_("themes"))
    contact_name = Field(attribute="contact_name", column_name=_("contact person"))
    contact_email = Field(attribute="contact_email", column_name=_("contact e-mail"))
    contact_phone = Field(attribute="contact_phone", column_name=_("contact phone"))
    needs = Field(column_name=_("needs"))
    submitted_at = Field(attribute="submitted_at", column_name=_("submitted"))

    class Meta:
        model = Booth
        # The export form names the resource (in its "select a field" error):
        # the class name otherwise.
        name = _("booths")
        # Only the columns declared above, in this order.
        fields = (
            "reference_code",
            "edition",
            "number",
            "status",
            "organisation_kk",
            "organisation_ru",
            "bin",
            "project_title_kk",
            "project_title_ru",
            "themes",
            "contact_name",
            "contact_email",
            "contact_phone",
            "needs",
            "submitted_at",
        )
        export_order = fields

    def dehydrate_status(self, booth):
        return str(booth.get_status_display())

    def dehydrate_themes(self, booth):
        return "; ".join(str(theme) for theme in booth.themes.all())

    def dehydrate_needs(self, booth):
        needs = [
            booth._meta.get_field(name).verbose_name
            for name in (
                "needs_power",
                "needs_wheelchair_access",
                "needs_sign_language_interpreter",
            )
            if getattr(booth, name)
        ]
        return "; ".join(str(need) for need in needs)


class BoothResourceWithoutContacts(BoothResource):
    """The booths as anyone on the staff who may view them may have them: no contact person."""

    class Meta(BoothResource.Meta):
        fields = tuple(
            name for name in BoothResource.Meta.fields if name not in Booth.CONTACT_FIELDS
        )
        export_order = fields
