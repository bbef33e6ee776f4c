"""Content types, conditional requests, caching headers, compression and 404s."""

from __future__ import annotations

import gzip

import pytest
from django.test import override_settings

from tests.feeds.conftest import body, fetch

pytestmark = pytest.mark.django_db

CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}


@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
def test_content_type_and_caching_headers(newsroom, client, fmt):
    response = fetch(client, f"/tin-tuc/feed/{fmt}/")
    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert "Accept-Encoding" in response["Vary"]


def test_each_feed_has_its_own_etag(newsroom, client):
    etags = {fetch(client, path)["ETag"] for path in ("/feed/atom/", "/tin-tuc/feed/atom/")}
    assert len(etags) == 2
    # The same feed twice: the same bytes and the same ETag.
    first, second = fetch(client, "/feed/rss/"), fetch(client, "/feed/rss/")
    assert body(first) == body(second) and first["ETag"] == second["ETag"]


def test_if_none_match_answers_304(newsroom, client):
    etag = fetch(client, "/feed/atom/")["ETag"]
    response = client.get("/feed/atom/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag and not response.content
    # Weak form, as GZipMiddleware hands it out, and a list.
    assert client.get("/feed/atom/", HTTP_IF_NONE_MATCH=f'"x", W/{etag}').status_code == 304
    assert client.get("/feed/atom/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_if_modified_since_answers_304(newsroom, client):
    last_modified = fetch(client, "/feed/rss/")["Last-Modified"]
    assert client.get("/feed/rss/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    older = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert client.get("/feed/rss/", HTTP_IF_MODIFIED_SINCE=older).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_IF_MODIFIED_SINCE": "yesterday"},
        {"HTTP_IF_MODIFIED_SINCE": "Mon, 99 Foo 20x1 25:61:00 GMT"},
        {"HTTP_IF_NONE_MATCH": "not an etag \x00"},
        {"HTTP_IF_NONE_MATCH": '""'},
        {"HTTP_IF_NONE_MATCH": "W/"},
        {"HTTP_IF_MATCH": "garbage"},
        {"HTTP_IF_UNMODIFIED_SINCE": "garbage"},
    ],
)
def test_malformed_conditional_headers_get_the_feed(newsroom, client, headers):
    response = client.get("/feed/atom/", **headers)
    assert response.status_code == 200
    assert body(response).startswith(b"<?xml")


def test_feeds_are_compressed(newsroom, client):
    plain = body(fetch(client, "/feed/rss/"))
    response = fetch(client, "/feed/rss/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(body(response)) == plain
    # A compressed copy's weak ETag still validates.
    assert client.get("/feed/rss/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_feeds_are_compressed_without_the_middleware(newsroom, client, settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "GZip" not in m]
    response = fetch(client, "/feed/json/", HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(body(response)).startswith(b"{")


@pytest.mark.parametrize(
    "path",
    [
        "/feed/xml/",
        "/feed/RSS/",
        "/tin-tuc/feed/html/",
        "/tin-tuc/chuyen-muc/khong-co/feed/rss/",
        "/tin-tuc/chuyen-muc/khong-co/",
        "/co-quan/khong-co/feed/atom/",
        "/van-ban-chi-dao/loai/khong-co/feed/rss/",
        "/van-ban-chi-dao/loai/khong-co/",
        "/feed/atom/archive/2021-13/",
        "/feed/atom/archive/21-04/",
        "/feed/atom/archive/abcd-ef/",
        "/feed/atom/archive/1999-01/",
        "/feed/atom/archive/2999-01/",
        "/feed/json/archive/2021-04/x/",
        "/tin-tuc/chuyen-muc/tuyen-truyen/feed/rss/archive/2020-01/",
    ],
)
def test_unknown_things_are_404(newsroom, client, path):
    assert client.get(path).status_code == 404


def test_category_and_document_type_pages_exist(newsroom, client):
    response = fetch(client, "/tin-tuc/chuyen-muc/tuyen-truyen/")
    assert newsroom.first_article.title in response.content.decode()
    response = fetch(client, "/van-ban-chi-dao/loai/cv/")
    assert "34/UBBC-TCTTT" in response.content.decode()
    # Types whose code has "Đ" get ASCII slugs: QĐ is "qdd", an empty but valid feed.
    assert fetch(client, "/van-ban-chi-dao/loai/qdd/feed/rss/")


@override_settings(WAGTAIL_BAUCU={"FEED_MAX_AGE": 30, "FEED_RIGHTS": "CC BY 4.0"})
def test_settings_are_read_at_request_time(newsroom, client):
    response = fetch(client, "/feed/atom/")
    assert "max-age=30" in response["Cache-Control"]
    assert b"<rights>CC BY 4.0</rights>" in body(response)
