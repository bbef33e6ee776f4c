"""Every page type renders, in Vietnamese, with accessible HTML and Vietnamese dates."""

from collections import Counter
from datetime import UTC, datetime

import pytest

from tests.factories import make_category, make_file, make_image
from tests.pages.conftest import parse

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2021, 4, 7, 3, 35, tzinfo=UTC)


@pytest.fixture
def full_site(site_tree, agencies):
    """One page of every type, the article with every kind of body block."""
    image, photo, file = make_image("Ảnh cổ động"), make_image("Hòm phiếu", "blue"), make_file()
    document = site_tree.document("34/UBBC-TCTTT", issuer=agencies["UBBC"], file=file)
    article = site_tree.article(
        "Tăng cường thông tin về bầu cử",
        agency=agencies["UBBC"],
        categories=[make_category("Tuyên truyền")],
        lead_image=image,
        source_name="Báo Hà Nội mới",
        source_url="https://hanoimoi.example/bau-cu",
        when=PUBLISHED,
        body=[
            ("paragraph", "<h2>Mục tiêu</h2><p>Thông tin kịp thời về cuộc bầu cử.</p>"),
            ("image", {"image": photo, "caption": "Hòm phiếu tại tổ bầu cử số 1", "alt_text": ""}),
            ("quote", {"text": "Bầu cử là quyền của công dân.", "attribution": "Hiến pháp"}),
            (
                "table",
                {
                    "data": [["Đơn vị", "Số cử tri"], ["Quận Hoàn Kiếm", "120.000"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            ),
            ("document", {"document": file, "title": "Tải công văn"}),
        ],
    )
    article.related_documents.set([document])
    article.save_revision().publish()
    site_tree.article("Tin thứ hai", agency=agencies["SVHTT"], lead_image=photo)
    agency_page = site_tree.agency_page(agencies["SVHTT"])
    pages = {
        "portal": site_tree.portal,
        "news index": site_tree.news_index,
        "document index": site_tree.document_index,
        "agency index": site_tree.agency_index,
        "agency page": agency_page,
        "article": article,
        "document": document,
    }
    return site_tree, pages


def page_urls(site, pages) -> dict[str, str]:
    urls = {name: page.url for name, page in pages.items()}
    urls["search"] = site.portal.url + "tim-kiem/?q=bau+cu"
    urls["empty search"] = site.portal.url + "tim-kiem/"
    urls["article print"] = pages["article"].url + "print/"
    urls["document print"] = pages["document"].url + "print/"
    return urls


def test_every_page_type_renders_accessibly(client, full_site):
    site, pages = full_site
    for name, url in page_urls(site, pages).items():
        response = client.get(url)
        assert response.status_code == 200, name
        tree = parse(response)
        assert tree.get("lang") == "vi", name
        assert len(tree.xpath("//h1")) == 1, name
        assert len(tree.xpath("//main")) == 1, name
        assert all(img.get("alt") is not None for img in tree.xpath("//img")), name
        ids = Counter(tree.xpath("//@id"))
        assert not [i for i, n in ids.items() if n > 1], f"{name}: repeated ids"
        labelled = tree.xpath("//@aria-labelledby")
        assert all(ids[i] for value in labelled for i in value.split()), name
        if "print" not in name:
            assert tree.xpath("//header") and tree.xpath("//footer"), name
            assert tree.xpath("//a[@href='#main']"), f"{name}: skip link"


def test_article_shows_what_an_article_has(client, full_site):
    _site, pages = full_site
    response = client.get(pages["article"].url)
    html = response.content.decode()
    tree = parse(response)
    for expected in [
        "Tăng cường thông tin về bầu cử",
        "Ủy ban bầu cử thành phố",
        "Báo Hà Nội mới",
        "Thông tin kịp thời về cuộc bầu cử.",
        "Hòm phiếu tại tổ bầu cử số 1",
        "Bầu cử là quyền của công dân.",
        "Quận Hoàn Kiếm",
        "Tải công văn",
        "Tuyên truyền",
        "34/UBBC-TCTTT",
        "Tin thứ hai",
    ]:
        assert expected in html, expected
    alts = tree.xpath("//main//img/@alt")
    assert "Ảnh cổ động" in alts
    assert "Hòm phiếu tại tổ bầu cử số 1" in alts
    assert tree.xpath("//a[@href='https://hanoimoi.example/bau-cu']")


def test_dates_are_vietnamese_in_ho_chi_minh_time(client, full_site):
    _site, pages = full_site
    response = client.get(pages["article"].url)
    dateline = parse(response).xpath("//*[@class='baucu-dateline']/time")[0]
    assert dateline.text == "Thứ Tư, 07/04/2021 10:35"
    assert dateline.get("datetime") == "2021-04-07T10:35:00+07:00"
    listing = client.get(pages["news index"].url).content.decode()
    assert "Thứ Tư, 07/04/2021 10:35" in listing
    portal = client.get(pages["portal"].url).content.decode()
    assert "Chủ Nhật, 23/05/2021" in portal


def test_weekday_names_through_a_week(client, site_tree):
    names = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
    for day, name in zip(range(5, 12), names, strict=True):
        # 17:30 UTC is already the next day in Hồ Chí Minh City.
        article = site_tree.article(
            f"Tin ngày {day}", when=datetime(2021, 4, day - 1, 17, 30, tzinfo=UTC)
        )
        html = client.get(article.url).content.decode()
        assert f"{name}, {day:02d}/04/2021 00:30" in html
