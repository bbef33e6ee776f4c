"""Keep feeds fresh: invalidate the cache, purge the CDN and ping the WebSub hub on changes.

Signals, not admin hooks, so scheduled publishing, the API and scripts are covered too.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.models import AbstractPage, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from wagtail_baucu.agencies.models import Agency, Category
from wagtail_baucu.feeds import cache, websub
from wagtail_baucu.feeds.items import FORMATS
from wagtail_baucu.pages.mixins import BaucuPageMixin

logger = logging.getLogger(__name__)


def _portal_pk(page) -> int | None:
    try:
        portal = page.portal if isinstance(page, BaucuPageMixin) else None
    except Exception:  # a half-deleted tree: invalidate everything instead
        return None
    return portal.pk if portal is not None else None


def affected_feed_urls(page, portal=None) -> list[str]:
    """Absolute URLs of the subscription feeds (every format) that show ``page``; with
    ``portal``, those of that portal (where a moved page was)."""
    from wagtail_baucu.feeds.sources import own_source, sources_for_item

    sources = sources_for_item(page, portal)
    own = own_source(page)
    if own is not None and portal is None:
        sources.append(own)
    urls = []
    for source in sources:
        if source.page_url():
            urls += [source.feed_url(fmt) for fmt in FORMATS]
    return urls


def _tell(urls: list[str]) -> None:
    urls = list(dict.fromkeys(urls))
    try:
        _purge_front_end_cache(urls)
        websub.notify(urls)
    except Exception:  # a CDN or task queue error must not roll back the publish
        logger.exception("Could not tell the CDN or the hub about %d feeds", len(urls))


def _purge_front_end_cache(urls: list[str]) -> None:
    # Wagtail purges the published page itself; the listings' feeds are ours to purge.
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(urls)


def page_changed(sender, instance, **kwargs) -> None:
    """Published or unpublished: fresh feeds everywhere, and the hub told."""
    page = instance.specific if hasattr(instance, "specific") else instance
    cache.invalidate(_portal_pk(page))
    if not isinstance(page, BaucuPageMixin):
        return
    try:
        urls = affected_feed_urls(page)
    except Exception:  # feeds are never a reason for publishing to fail
        logger.exception("Could not list the feeds of page %s", page.pk)
        return
    _tell(urls)


def page_moved(sender, instance, parent_page_before=None, **kwargs) -> None:
    """Moved: fresh feeds everywhere; a live page's feeds told, at its old place and new."""
    cache.invalidate()  # every portal: the old place may be in another one
    page = instance.specific if hasattr(instance, "specific") else instance
    if not isinstance(page, BaucuPageMixin) or not page.live:
        return
    try:
        urls = affected_feed_urls(page)
        before = parent_page_before.specific if parent_page_before is not None else None
        old_portal = before.portal if isinstance(before, BaucuPageMixin) else None
        if old_portal is not None:
            urls += affected_feed_urls(page, portal=old_portal)
    except Exception:  # feeds are never a reason for moving to fail
        logger.exception("Could not list the feeds of moved page %s", page.pk)
        return
    _tell(urls)


def object_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, AbstractPage):
        cache.invalidate()


def shared_object_changed(sender, instance, **kwargs) -> None:
    """Agencies, categories, images, documents and sites appear in every portal's feeds; a
    privacy setting changes what is public without a publish."""
    cache.invalidate()


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid="baucu_feeds_published")
    page_unpublished.connect(page_changed, dispatch_uid="baucu_feeds_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="baucu_feeds_moved")
    post_delete.connect(object_deleted, dispatch_uid="baucu_feeds_page_deleted")
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    shared = (Agency, Category, Site, PageViewRestriction, get_image_model(), get_document_model())
    for model in shared:
        for signal in (post_save, post_delete):
            signal.connect(
                shared_object_changed,
                sender=model,
                dispatch_uid=f"baucu_feeds_{signal is post_save}_{model._meta.label}",
            )
