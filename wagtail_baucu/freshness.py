"""Generation tokens: what lets anything cached from the content know it is still current.

Two tokens, one for everything and one per portal, kept in the database
(``GenerationToken``) so every process reads the same ones whatever the cache: Django's
per-process memory cache, a file cache or Redis, and through a cache outage. Publishing,
unpublishing, moving or deleting a page, or changing an agency, a category, an image, a
document, a site or a view restriction replaces a token in the same transaction (the receivers
are in ``wagtail_baucu.feeds.signals``), so the change and its token commit together and every
process sees both on its next request. Reading them costs one indexed query, made once per
request. Tokens are random, never counters, so a token cannot come back and revive old entries.
Feeds, listing counts and QR codes key their entries with ``generation(portal_pk)``; the
entries themselves live in the cache.
"""

from __future__ import annotations

import uuid

from asgiref.local import Local
from django.core.signals import request_finished, request_started
from django.db.models import Count, Min, QuerySet
from django.utils import timezone

from wagtail_baucu.cachekeys import entry_key
from wagtail_baucu.conf import get_setting
from wagtail_baucu.generation_tokens import GenerationToken
from wagtail_baucu.resilient_cache import cache

ALL = "all"
# The token of a scope with no row yet (a portal nothing has changed in since the upgrade).
UNCHANGED = "0"

# Tokens read during the current request; outside a request (commands, the shell, the task
# worker) every call reads the database, so a long-running process never keeps old tokens.
_request = Local()


def _new_token() -> str:
    return uuid.uuid4().hex[:12]


def _scope(portal_pk: int | None) -> str:
    return str(portal_pk) if portal_pk else ALL


def generation(portal_pk: int | None) -> str:
    """The current generation tokens for content of the portal ``portal_pk``."""
    scopes = [ALL, _scope(portal_pk)]
    memo = getattr(_request, "tokens", None)
    if memo is not None and all(scope in memo for scope in scopes):
        return "-".join(memo[scope] for scope in scopes)
    found = dict(GenerationToken.objects.filter(scope__in=scopes).values_list("scope", "token"))
    tokens = {scope: found.get(scope, UNCHANGED) for scope in scopes}
    if memo is not None:
        memo.update(tokens)
    return "-".join(tokens[scope] for scope in scopes)


def generations(portal_pks) -> str:
    """The tokens of everything and of each portal in ``portal_pks``, in one query: for what is
    cached from several portals at once (a site's election lists)."""
    scopes = [ALL, *sorted({_scope(pk) for pk in portal_pks if pk})]
    found = dict(GenerationToken.objects.filter(scope__in=scopes).values_list("scope", "token"))
    return "-".join(found.get(scope, UNCHANGED) for scope in scopes)


def invalidate(portal_pk: int | None = None) -> None:
    """Make what was cached from one portal (or from every portal) be computed afresh.

    The new token is written in the caller's transaction: other processes see it when the
    change commits, together with the change, and never if it rolls back.
    """
    scope = _scope(portal_pk)
    GenerationToken.objects.bulk_create(
        [GenerationToken(scope=scope, token=_new_token())],
        update_conflicts=True,
        unique_fields=["scope"],
        update_fields=["token"],
    )
    memo = getattr(_request, "tokens", None)
    if memo is not None:
        memo.pop(scope, None)


def _start_request(**kwargs) -> None:
    _request.tokens = {}


def _end_request(**kwargs) -> None:
    _request.tokens = None


def connect() -> None:
    """Read the tokens once per request (called from the app's ``ready()``)."""
    request_started.connect(_start_request, dispatch_uid="baucu_generation_start")
    request_finished.connect(_end_request, dispatch_uid="baucu_generation_end")


def _entry_key(kind: str, portal_pk: int | None, key: str) -> str:
    """The cache key of an entry named ``key``, valid while the portal's content is unchanged."""
    return entry_key(kind, generation(portal_pk), key)


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
