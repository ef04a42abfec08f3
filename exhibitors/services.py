"""Writes of the booth applications: submit, approve, reject, and the e-mail they send.

Every write is atomic. E-mail is sent only after the transaction commits, and
a failing mail server is logged, never raised: it can neither lose an
application nor send mail about one that was not saved.
"""

import copy
import logging
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from events.models import ACCESS_NAMES, ACCESS_PREFIX, Forum
from forum_site.history import log_change
from forum_site.uploads import files_removed_on_error

from .models import Booth, BoothPhoto, Organisation, StashedUpload

logger = logging.getLogger(__name__)


def application_submit(*, forum, data, language, now=None):
    """Save an application from the form's cleaned `data`; return (booth, created).

    The organisation is found by its BIN, or created. The application, its
    organisation and its images are saved together or not at all (files of a
    failed save are removed). A second send of the same form (the same
    `submission_token`) returns the first application and creates nothing.
    The contact and the moderators are e-mailed once the save has committed.
    """
    token = data["submission_token"]
    for _attempt in range(2):
        if existing := Booth.objects.filter(submission_token=token).first():
            return existing, False
        try:
            return _create_application(forum, data, language, now or timezone.now()), True
        except IntegrityError:
            # Another request saved the same form, or the same new BIN, a moment
            # before this one: look again (the first branch finds a same-form twin).
            if _attempt:
                raise
    raise AssertionError("unreachable")


def _create_application(forum, data, language, now):
    with files_removed_on_error() as stored, transaction.atomic():
        organisation = _organisation_for(data, language, stored)
        booth = Booth(
            forum=forum,
            organisation=organisation,
            project_title_kk=data["project_title_kk"].strip(),
            project_title_ru=data["project_title_ru"].strip(),
            description_kk=data["description_kk"].strip(),
            description_ru=data["description_ru"].strip(),
            contact_name=data["contact_name"].strip(),
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            needs_power=data["needs_power"],
            needs_wheelchair_access=data["needs_wheelchair_access"],
            needs_sign_language_interpreter=data["needs_sign_language_interpreter"],
            **{ACCESS_PREFIX + name: name in data.get("access", ()) for name in ACCESS_NAMES},
            language=language,
            consent_given_at=now,
            submission_token=data["submission_token"],
            status=Booth.Status.SUBMITTED,
        )
        booth.save()
        booth.themes.set(data["themes"])
        photos = [
            (data[f"photo_{n}"], data[f"photo_{n}_alt"])
            for n in range(1, 6)
            if data.get(f"photo_{n}")
        ]
        for order, (prepared, alt) in enumerate(photos, start=1):
            main, renditions = stored.store(prepared, "booths")
            largest = prepared.largest()
            BoothPhoto.objects.create(
                booth=booth,
                image=main,
                width=largest.width,
                height=largest.height,
                renditions=renditions,
                order=order,
                **{f"alt_{language}": alt.strip()},
            )
        # The files the form kept for this application are in it now.
        StashedUpload.objects.filter(submission_token=booth.submission_token).delete()
        transaction.on_commit(partial(application_notify_submitted, booth_id=booth.pk))
    return booth


def _organisation_for(data, language, stored):
    """The organisation with the form's BIN, or a new one.

    The form is public, so it never overwrites what an existing organisation
    already has (its name, logo…): it only fills in what is still empty.
    Changes beyond that are the moderators' to make.
    """
    organisation = Organisation.objects.filter(bin=data["bin"]).first() or Organisation(
        bin=data["bin"]
    )
    values = {
        "name_kk": data["organisation_name_kk"].strip(),
        "name_ru": data["organisation_name_ru"].strip(),
        "legal_form": data["legal_form"],
        f"city_{language}": data["city"].strip(),
        "website": data["website"],
    }
    for name, value in values.items():
        if value and not getattr(organisation, name):
            setattr(organisation, name, value)
    if data.get("logo") and not organisation.logo:
        main, renditions = stored.store(data["logo"], "logos")
        largest = data["logo"].largest()
        organisation.logo = main
        organisation.logo_width, organisation.logo_height = largest.width, largest.height
        organisation.logo_renditions = renditions
        setattr(organisation, f"logo_alt_{language}", data["logo_alt"].strip())
    organisation.save()
    return organisation


# The fields a decision changes, as the msgids of their verbose names (the
# history translates them when shown).
CHANGED_ON_DECISION = ["status", "booth number", "reviewed by", "reviewed"]


def _decision_record(booth, *, user, now):
    """Save an approval or refusal: who decided and when, in the history, and the contact told."""
    booth.reviewed_by = user
    booth.reviewed_at = now or timezone.now()
    booth.save()
    # The object's admin history shows who decided.
    log_change(user=user, obj=booth, fields=CHANGED_ON_DECISION)
    transaction.on_commit(partial(application_notify_decision, booth_id=booth.pk))
    return booth


@transaction.atomic
def application_approve(*, booth, user=None, now=None):
    """Approve an application: it gets the edition's next booth number and is public at once.

    Approving an approved booth changes nothing. The contact is told.
    """
    booth = Booth.objects.select_for_update().get(pk=booth.pk)
    if booth.status == Booth.Status.APPROVED:
        return booth
    # One approval at a time per edition hands out the numbers (the database's
    # unique constraint is the last word).
    Forum.objects.select_for_update().filter(pk=booth.forum_id).first()
    if booth.number is None:
        highest = Booth.objects.filter(forum_id=booth.forum_id).aggregate(Max("number"))
        booth.number = (highest["number__max"] or 0) + 1
    booth.status = Booth.Status.APPROVED
    booth.rejection_reason = ""
    return _decision_record(booth, user=user, now=now)


@transaction.atomic
def application_reject(*, booth, reason, user=None, now=None):
    """Reject an application with a reason, which is sent to the contact in their language.

    A rejected booth is never public and gives up its booth number. Rejecting
    a rejected booth changes nothing (the applicant hears of it once).
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A rejection needs a reason.")
    booth = Booth.objects.select_for_update().get(pk=booth.pk)
    if booth.status == Booth.Status.REJECTED:
        return booth
    booth.status = Booth.Status.REJECTED
    booth.rejection_reason = reason
    booth.number = None
    return _decision_record(booth, user=user, now=now)


@transaction.atomic
def application_withdraw(*, booth, user=None, now=None):
    """Record that the applicant withdrew: the booth leaves the site and gives up its number.

    No one is written to (the applicant asked for it). Withdrawing twice changes nothing.
    """
    booth = Booth.objects.select_for_update().get(pk=booth.pk)
    if booth.status == Booth.Status.WITHDRAWN:
        return booth
    booth.status = Booth.Status.WITHDRAWN
    booth.number = None
    return _decision_record(booth, user=user, now=now)


def applications_approve(*, booths, user=None):
    """Approve several applications, numbering them in the order they were sent."""
    return [
        application_approve(booth=booth, user=user)
        for booth in booths.order_by("submitted_at", "pk")
    ]


def applications_reject(*, booths, reason, user=None):
    return [
        application_reject(booth=booth, reason=reason, user=user)
        for booth in booths.order_by("submitted_at", "pk")
    ]


def applications_withdraw(*, booths, user=None):
    return [
        application_withdraw(booth=booth, user=user)
        for booth in booths.order_by("submitted_at", "pk")
    ]


# E-mail


def moderator_emails():
    """Who hears of new applications: MODERATORS_EMAILS, and active staff in the moderators' group."""
    addresses = list(settings.MODERATORS_EMAILS)
    addresses += (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True, groups__name=settings.MODERATORS_GROUP)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    return list(dict.fromkeys(addresses))


def _render(template, context, language):
    with translation.override(language):
        subject = render_to_string(f"exhibitors/email/{template}_subject.txt", context)
        body = render_to_string(f"exhibitors/email/{template}_body.txt", context)
    return " ".join(subject.split()), body


def _send(subject, body, to):
    """Send one message; a failure is logged, not raised (the data is already saved)."""
    try:
        EmailMessage(subject, body, to=to).send()
    except Exception:
        logger.exception("Could not send the e-mail %r to %s", subject, ", ".join(to))
        return False
    return True


def _context(booth):
    return {
        "booth": booth,
        "forum": booth.forum,
        "organisation": booth.organisation,
        "admin_url": settings.SITE_URL.rstrip("/")
        + reverse("admin:exhibitors_booth_change", args=[booth.pk]),
    }


def application_notify_submitted(*, booth_id):
    """Confirm an application to its contact (in their language) and tell the moderators."""
    booth = Booth.objects.select_related("forum", "organisation").get(pk=booth_id)
    context = _context(booth)
    if booth.contact_email:
        _send(*_render("application_received", context, booth.language), [booth.contact_email])
    if moderators := moderator_emails():
        # Moderators read both languages: one message with both.
        parts = [
            _render("application_to_moderators", context, code) for code, _ in settings.LANGUAGES
        ]
        subject = " / ".join(subject for subject, _body in parts)
        body = "\n\n----------\n\n".join(body for _subject, body in parts)
        _send(subject, body, moderators)


def rejection_preview(*, booth, reason):
    """(subject, body) of the rejection e-mail `booth`'s contact would get with `reason`,
    in the language of the application. Nothing is saved or sent."""
    booth = copy.copy(booth)
    booth.rejection_reason = reason
    return _render("application_rejected", _context(booth), booth.language)


def application_notify_decision(*, booth_id):
    """Tell the contact, in their language, that the application was approved or rejected."""
    booth = Booth.objects.select_related("forum", "organisation").get(pk=booth_id)
    template = {
        Booth.Status.APPROVED: "application_approved",
        Booth.Status.REJECTED: "application_rejected",
    }.get(booth.status)
    if template and booth.contact_email:
        _send(*_render(template, _context(booth), booth.language), [booth.contact_email])
