"""schema.org descriptions (JSON-LD) of an edition and of a booth's organisation.

Only facts the site holds go in: no start date, venue or image is made up
when an edition has none. The result goes into a
`<script type="application/ld+json">` element, which browsers do not run (the
Content-Security-Policy allows it), escaped so that its text can never close
the element.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

# As django.utils.html.json_script escapes: no "<", ">" or "&" in the text.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """`data` as a safe `<script type="application/ld+json">` element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def _place(name, city):
    """A schema.org Place, or None when neither the place nor the city is known."""
    if not (name or city):
        return None
    place = {"@type": "Place"}
    if name:
        place["name"] = name
    if city:
        place["address"] = {
            "@type": "PostalAddress",
            "addressLocality": city,
            "addressCountry": "KZ",
        }
    return place


def _dates(data, start, end):
    if start:
        data["startDate"] = start.isoformat()
    if end:
        data["endDate"] = end.isoformat()


def forum_event(forum, items, *, build_absolute_uri, edition_kwargs, image_url=None):
    """The edition as a schema.org Event, its programme items as sub-events.

    `edition_kwargs` are the URL kwargs of the edition's pages ({} for the
    current edition, {"forum_slug": ...} for an archived one).
    """
    language = get_language()
    programme_url = build_absolute_uri(reverse("events:programme", kwargs=edition_kwargs))
    event = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": forum.title,
        "url": build_absolute_uri(reverse("home", kwargs=edition_kwargs)),
        "inLanguage": language,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if forum.summary:
        event["description"] = forum.summary
    _dates(event, forum.starts_on, forum.ends_on)
    if place := _place(forum.venue, forum.city):
        event["location"] = place
    if forum.organiser:
        event["organizer"] = {"@type": "GovernmentOrganization", "name": forum.organiser}
    if image_url:
        event["image"] = image_url
    sub_events = []
    for item in items:
        sub_event = {
            "@type": "Event",
            "name": item.title,
            "url": f"{programme_url}#item-{item.pk}",
            "inLanguage": language,
        }
        if item.description:
            sub_event["description"] = item.description
        _dates(sub_event, item.starts_at, item.ends_at)
        if place := _place(item.place or forum.venue, forum.city):
            sub_event["location"] = place
        sub_events.append(sub_event)
    if sub_events:
        event["subEvent"] = sub_events
    return event


def booth_organisation(booth, *, page_url, build_absolute_uri):
    """The organisation behind a booth as a schema.org Organization; `page_url` is the booth's page."""
    organisation = booth.organisation
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisation.name,
    }
    if organisation.website:
        data["url"] = organisation.website
    if organisation.city:
        data["address"] = {
            "@type": "PostalAddress",
            "addressLocality": organisation.city,
            "addressCountry": "KZ",
        }
    if organisation.bin:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "BIN",
            "value": organisation.bin,
        }
    if organisation.logo:
        data["logo"] = build_absolute_uri(organisation.logo.url)
    data["subjectOf"] = {
        "@type": "CreativeWork",
        "name": booth.project_title,
        "url": page_url,
        "inLanguage": get_language(),
    }
    return data
