"""Feed links in templates: ``{% load baucu_feeds %}``.

``{% baucu_feed_links %}`` writes the autodiscovery ``<link rel="alternate">`` tags of the feeds
that concern the page being rendered (``base.html`` calls it in ``{% block feed_links %}``);
``{% baucu_feed_url source "rss" %}`` gives one feed's absolute URL.
"""

from __future__ import annotations

import logging

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from wagtail_baucu.feeds.items import FORMATS
from wagtail_baucu.feeds.sources import FeedSource, sources_for_page

register = template.Library()
logger = logging.getLogger(__name__)

FORMAT_NAMES = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
LINK_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}


@register.simple_tag(takes_context=True)
def baucu_feed_links(context: template.Context) -> SafeString:
    """``<link rel="alternate">`` for each feed of the page (and ``page_feed_sources``)."""
    page = context.get("page")
    if page is None or not getattr(page, "pk", None):
        return mark_safe("")
    request = context.get("request")
    try:
        sources = sources_for_page(page, context.get("page_feed_sources"))
        rows = [
            (
                LINK_TYPES[fmt],
                f"{source.title} ({FORMAT_NAMES[fmt]})",
                source.feed_url(fmt, request),
            )
            for source in sources
            for fmt in FORMATS
        ]
    except Exception:  # a page renders without feed links rather than fail
        logger.exception("Feed links of page %s", page.pk)
        return mark_safe("")
    return format_html_join("\n", '<link rel="alternate" type="{}" title="{}" href="{}">', rows)


@register.simple_tag(takes_context=True)
def baucu_feed_url(context: template.Context, source: FeedSource, fmt: str) -> str:
    """The absolute URL of ``source`` in ``fmt`` (``rss``, ``atom`` or ``json``)."""
    return source.feed_url(fmt, context.get("request"))


@register.simple_tag(takes_context=True)
def baucu_feed_formats(context: template.Context, source: FeedSource) -> list[dict]:
    """``[{"format", "name", "type", "url"}]`` for each format of ``source``."""
    request = context.get("request")
    return [
        {
            "format": fmt,
            "name": FORMAT_NAMES[fmt],
            "type": LINK_TYPES[fmt],
            "url": source.feed_url(fmt, request),
        }
        for fmt in FORMATS
    ]
