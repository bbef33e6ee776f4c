"""Autodiscovery links on every page, the press page, and front-end cache paths."""

from __future__ import annotations

import lxml.html
import pytest

from tests import factories
from tests.feeds.conftest import fetch

pytestmark = pytest.mark.django_db

TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json"}


def feed_links(client, path: str) -> dict[str, str]:
    document = lxml.html.fromstring(fetch(client, path).content)
    links = document.head.findall("link")
    found = {}
    for link in links:
        if link.get("rel") == "alternate" and link.get("type") in TYPES:
            found[link.get("href")] = link.get("title")
    return found


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", ["/"]),
        ("/tin-tuc/", ["/tin-tuc/", "/"]),
        ("/tin-tuc/chuyen-muc/tuyen-truyen/", ["/tin-tuc/chuyen-muc/tuyen-truyen/", "/tin-tuc/"]),
        ("/co-quan/ubbc/", ["/co-quan/ubbc/", "/"]),
        ("/van-ban-chi-dao/", ["/van-ban-chi-dao/", "/"]),
        ("/van-ban-chi-dao/loai/cv/", ["/van-ban-chi-dao/loai/cv/", "/van-ban-chi-dao/"]),
        ("/co-quan/", ["/"]),
        ("/nguon-tin-bao-chi/", ["/"]),
    ],
)
def test_pages_announce_their_feeds(newsroom, client, path, expected):
    links = feed_links(client, path)
    for base in expected:
        for fmt in ("rss", "atom", "json"):
            assert f"http://testserver{base}feed/{fmt}/" in links, (path, base, fmt)
    assert all(title for title in links.values())


def test_an_article_announces_the_feeds_it_is_in(newsroom, client):
    links = feed_links(client, newsroom.first_article.url)
    for base in ("/", "/tin-tuc/", "/tin-tuc/chuyen-muc/tuyen-truyen/", "/co-quan/ubbc/"):
        assert f"http://testserver{base}feed/atom/" in links, base
    assert not any("van-ban-chi-dao" in href for href in links)


def test_a_document_announces_the_feeds_it_is_in(newsroom, client):
    links = feed_links(client, newsroom.first_document.url)
    for base in ("/", "/van-ban-chi-dao/", "/van-ban-chi-dao/loai/cv/", "/co-quan/ubbc/"):
        assert f"http://testserver{base}feed/rss/" in links, base


def test_the_press_page_lists_every_feed_with_three_formats_and_a_qr_code(newsroom, client):
    html = fetch(client, "/nguon-tin-bao-chi/").content.decode()
    document = lxml.html.fromstring(html)
    feeds = document.find_class("baucu-feed")
    titles = [feed.findtext("h2") for feed in feeds]
    assert newsroom.portal.title in titles
    assert {
        "Tin tức",
        "Tuyên truyền",
        "Văn bản chỉ đạo",
        "Công văn",
        "Ủy ban bầu cử thành phố",
    } <= set(titles)
    for feed in feeds:
        formats = [a.get("href") for a in feed.find_class("baucu-feed-formats")[0].iter("a")]
        assert [href.rsplit("/", 2)[-2] for href in formats] == ["rss", "atom", "json"]
        assert feed.findtext("p")
        assert feed.find(".//svg") is not None  # the QR code of the RSS address
        assert fetch(client, formats[0].replace("http://testserver", ""))


def test_front_end_cache_paths_include_the_feeds(newsroom):
    portal_paths = newsroom.portal.specific.get_cached_paths()
    assert {"/", "feed/rss/", "feed/atom/", "feed/json/", "nguon-tin-bao-chi/"} <= set(portal_paths)
    index_paths = newsroom.news_index.specific.get_cached_paths()
    assert "chuyen-muc/tuyen-truyen/feed/atom/" in index_paths
    assert "loai/qdd/feed/rss/" in newsroom.document_index.specific.get_cached_paths()
    agency_page = newsroom.agency_pages["UBBC"]
    assert "feed/json/" in agency_page.get_cached_paths()


def test_purge_urls_of_an_article(newsroom, agencies, settings, django_capture_on_commit_callbacks):
    from wagtail.contrib.frontend_cache.backends import BaseBackend

    purged: list[str] = []

    class Recorder(BaseBackend):
        def purge(self, url):
            purged.append(url)

    settings.WAGTAILFRONTENDCACHE = {"rec": {"BACKEND": "tests.feeds.test_discovery.Recorder"}}
    globals()["Recorder"] = Recorder
    with django_capture_on_commit_callbacks(execute=True):
        newsroom.article("Xóa cache CDN", agency=agencies["UBBC"], categories=[newsroom.category])
    for base in ("/", "/tin-tuc/", "/tin-tuc/chuyen-muc/tuyen-truyen/", "/co-quan/ubbc/"):
        assert f"http://testserver{base}feed/rss/" in purged, base


def test_feed_links_never_break_a_page(site_tree, client):
    # A portal without news or document indexes still renders, with its own feeds.
    factories.make_category("Chưa dùng")
    links = feed_links(client, "/")
    assert "http://testserver/feed/rss/" in links
