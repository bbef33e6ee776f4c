"""Pure: an election's timeline as an iCalendar file (RFC 5545), written with ``icalendar``.

Dates are all-day events (``DTSTART;VALUE=DATE``, ``DTEND`` the day after the last day, as the
RFC counts it); a milestone with a time is a moment in ``Asia/Ho_Chi_Minh`` (``TZID``, with
the zone's ``VTIMEZONE``). UIDs are built from the milestone's primary key and the site's host,
so a calendar client that subscribed updates an event rather than adding a copy.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODID = "-//wagtail-baucu//Lich bau cu//VI"


@dataclass(frozen=True)
class CalendarEvent:
    """One milestone as the calendar needs it."""

    uid: str
    name: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    at_time: datetime.time | None
    description: str
    url: str
    done: bool


def render_calendar(
    title: str,
    events: Sequence[CalendarEvent],
    stamp: datetime.datetime,
    time_zone: str,
) -> bytes:
    """The calendar file for ``events``; ``stamp`` (aware) is every event's ``DTSTAMP``."""
    zone = ZoneInfo(time_zone)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", time_zone)
    stamp_utc = stamp.astimezone(datetime.UTC)
    for item in events:
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp_utc)
        event.add("summary", item.name)
        if item.at_time is not None:
            start = datetime.datetime.combine(item.starts_on, item.at_time, tzinfo=zone)
            event.add("dtstart", start)
        else:
            event.add("dtstart", item.starts_on)
            last = item.ends_on or item.starts_on
            event.add("dtend", last + datetime.timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", item.url)
        event.add("status", "CONFIRMED")
        calendar.add_component(event)
    # The VTIMEZONE of every TZID used, generated from the zone database.
    calendar.add_missing_timezones()
    return calendar.to_ical()
