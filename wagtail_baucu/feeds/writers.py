"""RSS 2.0 and Atom 1.0 (with feedgen) and JSON Feed 1.1, all written from the same items.

feedgen 1.0.0 needs help, done here through one extension:
- an Atom entry's extra ``<link>`` loses its ``rel``: entries get exactly one alternate link from
  feedgen, and enclosures are written by the extension;
- it stamps ``lastBuildDate``/``updated`` with "now" and formats RFC 822 dates through the
  process-wide ``locale.setlocale``: dates are set from the newest item and written with
  ``email.utils``;
- it knows nothing of ``dc:creator`` without an extension, of ``media:*`` outside ``media:group``,
  of WebSub hub links in RSS or of RFC 5005: the extension writes them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from email.utils import format_datetime

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from wagtail_baucu.feeds.items import FORMATS, FeedItem, FeedMeta, newest_update

ATOM_NS = "http://www.w3.org/2005/Atom"
MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"
FH_NS = "http://purl.org/syndication/history/1.0"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def rfc822(value) -> str:
    """An RFC 822 date with English names whatever the locale (thread-safe)."""
    return format_datetime(value)


def _sub(parent, tag: str, text: str | None = None, **attrib) -> etree._Element:
    element = etree.SubElement(parent, tag, {k: str(v) for k, v in attrib.items()})
    if text is not None:
        element.text = text
    return element


def _history_links(meta: FeedMeta) -> list[tuple[str, str]]:
    links = [("hub", meta.hub_url)] if meta.hub_url else []
    if meta.archive:
        links.append(("current", meta.current_url))
    links += [("prev-archive", meta.prev_archive_url), ("next-archive", meta.next_archive_url)]
    return [(rel, href) for rel, href in links if href]


class _FeedExtension(BaseExtension):
    """Feed-level elements feedgen cannot write: hub and RFC 5005 links, ``fh:archive``."""

    meta: FeedMeta

    def extend_ns(self):
        return {"media": MEDIA_NS, "dc": DC_NS, "fh": FH_NS}

    def extend_atom(self, feed):
        # feedgen writes Atom elements without a namespace under a literal default xmlns.
        for rel, href in _history_links(self.meta):
            _sub(feed, "link", rel=rel, href=href)
        if self.meta.archive:
            _sub(feed, f"{{{FH_NS}}}archive")
        return feed

    def extend_rss(self, feed):
        channel = feed.find("channel")
        _sub(channel, "lastBuildDate", rfc822(self.meta_updated))
        for rel, href in _history_links(self.meta):
            _sub(channel, f"{{{ATOM_NS}}}link", rel=rel, href=href)
        if self.meta.archive:
            _sub(channel, f"{{{FH_NS}}}archive")
        return feed


class _EntryExtension(BaseEntryExtension):
    """Entry elements: enclosures, ``media:content``/``media:thumbnail``, RSS dates and author."""

    item: FeedItem

    def _media(self, entry):
        image = self.item.image
        if image is None:
            return
        content = _sub(
            entry,
            f"{{{MEDIA_NS}}}content",
            url=image.url,
            medium="image",
            type=image.mime_type,
            width=image.width,
            height=image.height,
        )
        if image.title:
            _sub(content, f"{{{MEDIA_NS}}}title", image.title)
        _sub(
            entry,
            f"{{{MEDIA_NS}}}thumbnail",
            url=image.thumbnail_url,
            width=image.thumbnail_width,
            height=image.thumbnail_height,
        )

    def extend_atom(self, entry):
        for enclosure in self.item.enclosures:
            attrib = {"rel": "enclosure", "href": enclosure.url, "type": enclosure.mime_type}
            attrib["length"] = enclosure.length
            if enclosure.title:
                attrib["title"] = enclosure.title
            _sub(entry, "link", **attrib)
        self._media(entry)
        return entry

    def extend_rss(self, entry):
        _sub(entry, "pubDate", rfc822(self.item.published))
        # RSS has no "updated": Atom's element carries the date of the last correction.
        _sub(entry, f"{{{ATOM_NS}}}updated", self.item.updated.isoformat())
        if self.item.author is not None:
            _sub(entry, f"{{{DC_NS}}}creator", self.item.author.name)
        # RSS allows one enclosure: the first file; the others are linked in the content.
        for enclosure in self.item.enclosures[:1]:
            _sub(
                entry,
                "enclosure",
                url=enclosure.url,
                length=enclosure.length,
                type=enclosure.mime_type,
            )
        self._media(entry)
        return entry


def _generator(meta: FeedMeta, items: Sequence[FeedItem], fmt: str) -> FeedGenerator:
    feed = FeedGenerator()
    feed.register_extension("baucu", _FeedExtension, _EntryExtension)
    feed.baucu.meta = meta
    feed.baucu.meta_updated = newest_update(items)
    feed.id(meta.id)
    # Titles are required: one made only of control characters falls back to the URL.
    feed.title(meta.title or meta.html_url)
    feed.subtitle(meta.subtitle or meta.title or meta.html_url)
    feed.language(meta.language)
    feed.updated(feed.baucu.meta_updated)
    # feedgen formats lastBuildDate with setlocale (not thread-safe): the extension writes it.
    feed._FeedGenerator__rss_lastBuildDate = None
    feed.author(name=meta.author.name, uri=meta.author.uri or None)
    if meta.rights:
        feed.rights(meta.rights)
    if meta.logo_url:
        feed.logo(meta.logo_url)
    if meta.icon_url:
        feed.icon(meta.icon_url)
    feed.generator(meta.generator, uri=None, version=None)
    feed.link(href=meta.self_url, rel="self", type=_link_type(fmt))
    # The RSS channel <link> is the last link added: the HTML page, so it goes last.
    feed.link(href=meta.html_url, rel="alternate", type="text/html")
    for item in items:
        entry = feed.add_entry(order="append")
        entry.baucu.item = item
        entry.id(item.id)
        entry.guid(item.id, permalink=False)
        entry.title(item.title or item.link)
        entry.link(href=item.link, rel="alternate", type="text/html")
        entry.published(item.published)
        # That also set an RSS pubDate, which the extension writes without setlocale.
        entry._FeedEntry__rss_pubDate = None
        entry.updated(item.updated)
        if item.summary:
            entry.summary(item.summary)
        entry.content(item.content_html or item.summary or item.title or item.link, type="html")
        if item.author is not None:
            entry.author(name=item.author.name, uri=item.author.uri or None)
        for category in item.categories:
            entry.category(term=category.term, scheme=category.scheme, label=category.label)
    return feed


def _link_type(fmt: str) -> str:
    return {"rss": "application/rss+xml", "atom": "application/atom+xml"}.get(
        fmt, "application/feed+json"
    )


def write_rss(meta: FeedMeta, items: Sequence[FeedItem]) -> bytes:
    """An RSS 2.0 document with ``content:encoded``, ``dc:creator`` and ``media:*``."""
    return _generator(meta, items, "rss").rss_str(pretty=False)


def write_atom(meta: FeedMeta, items: Sequence[FeedItem]) -> bytes:
    """An Atom 1.0 document (RFC 4287) with RFC 5005 history links when set."""
    return _generator(meta, items, "atom").atom_str(pretty=False)


def _json_item(item: FeedItem) -> dict:
    data = {
        "id": item.id,
        "url": item.link,
        "title": item.title or item.link,
        "content_html": item.content_html or item.title or item.link,
        "date_published": item.published.isoformat(),
        "date_modified": item.updated.isoformat(),
    }
    if item.summary:
        data["summary"] = item.summary
    if item.image is not None:
        data["image"] = item.image.url
    if item.author is not None:
        author = {"name": item.author.name}
        if item.author.uri:
            author["url"] = item.author.uri
        data["authors"] = [author]
    if item.categories:
        data["tags"] = [category.label or category.term for category in item.categories]
    if item.enclosures:
        data["attachments"] = [
            {
                "url": enclosure.url,
                "mime_type": enclosure.mime_type,
                "size_in_bytes": enclosure.length,
                **({"title": enclosure.title} if enclosure.title else {}),
            }
            for enclosure in item.enclosures
        ]
    return data


def write_json(meta: FeedMeta, items: Sequence[FeedItem]) -> bytes:
    """A JSON Feed 1.1 document; an archive's ``next_url`` leads to the previous month."""
    data = {
        "version": JSON_FEED_VERSION,
        "title": meta.title or meta.html_url,
        "home_page_url": meta.html_url,
        "feed_url": meta.self_url,
        "description": meta.subtitle or meta.title,
        "language": meta.language,
        "authors": [
            {"name": meta.author.name, **({"url": meta.author.uri} if meta.author.uri else {})}
        ],
    }
    if meta.icon_url:
        data["icon"] = meta.logo_url or meta.icon_url
        data["favicon"] = meta.icon_url
    if meta.hub_url:
        data["hubs"] = [{"type": "WebSub", "url": meta.hub_url}]
    if meta.prev_archive_url:
        data["next_url"] = meta.prev_archive_url
    data["items"] = [_json_item(item) for item in items]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


WRITERS = {"rss": write_rss, "atom": write_atom, "json": write_json}
assert set(WRITERS) == set(FORMATS)


def write_feed(fmt: str, meta: FeedMeta, items: Sequence[FeedItem]) -> bytes:
    """The document for ``fmt`` (``rss``, ``atom`` or ``json``)."""
    return WRITERS[fmt](meta, items)
