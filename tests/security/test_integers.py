"""Numbers in request input: digits ``int()`` refuses or no column holds give 400, never 500."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from wagtail_baucu.text.integers import MAX_INTEGER, parse_bounded_int

pytestmark = pytest.mark.django_db

ODD_NUMBERS = ["²", "٣٠٠", "１２０", "5" * 5000, "9" * 20, "-1", " 300", "300 ", "3e2", "0x10", ""]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("raw", ODD_NUMBERS[:-1])
def test_the_parser_takes_ascii_digits_only(raw):
    assert parse_bounded_int(raw) is None


def test_the_parser_keeps_its_bounds():
    assert parse_bounded_int("0") == 0
    assert parse_bounded_int(str(MAX_INTEGER)) == MAX_INTEGER
    assert parse_bounded_int(str(MAX_INTEGER + 1)) is None
    assert parse_bounded_int("300", 100, 299) is None
    assert parse_bounded_int("0300", 100, 300) == 300


@pytest.mark.parametrize("raw", ODD_NUMBERS[:-1])
def test_an_odd_qr_size_is_a_bad_request(site_tree, client, raw):
    article = site_tree.article()
    response = client.get(article.get_url_parts()[2] + "qr.png", {"size": raw})
    assert response.status_code == 400


@pytest.mark.parametrize("raw", ODD_NUMBERS)
def test_odd_numbers_in_listings_and_the_api_never_fail(site_tree, client, raw):
    site_tree.article()
    site_tree.document()
    for path, name in [
        ("/tin-tuc/", "page"),
        ("/van-ban-chi-dao/", "page"),
        ("/van-ban-chi-dao/", "year"),
        ("/api/v2/news/", "limit"),
        ("/api/v2/news/", "offset"),
        ("/api/v2/directives/", "year"),
    ]:
        response = client.get(path, {name: raw})
        assert response.status_code in (200, 400), (path, name)
