"""The print view at ``<page URL>print/`` of every article and document."""

from datetime import UTC, datetime

import pytest

from tests.factories import publish
from tests.pages.conftest import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(site_tree, agencies):
    return site_tree.article(
        "Tăng cường thông tin về bầu cử",
        agency=agencies["UBBC"],
        source_name="Báo Hà Nội mới",
        source_url="https://hanoimoi.example/bau-cu",
        when=datetime(2021, 4, 7, 3, 35, tzinfo=UTC),
    )


def assert_printable(response, full_url: str) -> str:
    """Checks what every print view has and returns its HTML."""
    assert response.status_code == 200
    html = response.content.decode()
    tree = parse(response)
    assert tree.get("lang") == "vi"
    assert not tree.xpath("//nav"), "a print view has no navigation"
    assert not tree.xpath("//form"), "a print view has no search form"
    stylesheets = tree.xpath("//link[@rel='stylesheet']/@href")
    assert any(href.endswith("wagtail_baucu/css/print.css") for href in stylesheets)
    assert len(tree.xpath("//h1")) == 1
    assert full_url in html
    return html


def test_article_print_view(client, article):
    url = "http://testserver/tin-tuc/tang-cuong-thong-tin-ve-bau-cu/"
    html = assert_printable(client.get(article.url + "print/"), url)
    for expected in [
        "Tăng cường thông tin về bầu cử",
        "Thứ Tư, 07/04/2021 10:35",
        "Ủy ban bầu cử thành phố",
        "Báo Hà Nội mới",
        "https://hanoimoi.example/bau-cu",
        "Nội dung bài viết về bầu cử đại biểu Quốc hội.",
    ]:
        assert expected in html


def test_document_print_view(client, site_tree, agencies):
    document = site_tree.document("34/UBBC-TCTTT", issuer=agencies["UBBC"])
    publish(document, when=datetime(2021, 3, 30, 2, 0, tzinfo=UTC))
    url = "http://testserver/van-ban-chi-dao/van-ban-34ubbc-tcttt/"
    assert document.url == "/van-ban-chi-dao/van-ban-34ubbc-tcttt/"
    html = assert_printable(client.get(document.url + "print/"), url)
    for expected in ["34/UBBC-TCTTT", "Ủy ban bầu cử thành phố", "Thứ Ba, 30/03/2021 09:00"]:
        assert expected in html


def test_the_article_page_links_to_its_print_view(client, article):
    tree = parse(client.get(article.url))
    assert article.url + "print/" in tree.xpath("//a/@href")


def test_no_print_view_for_a_draft(client, site_tree):
    draft = site_tree.article("Bản nháp chưa đăng", live=False)
    assert client.get(draft.url + "print/").status_code == 404


def test_no_print_view_once_unpublished(client, article):
    article.unpublish()
    assert client.get(article.url + "print/").status_code == 404
    assert client.get(article.url).status_code == 404
