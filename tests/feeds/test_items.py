"""The pure parts: the item model, HTML cleaning and the writers, without a database."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from wagtail_baucu.documents.numbers import DOCUMENT_TYPES
from wagtail_baucu.feeds.html import sanitize_html
from wagtail_baucu.feeds.items import (
    Enclosure,
    FeedAuthor,
    FeedCategory,
    FeedItem,
    FeedMeta,
    MediaImage,
    page_item_id,
    parse_month,
    plain_text,
    xml_safe,
)
from wagtail_baucu.feeds.sources import DOCUMENT_TYPE_BY_SLUG, document_type_slug
from wagtail_baucu.feeds.writers import write_feed

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ATOM = "{http://www.w3.org/2005/Atom}"


def item(number: int = 1, **changes) -> FeedItem:
    fields = dict(
        id=f"tag:example.org,2021-04-07:page/{number}",
        title=f"Tin {number}",
        link=f"http://example.org/tin-tuc/tin-{number}/",
        published=datetime(2021, 4, number, 10, 35, tzinfo=VN),
        updated=datetime(2021, 4, number, 11, 0, tzinfo=VN),
        summary="Sapo.",
        content_html="<p>Nội dung.</p>",
        author=FeedAuthor("Ủy ban bầu cử thành phố"),
        categories=(FeedCategory("tuyen-truyen", "Tuyên truyền", "http://example.org/c/"),),
        image=MediaImage(
            "http://example.org/a.png", 960, 540, "image/png", "http://example.org/t.png", 480, 270
        ),
        enclosures=(
            Enclosure("http://example.org/a.pdf", 1234, "application/pdf", "Kế hoạch"),
            Enclosure("http://example.org/b.pdf", 99, "application/pdf", "Phụ lục"),
        ),
    )
    fields.update(changes)
    return FeedItem(**fields)


def meta(**changes) -> FeedMeta:
    fields = dict(
        id="tag:example.org,2021-01-01:feed/3/news",
        title="Tin tức",
        subtitle="Mọi tin",
        self_url="http://example.org/tin-tuc/feed/atom/",
        html_url="http://example.org/tin-tuc/",
        author=FeedAuthor("Cổng bầu cử"),
        rights="© Cổng bầu cử",
    )
    fields.update(changes)
    return FeedMeta(**fields)


def test_xml_safe_strips_exactly_the_forbidden_characters():
    forbidden = "".join(chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32)]) + "\ufffe\uffff"
    assert xml_safe(f"a{forbidden}b\t\n\rđ🗳️") == "ab\t\n\rđ🗳️"


@given(st.text())
def test_any_text_survives_every_writer(text):
    items = [item(1, title=text or "x", summary=text, content_html=text)]
    for fmt in ("rss", "atom"):
        etree.fromstring(write_feed(fmt, meta(title=text or "x"), items))
    json.loads(write_feed("json", meta(), items))


def test_item_datetimes_must_be_aware_and_updated_not_before_published():
    with pytest.raises(ValueError):
        item(published=datetime(2021, 4, 1, 10, 0))
    fixed = item(updated=datetime(2020, 1, 1, tzinfo=UTC))
    assert fixed.updated == fixed.published


def test_item_ids_depend_on_the_page_and_first_publication_only():
    first = datetime(2021, 4, 7, 3, 0, tzinfo=UTC)
    assert page_item_id("example.org", first, 42) == "tag:example.org,2021-04-07:page/42"
    # 06:00 on April 8th in Vietnam is still April 7th in UTC: the date is the UTC one.
    local = datetime(2021, 4, 8, 6, 0, tzinfo=VN)
    assert page_item_id("example.org", local, 42) == "tag:example.org,2021-04-07:page/42"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-04", (2021, 4)), ("2021-13", None), ("2021-4", None), ("x", None), ("", None)],
)
def test_parse_month(value, expected):
    assert parse_month(value) == expected


def test_plain_text():
    assert plain_text("<p>Một &amp; <b>hai</b></p>\n\n ba") == "Một & hai ba"
    assert plain_text("một hai ba bốn", limit=8) == "một hai…"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="/tin/">x</a>', '<a href="http://example.org/tin/">x</a>'),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="java\tscript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="data:text/html,1">x</a>', "<a>x</a>"),
        ('<a href="mailto:a@b.vn">x</a>', '<a href="mailto:a@b.vn">x</a>'),
        ('<p onclick="x()" style="a">t</p>', "<p>t</p>"),
        ("<script>alert(1)</script><p>t</p>", "<p>t</p>"),
        ('<img src="/m/a.png" onerror="x">', '<img src="http://example.org/m/a.png">'),
        ('<img src="javascript:x">', ""),
        ("<custom-tag>giữ chữ</custom-tag>", "giữ chữ"),
        ("a &lt; b", "a &lt; b"),
        ("", ""),
    ],
)
def test_sanitize_html(html, expected):
    assert sanitize_html(html, "http://example.org/") == expected


def test_atom_has_exactly_one_alternate_link_per_entry_and_proper_enclosures():
    root = etree.fromstring(write_feed("atom", meta(), [item(1), item(2)]))
    for entry in root.findall(f"{ATOM}entry"):
        entry_links = entry.findall(f"{ATOM}link")
        alternates = [ln for ln in entry_links if ln.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1
        enclosures = [ln for ln in entry_links if ln.get("rel") == "enclosure"]
        assert [ln.get("length") for ln in enclosures] == ["1234", "99"]
        assert entry.find(f"{ATOM}content").get("type") == "html"
    assert root.find(".//{http://search.yahoo.com/mrss/}group") is None
    parsed = feedparser.parse(write_feed("atom", meta(), [item(1)]))
    assert parsed.entries[0].link == "http://example.org/tin-tuc/tin-1/"


def test_entries_keep_their_order_and_dates_come_from_the_items():
    items = [item(3), item(2), item(1)]
    first = write_feed("rss", meta(), items)
    assert write_feed("rss", meta(), items) == first  # stable bytes, stable ETag
    parsed = feedparser.parse(first)
    assert [e.title for e in parsed.entries] == ["Tin 3", "Tin 2", "Tin 1"]
    assert parsed.feed.updated == "Sat, 03 Apr 2021 11:00:00 +0700"
    assert parsed.entries[0].published == "Sat, 03 Apr 2021 10:35:00 +0700"
    assert parsed.entries[0].author == "Ủy ban bầu cử thành phố"
    assert parsed.entries[0].enclosures[0].length == "1234"
    atom = feedparser.parse(write_feed("atom", meta(), items))
    assert atom.feed.updated == "2021-04-03T11:00:00+07:00"


def test_an_empty_feed_is_valid_and_dated_stably():
    for fmt in ("rss", "atom"):
        first = write_feed(fmt, meta(), [])
        assert not feedparser.parse(first).bozo
        assert write_feed(fmt, meta(), []) == first


def test_document_type_slugs_are_ascii_and_unique():
    assert document_type_slug("QĐ") == "qdd" and document_type_slug("HD") == "hd"
    assert len(DOCUMENT_TYPE_BY_SLUG) == len(DOCUMENT_TYPES)
    assert all(slug.isascii() for slug in DOCUMENT_TYPE_BY_SLUG)
