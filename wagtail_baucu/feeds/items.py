"""The one item model every feed format is written from, and the pure helpers that fill it.

Nothing here touches the database: the builder (``builder.py``) reads pages and hands plain
values to these classes; the writers (``writers.py``) turn them into RSS, Atom and JSON Feed.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from html import unescape
from urllib.parse import quote

# Characters XML 1.0 forbids: lxml raises ValueError and Django UnserializableContentError.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TAGS = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")

FORMATS = ("rss", "atom", "json")
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


def xml_safe(text: str | None) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    if not text:
        return ""
    return _XML_INVALID.sub("", str(text))


def plain_text(html_or_text: str | None, limit: int | None = None) -> str:
    """Tags removed, entities decoded, white space collapsed; cut at a word if ``limit``."""
    text = _SPACES.sub(" ", unescape(_TAGS.sub(" ", xml_safe(html_or_text)))).strip()
    if limit is not None and len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "…"
    return text


# RFC 4151's authorityName: a DNS name or an e-mail address, in ASCII.
_DNS_NAME = re.compile(
    r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"
)
_EMAIL = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=]+@" + _DNS_NAME.pattern)
# RFC 4151's specific part: URI pchars, "/" and "?"; everything else percent-encoded.
_SPECIFIC_SAFE = "/?:@!$&'()*+,;=-._~"


def tag_authority(host: str) -> str:
    """``host`` (a site's host name, an IP address, or a configured authority) as an RFC 4151
    authority: IDNA for names in other scripts, IP addresses spelled as DNS labels, no port."""
    host = host.strip()
    if _DNS_NAME.fullmatch(host) or _EMAIL.fullmatch(host):
        return host.lower()
    try:
        return ipaddress.ip_address(host.strip("[]")).exploded.replace(":", "-").replace(".", "-")
    except ValueError:
        pass
    host = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    labels = []
    for label in host.lower().split("."):
        try:
            label = label.encode("idna").decode("ascii")
        except UnicodeError:
            label = label.encode("ascii", "ignore").decode()
        label = re.sub(r"[^a-z0-9-]+", "-", label).strip("-")
        if label:
            labels.append(label)
    return ".".join(labels) or "localhost"


def tag_uri(authority: str, minted: date, specific: str) -> str:
    """An RFC 4151 ``tag:`` URI: ``tag:example.org,2021-04-07:page/42``.

    The date is the day the item was first published, so even a reused database key could not
    give an old id to a new item. Authority and specific part are made ASCII (``type:NĐ``
    becomes ``type:N%C4%90``), as the RFC requires.
    """
    specific = quote(specific, safe=_SPECIFIC_SAFE)
    return f"tag:{tag_authority(authority)},{minted.isoformat()}:{specific}"


def page_item_id(authority: str, first_published: datetime, page_pk: int) -> str:
    """The permanent id of a page's feed item: edits, renames and moves never change it."""
    return tag_uri(authority, first_published.astimezone(UTC).date(), f"page/{page_pk}")


def parse_month(value: str) -> tuple[int, int] | None:
    """``"2021-04"`` → ``(2021, 4)``; anything else → ``None``."""
    match = MONTH_PATTERN.match(value or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 1900 <= year <= 9999):
        return None
    return year, month


def month_label(year: int, month: int) -> str:
    """``(2021, 4)`` → ``"2021-04"``, the month's segment in archive URLs."""
    return f"{year:04d}-{month:02d}"


@dataclass(frozen=True)
class Enclosure:
    """An attached file: its absolute URL, real size in bytes and media type."""

    url: str
    length: int
    mime_type: str
    title: str = ""


@dataclass(frozen=True)
class MediaImage:
    """The lead image as a rendition, and a smaller one as the thumbnail."""

    url: str
    width: int
    height: int
    mime_type: str
    thumbnail_url: str
    thumbnail_width: int
    thumbnail_height: int
    title: str = ""


@dataclass(frozen=True)
class FeedCategory:
    """A category with the scheme (Atom ``scheme``, RSS ``domain``) that gives it meaning."""

    term: str
    label: str
    scheme: str


@dataclass(frozen=True)
class FeedAuthor:
    name: str
    uri: str = ""


def _clean_strings(instance) -> None:
    # Every text field is made XML-safe once, so no writer can fail on a control character.
    for item_field in dataclasses.fields(instance):
        value = getattr(instance, item_field.name)
        if isinstance(value, str):
            object.__setattr__(instance, item_field.name, xml_safe(value))


@dataclass(frozen=True)
class FeedItem:
    """One entry of every feed format.

    ``id`` never changes once published (see ``page_item_id``); ``updated`` moves on each
    correction; both datetimes are time-zone aware.
    """

    id: str
    title: str
    link: str
    published: datetime
    updated: datetime
    summary: str
    content_html: str
    author: FeedAuthor | None = None
    categories: tuple[FeedCategory, ...] = ()
    image: MediaImage | None = None
    enclosures: tuple[Enclosure, ...] = ()

    def __post_init__(self):
        _clean_strings(self)
        if self.published.tzinfo is None or self.updated.tzinfo is None:
            raise ValueError("Feed item datetimes must carry a time zone.")
        if self.updated < self.published:
            object.__setattr__(self, "updated", self.published)


@dataclass(frozen=True)
class FeedMeta:
    """What a feed says about itself.

    ``self_url`` is the absolute URL the document is served at; ``html_url`` the page it mirrors.
    ``archive`` is set on RFC 5005 archive documents; ``current_url``, ``prev_archive_url`` and
    ``next_archive_url`` link the history.
    """

    id: str
    title: str
    subtitle: str
    self_url: str
    html_url: str
    author: FeedAuthor
    language: str = "vi"
    rights: str = ""
    logo_url: str = ""
    icon_url: str = ""
    hub_url: str = ""
    archive: bool = False
    current_url: str = ""
    prev_archive_url: str = ""
    next_archive_url: str = ""
    generator: str = "wagtail-baucu"
    alternates: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        _clean_strings(self)


EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def newest_update(items: list[FeedItem] | tuple[FeedItem, ...]) -> datetime:
    """The feed's ``updated``: the newest item's, never "now", so the bytes stay stable."""
    return max((item.updated for item in items), default=EPOCH)
