"""The news index counts its articles once per content change: every change shows at once."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import expire, make_category, restrict

pytestmark = pytest.mark.django_db


def counted(client, page, **params) -> int:
    response = client.get(page.url, params)
    assert response.status_code == 200
    return response.context["articles"].paginator.count


@pytest.fixture
def index(site_tree):
    for number in range(3):
        site_tree.article(f"Bài {number}")
    return site_tree, site_tree.news_index


def count_queries(client, page) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(page.url).status_code == 200
    return [query["sql"] for query in captured if "COUNT(" in query["sql"].upper()]


def test_a_repeat_request_does_not_count_again(client, index):
    _site, news_index = index
    assert len(count_queries(client, news_index)) == 1
    assert count_queries(client, news_index) == []
    assert counted(client, news_index) == 3


def test_publishing_and_unpublishing_show_at_once(client, index):
    site, news_index = index
    assert counted(client, news_index) == 3
    article = site.article("Bài mới")
    assert counted(client, news_index) == 4
    article.unpublish()
    assert counted(client, news_index) == 3


def test_a_view_restriction_shows_at_once(client, index):
    site, news_index = index
    article = site.article("Bài sắp riêng tư")
    assert counted(client, news_index) == 4
    restrict(article)
    assert counted(client, news_index) == 3


def test_an_expiry_shows_when_it_comes_without_any_event(client, index):
    site, news_index = index
    expire(site.article("Bài hết hạn"), timezone.now() + timedelta(seconds=1))
    assert counted(client, news_index) == 4
    time.sleep(2.1)
    assert counted(client, news_index) == 3


def test_each_filter_has_its_own_count(client, index):
    site, news_index = index
    category = make_category("Kết quả")
    site.article("Bài có mục", categories=[category])
    assert counted(client, news_index) == 4
    assert counted(client, news_index, category=category.slug) == 1
    assert counted(client, news_index, category="khong-co") == 0
