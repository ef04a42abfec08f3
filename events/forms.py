"""Admin forms of the events app."""

from django import forms

from forum_site.admin_tools import ReencodedImageModelForm
from forum_site.images import JPEG_OUTPUT
from forum_site.share_image import WIDTH

from .models import Forum


class ForumAdminForm(ReencodedImageModelForm):
    """The edition, its share image checked and re-encoded like every other upload.

    One JPEG at most as wide as the images drawn for editions without one
    (1200 pixels), its proportions kept: link previews read JPEG everywhere
    and crop to their own shape, and cutting here could cut the picture's text.
    """

    image_field = "share_image"
    renditions_field = "share_image_renditions"
    size_fields = ("share_image_width", "share_image_height")
    widths = (WIDTH,)
    formats = (JPEG_OUTPUT,)
    folder = "share"

    class Meta:
        model = Forum
        fields = "__all__"
        field_classes = {"share_image": forms.FileField}
