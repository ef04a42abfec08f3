"""Open data: each published edition as one read-only JSON document.

The shape is versioned (`SCHEMA_VERSION`, the `/api/v1/` prefix) and
documented in docs/open-data.md: change it only by adding keys, or publish
v2 beside v1. Bilingual text is an object {"kk": ..., "ru": ...}; an empty
string means the text is not known. A document is built from a fixed number
of queries whatever the number of booths, and never holds a contact detail
(booths' contact person, e-mail and phone are left out by construction:
every field is named here).
"""

from django.urls import reverse
from django.utils import translation

from awards.models import Award
from events.models import ACCESS_NAMES, ACCESS_PREFIX, Forum, ProgrammeItem
from exhibitors.models import Booth, Theme

SCHEMA_VERSION = 1
LANGUAGES = ("kk", "ru")


def _both(instance, field):
    """A bilingual field's two columns, without modeltranslation's fallback."""
    return {language: getattr(instance, f"{field}_{language}") or "" for language in LANGUAGES}


def _lines(instance, field):
    return {
        language: [line.strip() for line in text.splitlines() if line.strip()]
        for language, text in _both(instance, field).items()
    }


def _urls(build_absolute_uri, view_name, **kwargs):
    urls = {}
    for language in LANGUAGES:
        with translation.override(language):
            urls[language] = build_absolute_uri(reverse(view_name, kwargs=kwargs))
    return urls


def _date(value):
    return value.isoformat() if value else None


def _access(instance):
    return [name for name in ACCESS_NAMES if getattr(instance, ACCESS_PREFIX + name)]


def _edition_summary(forum, build_absolute_uri):
    return {
        "slug": forum.slug,
        "year": forum.year,
        "title": _both(forum, "title"),
        "is_sample": forum.is_sample,
        "starts_on": _date(forum.starts_on),
        "ends_on": _date(forum.ends_on),
        "url": _urls(build_absolute_uri, "home", forum_slug=forum.slug),
        "data_url": build_absolute_uri(
            reverse("open_data_edition", kwargs={"forum_slug": forum.slug})
        ),
    }


def editions_document(build_absolute_uri):
    """The list of published editions, each with the address of its own document."""
    return {
        "schema_version": SCHEMA_VERSION,
        "editions": [
            _edition_summary(forum, build_absolute_uri) for forum in Forum.objects.published()
        ],
    }


def _organisation(organisation):
    return {
        "id": organisation.pk,
        "name": _both(organisation, "name"),
        "legal_form": organisation.legal_form or None,
        # The BIN is public: the state business register publishes it. It lets
        # data users join this document with that register.
        "bin": organisation.bin or None,
        "city": _both(organisation, "city"),
        "website": organisation.website or None,
    }


def _programme_item(item):
    return {
        "id": item.pk,
        "kind": item.kind,
        "title": _both(item, "title"),
        "description": _both(item, "description"),
        "topics": _lines(item, "topics"),
        "starts_at": _date(item.starts_at),
        "ends_at": _date(item.ends_at),
        "place": _both(item, "place"),
        "access": _access(item),
        "sign_language_video_url": item.sign_language_video_url or None,
        "people": [
            {
                "name": _both(appearance.person, "name"),
                "position": _both(appearance.person, "position"),
                "role": appearance.role,
            }
            for appearance in item.appearances.all()
        ],
    }


def _booth(booth, forum, build_absolute_uri):
    return {
        "number": booth.number,
        "slug": booth.slug,
        "organisation": _organisation(booth.organisation),
        "project_title": _both(booth, "project_title"),
        "description": _both(booth, "description"),
        "themes": [theme.slug for theme in booth.themes.all()],
        "access": _access(booth),
        "url": _urls(
            build_absolute_uri,
            "exhibitors:booth_detail",
            forum_slug=forum.slug,
            booth_slug=booth.slug,
        ),
    }


def _award(award):
    return {
        "recipient": _organisation(award.organisation)
        if award.organisation_id
        else {"name": _both(award, "recipient_name")},
        "nomination": _both(award, "nomination"),
        "citation": _both(award, "citation"),
    }


def edition_document(forum, build_absolute_uri):
    """Everything public about one edition, in both languages."""
    items = forum.programme_items.for_programme()
    booths = (
        Booth.objects.public()
        .filter(forum=forum)
        .select_related("organisation")
        .prefetch_related("themes")
        .order_by("number", "organisation__sort_key_kk", "pk")
    )
    awards = Award.objects.filter(forum=forum).select_related("organisation")
    return {
        "schema_version": SCHEMA_VERSION,
        "edition": {
            **_edition_summary(forum, build_absolute_uri),
            "summary": _both(forum, "summary"),
            "venue": _both(forum, "venue"),
            "city": _both(forum, "city"),
            "organiser": _both(forum, "organiser"),
            "participants_reported": forum.participants_reported,
            "participants_reported_is_minimum": forum.participants_reported_is_minimum,
            "exhibitors_reported": forum.exhibitors_reported,
        },
        "access_features": ACCESS_NAMES,
        "programme_kinds": [kind.value for kind in ProgrammeItem.Kind],
        "themes": [
            {"slug": theme.slug, "name": _both(theme, "name")} for theme in Theme.objects.all()
        ],
        "programme": [_programme_item(item) for item in items],
        "booths": [_booth(booth, forum, build_absolute_uri) for booth in booths],
        "awards": [_award(award) for award in awards],
        "statements": [
            {
                "person": {
                    "name": _both(statement.person, "name"),
                    "position": _both(statement.person, "position"),
                },
                "programme_item_id": statement.programme_item_id,
                "text": _both(statement, "text"),
            }
            for statement in forum.statements.select_related("person")
        ],
        "concert": [
            {"performer": _both(performance, "performer"), "notes": _both(performance, "notes")}
            for performance in forum.performances.all()
        ],
    }
