"""The URLs a page offers besides its own: print view, QR codes, short link and feeds.

The URL shapes are the package's conventions (``<page URL>print/``, ``<page URL>qr.svg``,
``/p/<id>/``, ``<page URL>feed/rss/``); this is the one place the API builds them.
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Page

from wagtail_baucu.pages.mixins import (
    AgencyPageMixin,
    DocumentIndexMixin,
    ElectionPortalMixin,
    NewsIndexMixin,
    PrintableMixin,
)
from wagtail_baucu.public import absolute_url, make_absolute, site_root_url

# The pages that have feeds of their own: the portal, the indexes and each agency's page.
FEED_PAGE_MIXINS = (ElectionPortalMixin, NewsIndexMixin, DocumentIndexMixin, AgencyPageMixin)
FEED_FORMATS = ("rss", "atom", "json")


def feed_urls(page: Page, request: HttpRequest | None = None) -> dict[str, str] | None:
    """The absolute URLs of the page's feeds by format, or ``None`` if it has none."""
    if not isinstance(page, FEED_PAGE_MIXINS):
        return None
    url = absolute_url(page, request)
    if url is None:
        return None
    return {name: f"{url}feed/{name}/" for name in FEED_FORMATS}


def page_links(page: Page, request: HttpRequest | None = None) -> dict:
    """Absolute URLs of the page's print view, QR codes, short link and feeds."""
    url = absolute_url(page, request)
    if url is None:
        return {}
    links: dict = {}
    if isinstance(page, PrintableMixin):
        links["print"] = url + page.reverse_subpage("print")
    links["qr_svg"] = url + "qr.svg"
    links["qr_png"] = url + "qr.png"
    links["short"] = make_absolute(f"/p/{page.pk}/", site_root_url(page, request) or url)
    feeds = feed_urls(page, request)
    if feeds:
        links["feeds"] = feeds
    return links
