"""The SQL a feed costs does not grow with the number of items."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.feeds.conftest import fetch

pytestmark = pytest.mark.django_db


def full_articles(portal, agencies, count: int, start: int = 0):
    """Articles with everything a feed item carries: image, categories, files, links."""
    category = factories.make_category("Tuyên truyền")
    other = factories.make_category("Hiệp thương")
    image = factories.make_image()
    document = factories.make_file()
    for number in range(start, start + count):
        portal.article(
            f"Bài số {number}",
            agency=agencies["UBBC" if number % 2 else "STTTT"],
            categories=[category, other],
            lead_image=image,
            body=[
                (
                    "paragraph",
                    f'<p>Đoạn {number} <a linktype="page" id="{portal.news_index.pk}">liên kết</a>'
                    f' <a linktype="document" id="{document.pk}">tệp</a>.</p>',
                ),
                ("image", {"image": image, "caption": "Ảnh"}),
                ("document", {"document": document, "title": "Kế hoạch"}),
                ("quote", {"text": "Trích dẫn", "attribution": "Ủy ban"}),
            ],
            when=factories.local(2021, 4, 1 + number % 28, 8, 0),
        )
        portal.document(f"{number + 1}/KH-UBBC", issuer=agencies["UBBC"], file=document)


def queries_for(client, path: str) -> int:
    cache.clear()
    fetch(client, path)  # renditions are made once, on the first request ever
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        fetch(client, path)
    return len(captured)


@pytest.mark.parametrize(
    "path",
    ["/feed/rss/", "/tin-tuc/feed/atom/", "/van-ban-chi-dao/feed/json/", "/co-quan/ubbc/feed/rss/"],
)
def test_queries_do_not_grow_with_items(site_tree, agencies, client, path):
    site_tree.agency_page(agencies["UBBC"])
    full_articles(site_tree, agencies, 5)
    with_5 = queries_for(client, path)
    full_articles(site_tree, agencies, 45, start=5)
    with_50 = queries_for(client, path)
    assert with_50 == with_5, (with_5, with_50)
    assert with_5 <= 40


def test_a_cached_feed_costs_only_the_page_lookup(
    site_tree, agencies, client, django_assert_max_num_queries
):
    full_articles(site_tree, agencies, 5)
    fetch(client, "/tin-tuc/feed/rss/")
    # What remains is Wagtail's: finding the site, routing to the page, its view restrictions.
    with django_assert_max_num_queries(8):
        fetch(client, "/tin-tuc/feed/rss/")


def test_a_known_feed_url_is_answered_from_the_cache_with_one_query(
    site_tree, agencies, client, django_assert_num_queries
):
    full_articles(site_tree, agencies, 3)
    etag = fetch(client, "/tin-tuc/feed/atom/")["ETag"]
    # Per request, only the generation tokens are read: a change by any process counts.
    with django_assert_num_queries(2):
        assert fetch(client, "/tin-tuc/feed/atom/")["ETag"] == etag
        assert client.get("/tin-tuc/feed/atom/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    # A change makes the entry miss: Wagtail routes the request and the feed renders again.
    site_tree.article("Bài mới nhất", agency=agencies["UBBC"])
    assert (
        b"B\xc3\xa0i m\xe1\xbb\x9bi nh\xe1\xba\xa5t" in fetch(client, "/tin-tuc/feed/atom/").content
    )
