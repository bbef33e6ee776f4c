"""Generation tokens: what lets anything cached from the content know it is still current.

Two tokens stored in Django's cache, one for everything and one per portal. Publishing,
unpublishing, moving or deleting a page, or changing an agency, a category, an image, a
document, a site or a view restriction replaces a token (the receivers are in
``wagtail_baucu.feeds.signals``), so every process sharing the cache (Redis, Memcached) sees
the change on its very next request. Tokens are random, never counters, so a token the cache
evicted cannot come back and revive old entries. Feeds, listing counts and QR codes key their
entries with ``generation(portal_pk)``.
"""

from __future__ import annotations

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Min, QuerySet
from django.utils import timezone

from wagtail_baucu.conf import get_setting

# The key kept from when only feeds used the tokens: a running site keeps its entries.
GENERATION_KEY = "baucu:feeds:generation:{}"
ALL = "all"


def _new_token() -> str:
    return uuid.uuid4().hex[:12]


def generation(portal_pk: int | None) -> str:
    """The current generation tokens for content of the portal ``portal_pk`` (one cache read)."""
    keys = [GENERATION_KEY.format(ALL), GENERATION_KEY.format(portal_pk or ALL)]
    found = cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:
            token = _new_token()
            # add(): two processes starting together agree on the first token.
            if not cache.add(key, token, timeout=None):
                token = cache.get(key) or token
        tokens.append(token)
    return "-".join(tokens)


def invalidate(portal_pk: int | None = None) -> None:
    """Make what was cached from one portal (or from every portal) be computed afresh.

    Done at once and again when the transaction commits: a request served in between may
    have read the old rows and stored them under the new token.
    """

    def bump():
        cache.set(GENERATION_KEY.format(portal_pk or ALL), _new_token(), timeout=None)

    bump()
    transaction.on_commit(bump)


def _entry_key(kind: str, portal_pk: int | None, key: str) -> str:
    """The cache key of an entry named ``key``, valid while the portal's content is unchanged."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"baucu:{kind}:{generation(portal_pk)}:{digest}"


def cached_count(queryset: QuerySet, portal_pk: int | None, key: str) -> int:
    """``queryset.count()`` kept in the cache until the portal's content changes.

    ``key`` names what the queryset selects (the listing and its filters). A page expiring
    changes the count with no event, so the entry lasts no longer than the soonest expiry
    among the counted pages, found in the same query.
    """
    cache_key = _entry_key("count", portal_pk, key)
    found = cache.get(cache_key)
    if found is not None:
        return found
    figures = queryset.order_by().aggregate(count=Count("pk"), soonest=Min("expire_at"))
    timeout = get_setting("LISTING_COUNT_CACHE_TIMEOUT")
    if figures["soonest"] is not None:
        until_expiry = (figures["soonest"] - timezone.now()).total_seconds()
        timeout = max(1, min(timeout, int(until_expiry) + 1))
    cache.set(cache_key, figures["count"], timeout=timeout)
    return figures["count"]


def cached_selection(queryset: QuerySet, portal_pk: int | None, key: str) -> QuerySet:
    """``queryset`` narrowed to the rows it matched when the portal's content last changed.

    For lookups whose answer seldom changes but whose cost grows with the archive (a portal's
    menu and indexes are found among all its pages): the primary keys are kept under the
    portal's generation token and the rows fetched by key. The queryset's own filters still
    apply, so a page that expired since drops out though no event said so. ``key`` names what
    the queryset selects.
    """
    cache_key = _entry_key("selection", portal_pk, key)
    pks = cache.get(cache_key)
    if pks is None:
        pks = list(queryset.values_list("pk", flat=True))
        cache.set(cache_key, pks, timeout=get_setting("LISTING_COUNT_CACHE_TIMEOUT"))
    return queryset.filter(pk__in=pks)
