"""Rendered feeds in Django's cache.

A cached feed's key holds the generation tokens of ``wagtail_baucu.freshness``: one for
everything and one for the portal the feed belongs to. Publishing, unpublishing, moving or
deleting a page, or changing an agency, a category, an image, a document or a site, replaces a
token, so every process renders the affected feeds afresh on its very next request, whatever
the cache.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from django.utils import timezone, translation

from wagtail_baucu.cachekeys import entry_key, site_of_request
from wagtail_baucu.conf import get_setting
from wagtail_baucu.feeds.items import CONTENT_TYPES, month_label, newest_update
from wagtail_baucu.feeds.writers import write_feed
from wagtail_baucu.freshness import ALL, generation, invalidate  # noqa: F401
from wagtail_baucu.language import content_language
from wagtail_baucu.public import is_public_afresh
from wagtail_baucu.resilient_cache import cache


@dataclass(frozen=True)
class RenderedFeed:
    """A feed document ready to send, with what conditional requests need."""

    body: bytes
    content_type: str
    etag: str
    last_modified: datetime
    archive: bool
    closed: bool  # an archive of a month that is over: it will hardly change again
    stale_at: datetime | None = None  # a page in it expires then: no event will say so
    public: bool = False  # its page has no view restriction: it may skip Wagtail's checks

    def is_stale(self) -> bool:
        return self.stale_at is not None and self.stale_at <= timezone.now()


def _key(portal_pk: int, cache_id: str, fmt: str, month_part: str) -> str:
    return entry_key("feed", generation(portal_pk), cache_id, fmt, month_part)


def cache_key(source, fmt: str, month: tuple[int, int] | None) -> str:
    return _key(source.portal.pk, source.cache_id, fmt, month_label(*month) if month else "live")


def _path_key(request: HttpRequest) -> str:
    return entry_key("feed-path", site_of_request(request), request.path)


def remember_path(request: HttpRequest, source, fmt: str, month) -> None:
    """Note which cached feed a public URL serves, so ``cached_for_path`` can skip routing."""
    entry = (source.portal.pk, source.cache_id, fmt, month_label(*month) if month else "live")
    cache.set(_path_key(request), entry, timeout=None)


def cached_for_path(request: HttpRequest) -> RenderedFeed | None:
    """The current cached feed for this URL, without touching the database; ``None`` if the
    URL is unknown, its feed changed since, or it is stale."""
    entry = cache.get(_path_key(request))
    if entry is None:
        return None
    found = cache.get(_key(*entry))
    # A feed someone opened with a password is cached too, but never served this way.
    if found is None or found.is_stale() or not found.public:
        return None
    return found


def render(source, fmt: str, request: HttpRequest | None, month: tuple[int, int] | None = None):
    """Build and write a feed document; ``None`` for a month without items."""
    # The portal's language for every reader: a cached feed must not depend on Accept-Language.
    with translation.override(content_language(source.page)):
        items = source.items(request, month)
        if month is not None and not items:
            return None  # a month without items has no archive
        prev_month, next_month = source.neighbour_months(month)
        meta = source.meta(fmt, request, month=month, prev_month=prev_month, next_month=next_month)
        body = write_feed(fmt, meta, items)
    now = timezone.localtime(timezone=ZoneInfo(get_setting("TIME_ZONE")))
    closed = month is not None and month < (now.year, now.month)
    return RenderedFeed(
        body=body,
        content_type=CONTENT_TYPES[fmt],
        etag='"' + hashlib.sha256(body).hexdigest()[:32] + '"',
        last_modified=newest_update(items),
        archive=month is not None,
        closed=closed,
        stale_at=source.expires_at,
        public=not source.page.get_view_restrictions().exists(),
    )


def get_or_render(
    source, fmt: str, request: HttpRequest | None, month: tuple[int, int] | None = None
) -> RenderedFeed | None:
    """The feed from the cache, rendered and stored on a miss."""
    key = cache_key(source, fmt, month)
    found = cache.get(key)
    if found is not None and not found.is_stale():
        return found
    rendered = render(source, fmt, request, month)
    # The token was read above, after Wagtail routed the page: a withdrawal committed in
    # between left it under the new token, so visibility is read again before the entry is
    # marked public (as the QR codes do).
    if rendered is not None and rendered.public and not is_public_afresh(source.page):
        rendered = replace(rendered, public=False)
    if rendered is not None and rendered.public and request is not None:
        remember_path(request, source, fmt, month)
    if rendered is not None:
        timeout = get_setting("FEED_CACHE_TIMEOUT")
        if rendered.stale_at is not None:
            until_stale = (rendered.stale_at - timezone.now()).total_seconds()
            timeout = max(1, min(timeout, int(until_stale) + 1))
        cache.set(key, rendered, timeout=timeout)
    return rendered
