""" "Tin khác" under an article: same category first, then the newest; bounded; public only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import expire, local, make_category, restrict, schedule
from tests.pages.conftest import texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(site_tree):
    campaign, results = make_category("Tuyên truyền"), make_category("Kết quả")
    article = site_tree.article("Bài đang đọc", categories=[campaign], when=local(2021, 4, 5, 8, 0))
    site_tree.article("Cùng mục, cũ", categories=[campaign], when=local(2021, 4, 1, 8, 0))
    site_tree.article("Cùng mục, mới", categories=[campaign, results], when=local(2021, 4, 3, 8, 0))
    site_tree.article("Mục khác, mới nhất", categories=[results], when=local(2021, 4, 9, 8, 0))
    site_tree.article("Không mục, mới", when=local(2021, 4, 8, 8, 0))
    site_tree.article("Không mục, cũ", when=local(2020, 1, 1, 8, 0))
    return site_tree, article


def titles(pages) -> list[str]:
    return [page.title for page in pages]


def test_same_category_first_then_the_newest(news):
    _site, article = news
    assert titles(article.other_news()) == [
        "Cùng mục, mới",
        "Cùng mục, cũ",
        "Mục khác, mới nhất",
        "Không mục, mới",
        "Không mục, cũ",
    ]


def test_never_itself(news):
    _site, article = news
    assert article.pk not in [page.pk for page in article.other_news()]


@pytest.mark.parametrize(
    "count, expected",
    [
        (1, ["Cùng mục, mới"]),
        (3, ["Cùng mục, mới", "Cùng mục, cũ", "Mục khác, mới nhất"]),
        (0, []),
    ],
)
def test_bounded_by_the_setting(news, settings, count, expected):
    _site, article = news
    settings.WAGTAIL_BAUCU = {"OTHER_NEWS_COUNT": count}
    assert titles(article.other_news()) == expected


def test_an_article_without_categories_lists_the_newest(news, settings):
    site, _article = news
    settings.WAGTAIL_BAUCU = {"OTHER_NEWS_COUNT": 2}
    lone = site.article("Không mục, đang đọc", when=local(2021, 4, 2, 8, 0))
    assert titles(lone.other_news()) == ["Mục khác, mới nhất", "Không mục, mới"]


def test_never_hidden_articles(news):
    site, article = news
    campaign = make_category("Tuyên truyền")
    now = timezone.now()
    hidden = [
        site.article("Nháp", categories=[campaign], live=False),
        restrict(site.article("Riêng tư", categories=[campaign])).page,
        schedule(
            site.article("Hẹn giờ", categories=[campaign], live=False), now + timedelta(days=1)
        ),
        expire(site.article("Hết hạn", categories=[campaign]), now - timedelta(minutes=1)),
    ]
    withdrawn = site.article("Đã gỡ", categories=[campaign])
    withdrawn.unpublish()
    listed = titles(article.other_news())
    for page in hidden + [withdrawn]:
        assert page.title not in listed
    assert listed[:2] == ["Cùng mục, mới", "Cùng mục, cũ"]


def test_shown_under_the_article(client, news, settings):
    _site, article = news
    settings.WAGTAIL_BAUCU = {"OTHER_NEWS_COUNT": 2}
    response = client.get(article.url)
    assert texts(response, "//aside[contains(@class, 'baucu-other-news')]//li/a") == [
        "Cùng mục, mới",
        "Cùng mục, cũ",
    ]


def test_chosen_among_the_newest_window(news, settings):
    _site, article = news
    # The three newest: "Mục khác, mới nhất", "Không mục, mới", "Cùng mục, mới".
    settings.WAGTAIL_BAUCU = {"OTHER_NEWS_WINDOW": 3, "OTHER_NEWS_COUNT": 3}
    # "Cùng mục, cũ" shares a category but is older than the window.
    assert titles(article.other_news()) == ["Cùng mục, mới", "Mục khác, mới nhất", "Không mục, mới"]


def test_the_window_never_hides_fewer_than_the_count(news, settings):
    _site, article = news
    settings.WAGTAIL_BAUCU = {"OTHER_NEWS_WINDOW": 1, "OTHER_NEWS_COUNT": 2}
    assert titles(article.other_news()) == ["Mục khác, mới nhất", "Không mục, mới"]
