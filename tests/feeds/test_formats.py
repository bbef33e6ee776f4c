"""Every feed, in every format, read by feedparser and checked for structure with lxml."""

from __future__ import annotations

import json
from email.utils import parsedate_to_datetime

import pytest

from tests import factories
from tests.feeds.conftest import (
    ATOM,
    body,
    feed_paths,
    fetch,
    is_absolute,
    parse,
    urls_in_raw_feed,
    xml,
)

pytestmark = pytest.mark.django_db

MEDIA = "{http://search.yahoo.com/mrss/}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"


def xml_paths(portal):
    return [p for p in feed_paths(portal) if not p.endswith("/json/")]


def test_every_feed_parses_with_complete_entries(newsroom, client):
    for path in xml_paths(newsroom):
        parsed = parse(client, path)
        assert parsed.entries, path
        for entry in parsed.entries:
            assert entry.link.startswith("http://testserver/"), path
            assert entry.id.startswith("tag:testserver,"), path
            assert entry.published_parsed and entry.updated_parsed, path
            assert entry.author == "Ủy ban bầu cử thành phố", path
            assert entry.content[0].value.strip(), path
            assert entry.content[0].type == "text/html", path
        assert parsed.feed.language.startswith("vi"), path


def test_rss_channel_and_items_have_the_required_elements(newsroom, client):
    root = xml(client, "/feed/rss/")
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") == newsroom.portal.title
    assert channel.findtext("link") == "http://testserver/"  # the HTML page, not the feed
    assert channel.findtext("description")
    assert channel.findtext("language") == "vi"
    assert channel.findtext("copyright")
    self_links = [ln for ln in channel.findall(f"{ATOM}link") if ln.get("rel") == "self"]
    assert [ln.get("href") for ln in self_links] == ["http://testserver/feed/rss/"]
    items = channel.findall("item")
    # lastBuildDate is the newest item's date, so the bytes do not change between requests.
    newest = max(parsedate_to_datetime(item.findtext("pubDate")) for item in items)
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) >= newest
    for item in items:
        for name in ("title", "link", "guid", "pubDate", "description"):
            assert item.findtext(name), name
        assert item.find("guid").get("isPermaLink") == "false"
        assert item.find(f"{CONTENT}encoded") is not None
        assert item.findtext(f"{DC}creator") == "Ủy ban bầu cử thành phố"
        assert item.find("author") is None  # RSS <author> must be an e-mail: dc:creator instead
        assert "+0700" in item.findtext("pubDate")


def test_atom_feed_and_entries_have_the_required_elements(newsroom, client):
    root = xml(client, "/feed/atom/")
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    for name in ("id", "title", "updated", "rights", "subtitle", "icon", "logo"):
        assert root.findtext(f"{ATOM}{name}"), name
    links = {ln.get("rel"): ln.get("href") for ln in root.findall(f"{ATOM}link")}
    assert links["self"] == "http://testserver/feed/atom/"
    assert links["alternate"] == "http://testserver/"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 2
    for entry in entries:
        for name in ("id", "title", "updated", "published"):
            assert entry.findtext(f"{ATOM}{name}"), name
        assert entry.find(f"{ATOM}author/{ATOM}name").text == "Ủy ban bầu cử thành phố"
        alternates = [
            ln for ln in entry.findall(f"{ATOM}link") if ln.get("rel", "alternate") == "alternate"
        ]
        assert len(alternates) == 1
        assert entry.find(f"{ATOM}content").get("type") == "html"
    # The feed's updated is the newest entry's, not the time of the request.
    newest = max(entry.findtext(f"{ATOM}updated") for entry in entries)
    assert root.findtext(f"{ATOM}updated") == newest


def test_article_entry_carries_image_file_and_categories(newsroom, client):
    root = xml(client, "/tin-tuc/feed/atom/")
    (entry,) = root.findall(f"{ATOM}entry")
    content = entry.find(f"{MEDIA}content")
    assert content.get("medium") == "image" and content.get("type") == "image/png"
    assert int(content.get("width")) == 640 and int(content.get("height")) == 360
    assert entry.find(f"{MEDIA}thumbnail").get("url").startswith("http://testserver/media/")
    assert root.find(f".//{MEDIA}group") is None
    category = entry.find(f"{ATOM}category")
    assert category.get("term") == "tuyen-truyen"
    assert category.get("label") == "Tuyên truyền"
    assert category.get("scheme") == "http://testserver/tin-tuc/chuyen-muc/"
    parsed = parse(client, "/tin-tuc/feed/rss/")
    assert parsed.entries[0].tags[0].term == "Tuyên truyền"
    assert parsed.entries[0].summary == "Ủy ban bầu cử thành phố đề nghị cung cấp thông tin."


def test_document_entry_carries_number_type_issuer_dates_and_the_file(newsroom, client):
    document = newsroom.first_document
    size = document.file.file.size
    root = xml(client, "/van-ban-chi-dao/feed/atom/")
    (entry,) = root.findall(f"{ATOM}entry")
    schemes = {c.get("term"): c.get("scheme") for c in entry.findall(f"{ATOM}category")}
    assert schemes["CV"] == "http://testserver/van-ban-chi-dao/loai/"
    terms = {c.get("term") for c in entry.findall(f"{ATOM}category")}
    assert {"CV", "34/UBBC-TCTTT", "UBBC", "2021-03-30"} <= terms
    enclosures = [ln for ln in entry.findall(f"{ATOM}link") if ln.get("rel") == "enclosure"]
    assert len(enclosures) == 1
    assert enclosures[0].get("type") == "application/pdf"
    assert int(enclosures[0].get("length")) == size > 0
    html = entry.findtext(f"{ATOM}content")
    assert "34/UBBC-TCTTT" in html and "30/03/2021" in html and "Ủy ban bầu cử thành phố" in html
    rss = xml(client, "/van-ban-chi-dao/feed/rss/")
    enclosure = rss.find("channel/item/enclosure")
    assert int(enclosure.get("length")) == size
    assert enclosure.get("url").startswith("http://testserver/documents/")


def test_every_url_in_the_raw_xml_is_absolute(newsroom, client):
    newsroom.article(
        "Bài có liên kết",
        body=[
            (
                "paragraph",
                f'<p><a linktype="page" id="{newsroom.first_article.pk}">Bài trước</a> '
                f'<a href="/tin-tuc/">tin</a> <a href="../van-ban/">văn bản</a></p>',
            ),
            ("image", {"image": factories.make_image(), "caption": "Ảnh"}),
        ],
    )
    for path in xml_paths(newsroom):
        raw = body(fetch(client, path))
        urls = urls_in_raw_feed(raw)
        assert urls, path
        relative = [url for url in urls if not is_absolute(url)]
        assert not relative, (path, relative)


def test_json_feed_has_the_required_fields(newsroom, client):
    for path in [p for p in feed_paths(newsroom) if p.endswith("/json/")]:
        response = fetch(client, path)
        assert response["Content-Type"] == "application/feed+json; charset=utf-8"
        data = json.loads(body(response))
        assert data["version"] == "https://jsonfeed.org/version/1.1"
        assert data["title"] and data["items"]
        assert data["feed_url"] == "http://testserver" + path
        assert data["home_page_url"].startswith("http://testserver/")
        for item in data["items"]:
            assert item["id"].startswith("tag:testserver,")
            assert item["content_html"] and item["url"].startswith("http://testserver/")
            assert item["date_published"].endswith("+07:00")
            assert item["authors"][0]["name"] == "Ủy ban bầu cử thành phố"
    data = parse(client, "/van-ban-chi-dao/feed/json/")
    attachment = data["items"][0]["attachments"][0]
    assert attachment["mime_type"] == "application/pdf" and attachment["size_in_bytes"] > 0


def test_the_same_items_in_every_format(newsroom, client):
    rss = parse(client, "/feed/rss/")
    atom = parse(client, "/feed/atom/")
    data = parse(client, "/feed/json/")
    assert [e.id for e in rss.entries] == [e.id for e in atom.entries]
    assert [e.id for e in atom.entries] == [item["id"] for item in data["items"]]
    assert [e.link for e in rss.entries] == [item["url"] for item in data["items"]]
