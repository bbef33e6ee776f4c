"""Every feed of the demo content passes the checks the W3C feed validator's errors name:
RFC 4151 tag URIs for every feed and item id, and RFC 4287's required Atom elements."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.core.cache import cache
from lxml import etree

from example_site.demo.content import load_demo
from wagtail_baucu.feeds.items import tag_uri

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 4151, section 2.1, with RFC 3986's pchar for the specific part.
_DNS_COMP = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_DNS_NAME = rf"{_DNS_COMP}(?:\.{_DNS_COMP})*"
_EMAIL = rf"[A-Za-z0-9\-._~!$&'()*+,;=]+@{_DNS_NAME}"
_DATE = r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?"
_PCHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})"
TAG_URI = re.compile(
    rf"tag:(?:{_DNS_NAME}|{_EMAIL}),{_DATE}:(?:{_PCHAR}|[/?])*(?:#(?:{_PCHAR}|[/?])*)?"
)


def assert_tag_uri(value: str) -> None:
    assert value.isascii() and TAG_URI.fullmatch(value), f"not a valid TAG: {value!r}"


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "::1", "[2001:db8::1]", "bầu-cử.vn", "Example.ORG:8000", "a_b.x", ""]
)
@pytest.mark.parametrize("specific", ["feed/5/type:NĐ", "page/42", "feed/1/category:tuyên truyền"])
def test_every_host_and_code_gives_a_valid_tag_uri(host, specific):
    assert_tag_uri(tag_uri(host, date(2021, 2, 9), specific))


def assert_atom_valid(document: bytes, path: str) -> None:
    feed = etree.fromstring(document)
    assert feed.tag == f"{ATOM}feed", path
    for name in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{name}") is not None, (path, name)
    assert_tag_uri(feed.findtext(f"{ATOM}id"))
    assert (
        feed.find(f"{ATOM}link[@rel='alternate']") is not None
        or feed.find(f"{ATOM}link[@href]") is not None
    ), path
    feed_author = feed.find(f"{ATOM}author") is not None
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for name in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{name}") is not None, (path, name)
        assert_tag_uri(entry.findtext(f"{ATOM}id"))
        ids.append(entry.findtext(f"{ATOM}id"))
        assert (
            feed_author
            or entry.find(f"{ATOM}author") is not None
            or entry.find(f"{ATOM}source") is not None
        ), (path, "author")
        if entry.find(f"{ATOM}content") is None:
            assert entry.find(f"{ATOM}link[@rel='alternate']") is not None, path
    assert len(ids) == len(set(ids)), path


def test_every_feed_of_the_demo_has_valid_ids(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    load_demo(hostname="127.0.0.1", port=8000)
    host = {"HTTP_HOST": "127.0.0.1:8000", "SERVER_PORT": "8000"}
    import swapper

    Page = swapper.load_model("wagtailcore", "Page")  # the base page, custom or not

    paths = set()
    for page in Page.objects.live().specific():
        if hasattr(page, "get_feed_paths"):
            base = page.get_url_parts()[2]
            paths.update(base + path for path in page.get_feed_paths() if "feed/" in path)
    assert any("/loai/" in path for path in paths)
    checked = 0
    for path in sorted(paths):
        response = client.get(path, **host)
        if response.status_code == 404:
            continue
        assert response.status_code == 200, path
        if path.endswith("/atom/"):
            assert_atom_valid(response.content, path)
        elif path.endswith("/rss/"):
            channel = etree.fromstring(response.content).find("channel")
            guids = [guid.text for guid in channel.iter("guid")]
            for guid in guids:
                assert_tag_uri(guid)
            assert len(guids) == len(set(guids)), path
        elif path.endswith("/json/"):
            items = json.loads(response.content)["items"]
            for item in items:
                assert_tag_uri(item["id"])
        checked += 1
    assert checked >= 9
