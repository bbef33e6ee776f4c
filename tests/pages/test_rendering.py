import pytest

from tests.factories import local, make_category

pytestmark = pytest.mark.django_db


def test_every_page_type_renders(client, site_tree, agencies):
    category = make_category("Tuyên truyền")
    article = site_tree.article(
        "Tăng cường thông tin về bầu cử",
        agency=agencies["UBBC"],
        categories=[category],
        when=local(2021, 4, 7, 10, 35),
    )
    document = site_tree.document("34/UBBC-TCTTT", issuer=agencies["UBBC"])
    agency_page = site_tree.agency_page(agencies["SVHTT"])
    for page in [
        site_tree.portal,
        site_tree.news_index,
        site_tree.document_index,
        site_tree.agency_index,
        agency_page,
        article,
        document,
    ]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert b'<html lang="vi">' in response.content
    response = client.get(article.url)
    html = response.content.decode()
    assert "Thứ Tư, 07/04/2021 10:35" in html
    assert "Ủy ban bầu cử thành phố" in html
    assert client.get(article.url + "print/").status_code == 200
    assert client.get(document.url + "print/").status_code == 200
