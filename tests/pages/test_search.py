"""Search without diacritics, on the portal and in the document index, on any database."""

import pytest

from tests.pages.conftest import numbers_listed, titles_listed

pytestmark = pytest.mark.django_db

OTHER_TOPIC = {"lead": "Tin từ các địa phương.", "body": [("paragraph", "<p>Nội dung.</p>")]}


@pytest.fixture
def content(site_tree, agencies):
    site_tree.article("Bầu cử sớm ở huyện đảo", **OTHER_TOPIC)
    site_tree.article("Gặp gỡ các ứng cử viên đại biểu", **OTHER_TOPIC)
    site_tree.article("Hội nghị tập huấn nghiệp vụ", **OTHER_TOPIC)
    site_tree.document("34/UBBC-TCTTT", issuer=agencies["UBBC"])
    site_tree.document("08/KH-UBBC", issuer=agencies["UBBC"], summary="Kế hoạch tuyên truyền.")
    site_tree.document("624/SVHTT-QLVH", issuer=agencies["SVHTT"], summary="Về trang trí cổ động.")
    return site_tree


def search(client, portal, query, status: int = 200):
    response = client.get(portal.portal.url + "tim-kiem/", {"q": query})
    assert response.status_code == status
    return response


def test_portal_search_finds_articles_with_or_without_accents(client, content):
    for query, found in [
        ("bau cu", ["Bầu cử sớm ở huyện đảo"]),
        ("BAU CU huyen dao", ["Bầu cử sớm ở huyện đảo"]),
        ("dai bieu", ["Gặp gỡ các ứng cử viên đại biểu"]),
        ("đại biểu", ["Gặp gỡ các ứng cử viên đại biểu"]),
        ("tap huan", ["Hội nghị tập huấn nghiệp vụ"]),
        ("bau cu dai bieu", []),
    ]:
        assert titles_listed(search(client, content, query)) == found, query


def test_portal_search_finds_documents_by_reference_number_and_words(client, content):
    assert numbers_listed(search(client, content, "34/UBBC")) == ["34/UBBC-TCTTT"]
    assert numbers_listed(search(client, content, "trang tri co dong")) == ["624/SVHTT-QLVH"]


def test_document_index_search_by_reference_number_and_words(client, content):
    for query, found in [
        ("34/UBBC", ["34/UBBC-TCTTT"]),
        ("34/ubbc-tcttt", ["34/UBBC-TCTTT"]),
        ("KH-UBBC", ["08/KH-UBBC"]),
        ("ke hoach tuyen truyen", ["08/KH-UBBC"]),
        ("SVHTT", ["624/SVHTT-QLVH"]),
        ("99/XYZ", []),
    ]:
        response = client.get(content.document_index.url, {"q": query})
        assert response.status_code == 200
        assert numbers_listed(response) == found, query


BAD_QUERIES = ["\x00", "bau\x00cu", "\ufffe", "%", "_", "' OR 1=1 --", '"', "*"]
# Past the search bounds (200 characters, 10 different words): refused, never cut.
OUT_OF_BOUNDS = ["bầu " * 5000, "a" * 100_000, " ".join(str(n) for n in range(2000))]


def test_bad_queries_answer_200(client, content):
    for query in BAD_QUERIES:
        search(client, content, query)
        assert client.get(content.document_index.url, {"q": query}).status_code == 200


def test_queries_past_the_bounds_answer_400_with_a_message(client, content):
    for query in OUT_OF_BOUNDS:
        assert "Từ khóa tìm kiếm" in search(client, content, query, 400).content.decode()
        response = client.get(content.document_index.url, {"q": query})
        assert response.status_code == 400
        assert "Từ khóa tìm kiếm" in response.content.decode()


def test_bad_bytes_in_the_raw_query_string_answer_200(client, content):
    # A NUL, a lone surrogate and bytes that are not UTF-8 at all.
    for raw in ["%00", "%ED%A0%80", "%FF%FE", "bau%00cu"]:
        assert client.get(f"{content.portal.url}tim-kiem/?q={raw}").status_code == 200
        assert client.get(f"{content.document_index.url}?q={raw}").status_code == 200
        # As filters, what is left of them once cleaned is an unknown value, or nothing.
        url = f"{content.document_index.url}?q={raw}&type={raw}&issuer={raw}&year={raw}"
        assert client.get(url).status_code in (200, 400)
        url = f"{content.news_index.url}?agency={raw}&category={raw}&page={raw}"
        assert client.get(url).status_code == 200


def test_like_wildcards_are_taken_literally(client, content):
    assert titles_listed(search(client, content, "%")) == []
    assert titles_listed(search(client, content, "_")) == []
