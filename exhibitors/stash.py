"""Files of the booth form kept while the form comes back with errors elsewhere.

A visitor who chose a logo and photos should not have to choose them again
because the phone number was mistyped. A file that passed its own checks
(`forum_site.images.prepare_image`) is kept as uploaded in a
`StashedUpload` row, and the form carries, for each field, a reference to it:
the row's random id, signed with a key that includes the browser's CSRF
secret. A reference that is edited, made up, or copied into another
browser's form fails its signature and is refused; one that is sound is
still used only with the form's own submission token and field, so it can
name nothing but that form's kept file (never a path). On the next send the
kept file is checked and re-encoded as if chosen again.

At most one file per field and form (a database constraint), each within the
form's size cap: a form keeps no more than it could send. All forms together
keep at most `MAX_KEPT_BYTES`: past it (a flood of forms sent with errors) a
file is not kept, and the form asks for it again, as it did before files were
kept. A kept file is used
for `STASH_LIFETIME` (a day); older ones are refused, and deleted by
`manage.py remove_expired_uploads` (run from cron) and whenever files are
kept. Saving the application deletes its form's kept files.
"""

from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.middleware.csrf import get_token
from django.utils.translation import gettext_lazy as _

from .models import StashedUpload

_SALT = "exhibitors.stash"

# What all the kept files together may hold (a day's worth at most, see
# STASH_LIFETIME): far above what real applicants send (six files of at most
# 5 MB a form), a bound on what a flood of forms sent with errors can store.
MAX_KEPT_BYTES = 500 * 1024 * 1024


@dataclass(frozen=True)
class KeptFile:
    """What the form shows of a kept file: its name, and the reference it sends back."""

    name: str
    reference: str


def browser_key(request):
    """The secret of the browser's CSRF cookie (made now if it has none), which kept files are tied to."""
    get_token(request)
    return request.META["CSRF_COOKIE"]


def _signer(browser):
    return signing.Signer(salt=f"{_SALT}.{browser}")


def kept_file(stashed, browser):
    return KeptFile(name=stashed.name, reference=_signer(browser).sign(stashed.pk.hex))


def find(reference, *, browser, submission_token, field):
    """The kept file a form's reference names, or ValidationError saying why it cannot be used.

    An expired file found here is deleted.
    """
    try:
        stashed_id = _signer(browser).unsign(reference)
    except signing.BadSignature:
        stashed_id = None
    stashed = None
    if stashed_id and submission_token:
        stashed = StashedUpload.objects.filter(
            pk=stashed_id, submission_token=submission_token, field=field
        ).first()
    if stashed is None:
        raise ValidationError(
            _("The file kept for you here could not be used: please choose it again."),
            code="kept_file_refused",
        )
    if stashed.has_expired():
        stashed.delete()
        raise ValidationError(
            _(
                "The file you chose here was kept for a day and has been removed: "
                "please choose it again."
            ),
            code="kept_file_expired",
        )
    return stashed


def as_upload(stashed):
    """The kept file as an upload, for the same checks and re-encoding as a new one."""
    return SimpleUploadedFile(stashed.name, bytes(stashed.data))


def keep_files(*, form):
    """Keep the files of a form returned with errors that passed their own checks.

    Files the visitor replaced or removed are deleted; the form then shows
    what it keeps (`form.kept_files`). Nothing is kept without the form's
    submission token (its error asks the visitor to reload the page).
    """
    token = form.cleaned_data.get("submission_token")
    for stashed in form.dropped_files:
        stashed.delete()
    if not token or form.browser is None or not form.new_files:
        return
    remove_expired()
    kept_bytes = StashedUpload.objects.aggregate(total=Sum("size"))["total"] or 0
    for field, upload in form.new_files.items():
        upload.seek(0)
        data = upload.read()
        if kept_bytes + len(data) > MAX_KEPT_BYTES:
            continue
        kept_bytes += len(data)
        try:
            with transaction.atomic():
                StashedUpload.objects.filter(submission_token=token, field=field).delete()
                stashed = StashedUpload.objects.create(
                    submission_token=token, field=field, name=upload.name, data=data, size=len(data)
                )
        except IntegrityError:
            # The same form sent twice at once (a double click): its twin kept this file.
            stashed = StashedUpload.objects.filter(submission_token=token, field=field).first()
        if stashed:
            form.kept_files[field] = stashed


def remove_expired():
    """Delete every kept file older than STASH_LIFETIME; return how many."""
    deleted, _by_model = StashedUpload.objects.expired().delete()
    return deleted
