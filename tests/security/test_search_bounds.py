"""Search and filters have bounds checked before any query: the search page and the document
index answer 400 with a Vietnamese message, the API a JSON 400; unknown filter values of the
document index answer alike whether only a draft carries them or nobody does."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from wagtail_baucu.text.folding import (
    MAX_QUERY_LENGTH,
    MAX_QUERY_TERMS,
    QueryOutOfBounds,
    bounded_query,
)

pytestmark = pytest.mark.django_db

TOO_LONG = "bầu " * (MAX_QUERY_LENGTH // 4) + "cử"
TOO_MANY = " ".join(f"tu{i}" for i in range(MAX_QUERY_TERMS + 1))
LONG_MESSAGE = f"Từ khóa tìm kiếm dài quá {MAX_QUERY_LENGTH} ký tự"
MANY_MESSAGE = f"Từ khóa tìm kiếm có quá {MAX_QUERY_TERMS} từ khác nhau"


def test_the_bounds_count_characters_as_read_and_distinct_folded_words():
    assert bounded_query("  bầu\tcử\x00 ") == "bầu cử"
    assert bounded_query("x" * MAX_QUERY_LENGTH) == "x" * MAX_QUERY_LENGTH
    # The same word, with or without accents, is one word.
    assert bounded_query(" ".join(["Bầu", "bau", "BẦU"] * 10)).startswith("Bầu bau")
    for raw, bound in [(TOO_LONG, "length"), (TOO_MANY, "terms"), ("x" * 5000, "length")]:
        with pytest.raises(QueryOutOfBounds) as raised:
            bounded_query(raw)
        assert raised.value.bound == bound


# A search's own condition in SQL, as SQLite and PostgreSQL write it.
SEARCH_CONDITION = re.compile(r'"search_text"(::text)? LIKE')


def searches_made(client, url: str, params: dict):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    return response, [q["sql"] for q in queries if SEARCH_CONDITION.search(q["sql"])]


@pytest.mark.parametrize(("query", "message"), [(TOO_LONG, LONG_MESSAGE), (TOO_MANY, MANY_MESSAGE)])
def test_the_search_page_refuses_a_search_past_its_bounds(site_tree, client, query, message):
    site_tree.article("Bầu cử đại biểu")
    url = site_tree.portal.url + "tim-kiem/"
    response, searches = searches_made(client, url, {"q": query})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert searches == []
    response, searches = searches_made(client, url, {"q": "bau cu"})
    assert response.status_code == 200
    assert "Bầu cử đại biểu" in response.content.decode()
    assert searches


@pytest.mark.parametrize(("query", "message"), [(TOO_LONG, LONG_MESSAGE), (TOO_MANY, MANY_MESSAGE)])
def test_the_document_index_refuses_a_search_past_its_bounds(site_tree, client, query, message):
    site_tree.document("34/UBBC-TCTTT")
    response, searches = searches_made(client, site_tree.document_index.url, {"q": query})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "34/UBBC-TCTTT" not in html
    assert searches == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (TOO_LONG, f"search không được dài quá {MAX_QUERY_LENGTH} ký tự"),
        (TOO_MANY, f"search không được có quá {MAX_QUERY_TERMS} từ khác nhau"),
    ],
)
@pytest.mark.parametrize("endpoint", ["pages", "news", "directives", "agencies", "images"])
def test_the_api_refuses_a_search_past_its_bounds(site_tree, client, endpoint, query, message):
    response, searches = searches_made(client, f"/api/v2/{endpoint}/", {"search": query})
    assert response.status_code == 400
    assert response.json() == {"message": message}
    assert searches == []


def index_answer(client, site_tree, params: dict) -> tuple[int, str]:
    response = client.get(site_tree.document_index.url, params)
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("hide", ["draft", "private"])
def test_an_issuer_only_hidden_documents_carry_is_answered_as_one_nobody_uses(
    site_tree, client, hide
):
    site_tree.document("12/UBNDQ1-VX")
    hidden = site_tree.document("99/BCHMAT-VP", live=hide != "draft")
    if hide == "private":
        factories.restrict(hidden)
    status, hidden_issuer = index_answer(client, site_tree, {"issuer": "BCHMAT"})
    nobody_status, nobody = index_answer(client, site_tree, {"issuer": "KHONGAI"})
    assert (status, nobody_status) == (400, 400)
    assert hidden_issuer == nobody.replace("KHONGAI", "BCHMAT")
    assert "Không có cơ quan hay văn bản công khai nào có mã cơ quan ban hành" in nobody
    assert "99/BCHMAT-VP" not in hidden_issuer
    status, public = index_answer(client, site_tree, {"issuer": "UBNDQ1"})
    assert status == 200
    assert "12/UBNDQ1-VX" in public


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"type": "XYZ"}, "Không có loại văn bản “XYZ”."),
        ({"level": "sao-hoa"}, "Không có cấp “sao-hoa”."),
        ({"year": "hai-nghin"}, "Năm phải là một số, ví dụ 2021."),
        ({"year": "99999"}, "Năm phải là một số, ví dụ 2021."),
        ({"type": "KH", "issuer": "A\x00" * 2500}, "Không có cơ quan hay văn bản công khai"),
    ],
)
def test_unknown_filter_values_are_refused_before_the_listing_is_queried(
    site_tree, client, params, message
):
    site_tree.document("08/KH-UBBC")
    with CaptureQueriesContext(connection) as queries:
        status, html = index_answer(client, site_tree, params)
    assert status == 400
    assert message in html
    assert "08/KH-UBBC" not in html
    # Neither the listing nor its count: nothing reads the documents' issue dates.
    assert [q["sql"] for q in queries if "issue_date" in q["sql"]] == []


def test_known_filter_values_still_narrow_the_listing(site_tree, client):
    site_tree.document("08/KH-UBBC")
    site_tree.document("34/UBBC-TCTTT")
    status, html = index_answer(client, site_tree, {"type": "KH", "year": "2021"})
    assert status == 200
    assert "08/KH-UBBC" in html
    assert "34/UBBC-TCTTT" not in html
