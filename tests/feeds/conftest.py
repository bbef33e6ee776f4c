"""Helpers for the feed tests: fetch feeds over HTTP and read them with real parsers."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import feedparser
import pytest
from django.core.cache import cache
from lxml import etree

from tests import factories

FORMATS = ("rss", "atom", "json")
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def newsroom(site_tree, agencies):
    """A portal with an agency page, a category, one article and one document."""
    category = factories.make_category("Tuyên truyền")
    agency = agencies["UBBC"]
    site_tree.agency_page(agency)
    article = site_tree.article(
        "Thông báo về ngày bầu cử",
        agency=agency,
        categories=[category],
        lead_image=factories.make_image(),
        when=factories.local(2021, 4, 7, 10, 35),
    )
    document = site_tree.document(
        "34/UBBC-TCTTT", issuer=agency, agency=agency, file=factories.make_file()
    )
    site_tree.category = category
    site_tree.first_article = article
    site_tree.first_document = document
    return site_tree


def feed_paths(portal, category_slug: str = "tuyen-truyen", agency_slug: str = "ubbc"):
    """Paths of every subscription feed of the test portal, in every format."""
    bases = [
        "/",
        "/tin-tuc/",
        f"/tin-tuc/chuyen-muc/{category_slug}/",
        f"/co-quan/{agency_slug}/",
        "/van-ban-chi-dao/",
        "/van-ban-chi-dao/loai/cv/",
    ]
    return [f"{base}feed/{fmt}/" for base in bases for fmt in FORMATS]


def fetch(client, path: str, **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200, (path, response.status_code)
    return response


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def parse(client, path: str) -> feedparser.FeedParserDict:
    """A feed read by feedparser, which must find no error; JSON Feed read as JSON."""
    response = fetch(client, path)
    if path.rstrip("/").endswith("json") or "/json/" in path:
        return json.loads(body(response))
    headers = {
        "content-type": response["Content-Type"],
        "content-location": "http://testserver" + path,
    }
    parsed = feedparser.parse(body(response), response_headers=headers)
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


def entry_links(client, path: str) -> set[str]:
    """The item links of a feed in any format."""
    data = parse(client, path)
    if not isinstance(data, feedparser.FeedParserDict):  # JSON Feed
        return {item["url"] for item in data["items"]}
    return {entry.link for entry in data.entries}


def xml(client, path: str) -> etree._Element:
    return etree.fromstring(body(fetch(client, path)))


def is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "mailto", "tel") and (
        bool(parts.netloc) or parts.scheme in ("mailto", "tel")
    )


def urls_in_raw_feed(raw: bytes) -> list[str]:
    """Every URL of a raw RSS/Atom document: attributes, link texts, and inside the HTML."""
    import lxml.html

    root = etree.fromstring(raw)
    urls = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in ("href", "url", "src", "domain", "scheme"):
            if name in element.attrib:
                urls.append(element.attrib[name])
        local = etree.QName(element).localname
        if local in ("link", "comments", "docs") and element.text and element.text.strip():
            urls.append(element.text.strip())
        if local in ("encoded", "content", "description") and element.text and "<" in element.text:
            fragment = lxml.html.fragment_fromstring(element.text, create_parent="div")
            for tag in fragment.iter():
                for name in ("href", "src"):
                    if name in tag.attrib:
                        urls.append(tag.attrib[name])
    return urls
