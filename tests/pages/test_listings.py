"""News and document indexes: pagination with bad input, and filters through the URL."""

from datetime import date

import pytest

from tests.factories import local, make_category
from tests.pages.conftest import numbers_listed, titles_listed

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_articles(site_tree, settings):
    settings.WAGTAIL_BAUCU = {"NEWS_PER_PAGE": 2}
    for day in range(1, 6):
        site_tree.article(f"Tin ngày {day}", when=local(2021, 4, day, 8, 0))
    return site_tree


PAGE_NUMBERS = [
    (None, 1),
    ("2", 2),
    ("3", 3),
    ("abc", 1),
    ("-1", 1),
    ("0", 1),
    ("1.5", 1),
    ("1e3", 1),
    (" 2 ", 2),
    ("٢", 1),
    ("99999", 3),
    ("9" * 30, 3),
    ("9" * 5000, 3),
    ("", 1),
]


def test_any_page_number_shows_a_page(client, five_articles):
    newest_first = [f"Tin ngày {day}" for day in range(5, 0, -1)]
    for page, shown in PAGE_NUMBERS:
        response = client.get(five_articles.news_index.url, {} if page is None else {"page": page})
        assert response.status_code == 200, page
        assert response.context["articles"].number == shown, page
        assert titles_listed(response) == newest_first[(shown - 1) * 2 : shown * 2], page


def test_pagination_links_keep_the_filters(client, five_articles):
    response = client.get(five_articles.news_index.url, {"page": "2"})
    html = response.content.decode()
    assert 'href="?page=1"' in html and 'href="?page=3"' in html


def test_an_empty_index_shows_its_first_page(client, site_tree):
    response = client.get(site_tree.news_index.url, {"page": "7"})
    assert response.status_code == 200
    assert titles_listed(response) == []


@pytest.fixture
def news(site_tree, agencies):
    campaign, results = make_category("Tuyên truyền"), make_category("Kết quả bầu cử")
    site_tree.article("Tin của Ủy ban", agency=agencies["UBBC"], categories=[campaign])
    site_tree.article("Tin của Sở Văn hóa", agency=agencies["SVHTT"], categories=[results])
    site_tree.article("Tin không rõ nguồn")
    return site_tree


NEWS_FILTERS = [
    ({"agency": "UBBC"}, ["Tin của Ủy ban"]),
    ({"agency": "SVHTT"}, ["Tin của Sở Văn hóa"]),
    ({"category": "tuyen-truyen"}, ["Tin của Ủy ban"]),
    ({"category": "ket-qua-bau-cu", "agency": "SVHTT"}, ["Tin của Sở Văn hóa"]),
    ({"category": "ket-qua-bau-cu", "agency": "UBBC"}, []),
    ({"agency": "KHONGCO"}, []),
    ({"category": "khong-co"}, []),
    ({"agency": "ubbc'; DROP TABLE x; --"}, []),
    ({"agency": "X" * 10_000, "category": "y" * 10_000}, []),
    (
        {"agency": "", "category": ""},
        ["Tin không rõ nguồn", "Tin của Sở Văn hóa", "Tin của Ủy ban"],
    ),
]


def test_news_index_filters(client, news):
    for query, titles in NEWS_FILTERS:
        response = client.get(news.news_index.url, query)
        assert response.status_code == 200, query
        assert sorted(titles_listed(response)) == sorted(titles), query


@pytest.fixture
def documents(site_tree, agencies):
    site_tree.document("34/UBBC-TCTTT", issuer=agencies["UBBC"], level="city")
    site_tree.document(
        "08/KH-UBBC", issuer=agencies["UBBC"], level="city", issue_date=date(2021, 2, 1)
    )
    site_tree.document(
        "624/SVHTT-QLVH", issuer=agencies["SVHTT"], level="district", issue_date=date(2020, 12, 1)
    )
    site_tree.document(
        "42/2022/NĐ-CP", issuer_name="Chính phủ", level="central", issue_date=date(2022, 6, 6)
    )
    return site_tree


ALL_DOCUMENTS = ["42/2022/NĐ-CP", "34/UBBC-TCTTT", "08/KH-UBBC", "624/SVHTT-QLVH"]


DOCUMENT_FILTERS = [
    ({"type": "KH"}, ["08/KH-UBBC"]),
    ({"type": "NĐ"}, ["42/2022/NĐ-CP"]),
    ({"issuer": "UBBC"}, ["34/UBBC-TCTTT", "08/KH-UBBC"]),
    ({"issuer": "CP"}, ["42/2022/NĐ-CP"]),
    ({"level": "city"}, ["34/UBBC-TCTTT", "08/KH-UBBC"]),
    ({"level": "central"}, ["42/2022/NĐ-CP"]),
    ({"year": "2021"}, ["34/UBBC-TCTTT", "08/KH-UBBC"]),
    ({"year": "2020", "issuer": "SVHTT"}, ["624/SVHTT-QLVH"]),
    ({"year": "1800"}, []),
    ({"page": "abc", "type": ""}, ALL_DOCUMENTS),
]
# Unknown values: refused before the query, with a message and no documents.
REFUSED_FILTERS = [
    {"type": "ZZ"},
    {"issuer": "KHONGCO"},
    {"level": "moon"},
    {"year": "abcd"},
    {"year": "99999999999999999999"},
    {"year": "-2021"},
    {"type": "K" * 5000, "issuer": "U" * 5000},
    {"type": "KH", "level": "moon"},
]


def test_document_index_filters(client, documents):
    for query, numbers in DOCUMENT_FILTERS:
        response = client.get(documents.document_index.url, query)
        assert response.status_code == 200, query
        assert numbers_listed(response) == numbers, query
    for query in REFUSED_FILTERS:
        response = client.get(documents.document_index.url, query)
        assert response.status_code == 400, query
        assert numbers_listed(response) == [], query
        assert 'class="baucu-form-errors" role="alert"' in response.content.decode(), query
