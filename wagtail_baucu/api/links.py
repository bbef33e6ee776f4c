"""The URLs a page offers besides its own: print view, QR codes, short link and feeds.

Built by the capabilities that serve them (``wagtail_baucu.qr.urls_for``, the feed routes of
``wagtail_baucu.feeds.routes``); this is the one place the API asks for them.
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Page

from wagtail_baucu import qr
from wagtail_baucu.feeds.items import FORMATS
from wagtail_baucu.feeds.routes import FeedRoutesMixin
from wagtail_baucu.pages.mixins import PrintableMixin
from wagtail_baucu.public import absolute_url


def feed_urls(page: Page, request: HttpRequest | None = None) -> dict[str, str] | None:
    """The absolute URLs of the page's own feed by format, or ``None`` if it has none."""
    if not isinstance(page, FeedRoutesMixin):
        return None
    url = absolute_url(page, request)
    if url is None:
        return None
    return {fmt: url + page.reverse_subpage("feed", args=(fmt,)) for fmt in FORMATS}


def page_links(page: Page, request: HttpRequest | None = None) -> dict:
    """Absolute URLs of the page's print view, QR codes, short link and feeds."""
    codes = qr.urls_for(page, request)
    if codes is None:
        return {}
    links: dict = {}
    if isinstance(page, PrintableMixin):
        links["print"] = codes["page"] + page.reverse_subpage("print")
    links["qr_svg"] = codes["svg"]
    links["qr_png"] = codes["png"]
    links["short"] = codes["short"]
    feeds = feed_urls(page, request)
    if feeds:
        links["feeds"] = feeds
    return links
