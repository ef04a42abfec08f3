"""iCalendar (RFC 5545) files of an edition's programme, in the active language.

Only items with a start time become events: the source article gives no
dates, and a calendar entry with an invented time would be worse than none.
"""

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODUCT_ID = "-//Social Projects Forum-Exhibition//forum site//KK-RU"


def _calendar(forum):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", forum.title)
    return calendar


def _event(item, *, forum, url, host, stamp):
    """One programme item as a VEVENT; `url` is its absolute address on the site."""
    language = get_language()
    event = Event()
    event.add("uid", f"programme-item-{item.pk}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", item.starts_at)
    if item.ends_at:
        event.add("dtend", item.ends_at)
    event.add("summary", item.title, parameters={"LANGUAGE": language})
    description = "\n\n".join(
        text
        for text in (item.description, _("Part of: %(title)s") % {"title": forum.title})
        if text
    )
    event.add("description", description, parameters={"LANGUAGE": language})
    if location := ", ".join(part for part in (item.place, forum.venue, forum.city) if part):
        event.add("location", location, parameters={"LANGUAGE": language})
    event.add("url", url)
    return event


def programme_calendar(forum, items, *, url_for, host):
    """A calendar (bytes) of `items` of `forum`; `url_for(item)` gives an item's address.

    Items without a start time are left out. The organiser is not given as
    ORGANIZER: that property needs an address to write to, and we publish none.
    """
    calendar = _calendar(forum)
    stamp = timezone.now()
    for item in items:
        if item.starts_at:
            calendar.add_component(
                _event(item, forum=forum, url=url_for(item), host=host, stamp=stamp)
            )
    return calendar.to_ical()
