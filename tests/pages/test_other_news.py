""" "Tin khác" under an article: newest first, the same category and agency preferred; bounded;
public only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import expire, local, make_category, restrict, schedule
from tests.pages.conftest import texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(site_tree, agencies):
    campaign, results = make_category("Tuyên truyền"), make_category("Kết quả")
    ubbc, stttt = agencies["UBBC"], agencies["STTTT"]
    article = site_tree.article(
        "Bài đang đọc", categories=[campaign], agency=ubbc, when=local(2021, 4, 5, 8, 0)
    )
    site_tree.article(
        "Cùng mục, cùng cơ quan, cũ",
        categories=[campaign],
        agency=ubbc,
        when=local(2021, 4, 1, 8, 0),
    )
    site_tree.article(
        "Cùng mục, mới", categories=[campaign, results], agency=stttt, when=local(2021, 4, 3, 8, 0)
    )
    site_tree.article("Cùng cơ quan, cũ nhất", agency=ubbc, when=local(2019, 6, 1, 8, 0))
    site_tree.article("Mục khác, mới nhất", categories=[results], when=local(2021, 4, 9, 8, 0))
    site_tree.article("Không mục, mới", when=local(2021, 4, 8, 8, 0))
    site_tree.article("Không mục, cũ", when=local(2020, 1, 1, 8, 0))
    return site_tree, article


def titles(pages) -> list[str]:
    return [page.title for page in pages]


def test_newest_first(news):
    _site, article = news
    assert titles(article.other_news()) == [
        "Mục khác, mới nhất",
        "Không mục, mới",
        "Cùng mục, mới",
        "Cùng mục, cùng cơ quan, cũ",
        "Không mục, cũ",
        "Cùng cơ quan, cũ nhất",
    ]
    dates = [page.first_published_at for page in article.other_news()]
    assert dates == sorted(dates, reverse=True)


def test_never_itself(news):
    _site, article = news
    assert article.pk not in [page.pk for page in article.other_news()]


@pytest.mark.parametrize(
    "count, expected",
    [
        # Same category and agency, then sharing one of them (newer first), then the newest.
        (1, ["Cùng mục, cùng cơ quan, cũ"]),
        (2, ["Cùng mục, mới", "Cùng mục, cùng cơ quan, cũ"]),
        (3, ["Cùng mục, mới", "Cùng mục, cùng cơ quan, cũ", "Cùng cơ quan, cũ nhất"]),
        (
            4,
            [
                "Mục khác, mới nhất",
                "Cùng mục, mới",
                "Cùng mục, cùng cơ quan, cũ",
                "Cùng cơ quan, cũ nhất",
            ],
        ),
        (0, []),
    ],
)
def test_the_closest_are_chosen_and_listed_newest_first(news, settings, count, expected):
    _site, article = news
    settings.WAGTAIL_BAUCU = {"OTHER_NEWS_COUNT": count}
    assert titles(article.other_news()) == expected


def test_an_article_without_categories_or_agency_lists_the_newest(news, settings):
    site, _article = news
    settings.WAGTAIL_BAUCU = {"OTHER_NEWS_COUNT": 2}
    lone = site.article("Không mục, đang đọc", when=local(2021, 4, 2, 8, 0))
    assert titles(lone.other_news()) == ["Mục khác, mới nhất", "Không mục, mới"]


def test_the_article_page_lists_them_newest_first(news, client, settings):
    _site, article = news
    settings.WAGTAIL_BAUCU = {"OTHER_NEWS_COUNT": 3}
    response = client.get(article.url)
    assert texts(response, "//aside[@class='baucu-other-news']//li/a") == [
        "Cùng mục, mới",
        "Cùng mục, cùng cơ quan, cũ",
        "Cùng cơ quan, cũ nhất",
    ]
    assert texts(response, "//aside[@class='baucu-other-news']//li/span") == [
        "(03/04/2021)",
        "(01/04/2021)",
        "(01/06/2019)",
    ]


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
    assert listed[:2] == ["Mục khác, mới nhất", "Không mục, mới"]


def test_chosen_among_the_newest_window(news, settings):
    _site, article = news
    # The three newest: "Mục khác, mới nhất", "Không mục, mới", "Cùng mục, mới".
    settings.WAGTAIL_BAUCU = {"OTHER_NEWS_WINDOW": 3, "OTHER_NEWS_COUNT": 3}
    # "Cùng mục, cùng cơ quan, cũ" is closer but older than the window.
    assert titles(article.other_news()) == ["Mục khác, mới nhất", "Không mục, mới", "Cùng mục, mới"]


def test_the_window_never_hides_fewer_than_the_count(news, settings):
    _site, article = news
    settings.WAGTAIL_BAUCU = {"OTHER_NEWS_WINDOW": 1, "OTHER_NEWS_COUNT": 2}
    assert titles(article.other_news()) == ["Mục khác, mới nhất", "Không mục, mới"]
