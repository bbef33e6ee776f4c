"""An election's timeline read from the database: for the portal home, the API and the
calendar file (cached under the portal's generation tokens)."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from django.utils import timezone

from wagtail_baucu.cachekeys import entry_key, site_of_request
from wagtail_baucu.conf import get_setting
from wagtail_baucu.elections.models import Election, Milestone
from wagtail_baucu.elections.timeline.calendar import CalendarEvent, render_calendar
from wagtail_baucu.elections.timeline.state import milestone_status, timeline_state
from wagtail_baucu.freshness import generation
from wagtail_baucu.pages.mixins import ElectionPortalMixin
from wagtail_baucu.public import absolute_url, is_public_afresh, page_at
from wagtail_baucu.resilient_cache import cache

CALENDAR_NAME = "lich-bau-cu.ics"


def local_today() -> datetime.date:
    """Today in the package's time zone (Vietnam), whatever the server's."""
    return timezone.localtime(timezone=ZoneInfo(get_setting("TIME_ZONE"))).date()


def election_of_portal(portal) -> Election | None:
    return Election.objects.filter(portal_id=portal.pk).first()


def milestones_of(election: Election) -> list[Milestone]:
    return list(election.milestones.order_by("sort_order", "starts_on", "pk"))


def portal_context(portal, request: HttpRequest, context: dict) -> None:
    """Add the election's timeline to the portal home's context (``election_timeline``)."""
    election = election_of_portal(portal)
    if election is None:
        return
    today = local_today()
    milestones = milestones_of(election)
    context["election_timeline"] = {
        "election": election,
        "state": timeline_state(milestones, election.election_day, today),
        "rows": [(m, milestone_status(m, today)) for m in milestones],
        "calendar_url": (portal.get_url(request) or "") + CALENDAR_NAME,
    }


@dataclass(frozen=True)
class RenderedCalendar:
    body: bytes
    etag: str


def _events(election: Election, portal, request: HttpRequest) -> list[CalendarEvent]:
    url = absolute_url(portal, request) or ""
    host = urlsplit(url).hostname or "localhost"
    return [
        CalendarEvent(
            uid=f"milestone-{m.pk}@{host}",
            name=m.name,
            starts_on=m.starts_on,
            ends_on=m.ends_on,
            at_time=m.at_time,
            description=m.legal_basis,
            url=url,
            done=m.done,
        )
        for m in milestones_of(election)
    ]


def render_for(election: Election, portal, request: HttpRequest) -> RenderedCalendar:
    body = render_calendar(
        election.title,
        _events(election, portal, request),
        stamp=timezone.now(),
        time_zone=get_setting("TIME_ZONE"),
    )
    return RenderedCalendar(body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


def calendar_at(request: HttpRequest, path: str) -> RenderedCalendar | None:
    """The calendar of the election of the public portal at ``path``, else ``None``.

    Kept in the cache under the portal's generation tokens: editing the election or its
    milestones, or the portal's visibility changing, renews it.
    """
    key = entry_key("timeline-ics", site_of_request(request), path)
    known = cache.get(key)
    if known is not None:
        portal_pk, token, body, etag = known
        if generation(portal_pk) == token:
            return RenderedCalendar(body, etag)
    page = page_at(request, path)
    if page is None or not issubclass(page.specific_class or type(page), ElectionPortalMixin):
        return None
    token = generation(page.pk)
    if not is_public_afresh(page):
        return None
    election = election_of_portal(page)
    if election is None:
        return None
    rendered = render_for(election, page.specific, request)
    cache.set(key, (page.pk, token, rendered.body, rendered.etag), None)
    return rendered
