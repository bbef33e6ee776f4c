"""Every endpoint and field of the API, through HTTP."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

API = "/api/v2/"
ISO_WITH_ZONE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")


def titles(data) -> list[str]:
    return [item["title"] for item in data["items"]]


def test_pages_lists_the_public_pages_of_the_site(demo, get_json):
    status, data = get_json(API + "pages/?limit=100")
    assert status == 200
    assert data["meta"]["total_count"] == len(data["items"])
    listed = set(titles(data))
    assert {"Bầu cử đại biểu Quốc hội khóa XV", "Tin tức", "Văn bản chỉ đạo", "Cơ quan"} <= listed
    assert "Tăng cường thông tin về cuộc bầu cử" in listed
    first = data["items"][0]
    assert set(first) == {"id", "meta", "title"}
    assert set(first["meta"]) == {"type", "detail_url", "html_url", "slug", "first_published_at"}
    assert ISO_WITH_ZONE.match(first["meta"]["first_published_at"])
    assert first["meta"]["html_url"] == "http://testserver/"


def test_pages_of_one_type_have_that_types_fields(demo, get_json):
    model = type(demo.articles["first"])
    label = f"{model._meta.app_label}.{model.__name__}"
    status, data = get_json(API + f"pages/?type={label}&fields=lead,agency&order=published_at")
    assert status == 200
    assert titles(data) == [
        "Tăng cường thông tin về cuộc bầu cử",
        "Hướng dẫn cử tri đi bầu",
        "Thành phố sẵn sàng cho ngày bầu cử",
    ]
    assert data["items"][0]["agency"]["code"] == "STTTT"
    assert data["items"][0]["lead"].startswith("Ủy ban bầu cử")


def test_article_detail_has_every_field(demo, get_json):
    article = demo.articles["first"]
    status, data = get_json(API + f"news/{article.pk}/")
    assert status == 200
    assert (
        data["meta"]["html_url"] == "http://testserver/tin-tuc/tang-cuong-thong-tin-ve-cuoc-bau-cu/"
    )
    assert data["meta"]["parent"]["title"] == "Tin tức"
    assert data["published_at"] == "2021-03-30T08:00:00+07:00"
    assert data["updated_at"] == "2021-03-30T08:00:00+07:00"
    assert data["lead"].startswith("Ủy ban bầu cử thành phố đề nghị")
    assert data["source_name"] == "Báo Đà Nẵng"
    assert data["source_url"] == "https://baodanang.vn/bau-cu"
    assert data["categories"] == [{"name": "Tuyên truyền", "slug": "tuyen-truyen"}]
    assert data["agency"] == {
        "id": demo.agencies["STTTT"].pk,
        "code": "STTTT",
        "name": "Sở Thông tin và Truyền thông",
        "short_name": "",
        "html_url": None,
        "detail_url": f"http://testserver/api/v2/agencies/{demo.agencies['STTTT'].pk}/",
    }
    assert [d["document_number"] for d in data["related_documents"]] == [
        "34/UBBC-TCTTT",
        "08/KH-UBBC",
    ]
    assert data["related_documents"][0]["html_url"].startswith("http://testserver/van-ban-chi-dao/")


def test_lead_image_has_absolute_renditions(demo, client, get_json):
    _status, data = get_json(API + f"news/{demo.articles['first'].pk}/?fields=lead_image")
    image = data["lead_image"]
    assert image["title"] == "Ảnh cổ động bầu cử"
    assert (image["width"], image["height"]) == (640, 360)
    # The original through the package's view, served while a public page uses it.
    assert image["download_url"].startswith(f"http://testserver/images/{image['id']}/")
    original = client.get(image["download_url"].removeprefix("http://testserver"))
    assert original.status_code == 200
    assert original["Content-Type"] == "image/png"
    assert image["renditions"]["thumbnail"]["width"] == 480
    assert image["renditions"]["thumbnail"]["height"] == 270
    for rendition in image["renditions"].values():
        assert rendition["url"].startswith("http://testserver/media/images/")


def test_body_is_structured_with_absolute_urls(demo, client, get_json):
    article = demo.articles["first"]
    _status, data = get_json(API + f"news/{article.pk}/?fields=body")
    paragraph, image, document = data["body"]
    assert [block["type"] for block in data["body"]] == ["paragraph", "image", "document"]
    html = paragraph["value"]
    document_url = demo.documents["34"].get_full_url()
    assert f'href="{document_url}"' in html
    assert 'href="http://testserver/tin-tuc/"' in html
    assert f'href="http://testserver/documents/{demo.files["34"].pk}/' in html
    assert "linktype" not in html
    for url in re.findall(r'href="([^"]+)"', html):
        assert url.startswith("http://testserver/")
        assert client.get(url.removeprefix("http://testserver")).status_code == 200
    assert image["value"]["image"]["renditions"]["thumbnail"]["url"].startswith(
        "http://testserver/"
    )
    assert image["value"]["caption"] == "Cổ động bầu cử"
    file = document["value"]["document"]
    assert file["url"].startswith("http://testserver/documents/")
    assert file["size"] > 100
    assert file["content_type"] == "application/pdf"


def test_page_links(demo, get_json):
    article = demo.articles["first"]
    _status, data = get_json(API + f"pages/{article.pk}/?fields=links")
    url = "http://testserver/tin-tuc/tang-cuong-thong-tin-ve-cuoc-bau-cu/"
    assert data["links"] == {
        "print": url + "print/",
        "qr_svg": url + "qr.svg",
        "qr_png": url + "qr.png",
        "short": f"http://testserver/p/{article.pk}/",
    }
    _status, data = get_json(API + f"pages/{demo.tree.news_index.pk}/?fields=links")
    assert data["links"]["feeds"] == {
        "rss": "http://testserver/tin-tuc/feed/rss/",
        "atom": "http://testserver/tin-tuc/feed/atom/",
        "json": "http://testserver/tin-tuc/feed/json/",
    }
    assert "print" not in data["links"]


def test_news_lists_articles_newest_first(demo, get_json):
    status, data = get_json(API + "news/")
    assert status == 200
    assert titles(data) == [
        "Thành phố sẵn sàng cho ngày bầu cử",
        "Hướng dẫn cử tri đi bầu",
        "Tăng cường thông tin về cuộc bầu cử",
    ]
    item = data["items"][0]
    assert set(item) >= {"published_at", "updated_at", "lead", "lead_image", "agency", "categories"}
    assert item["meta"]["detail_url"] == f"http://testserver/api/v2/pages/{item['id']}/"


def test_directive_document_detail(demo, get_json):
    document = demo.documents["34"]
    status, data = get_json(API + f"directives/{document.pk}/")
    assert status == 200
    assert data["document_number"] == "34/UBBC-TCTTT"
    assert data["number_parts"] == {
        "raw": "34/UBBC-TCTTT",
        "number": 34,
        "year": None,
        "type": "CV",
        "issuer": "UBBC",
        "unit": "TCTTT",
    }
    assert data["document_type"] == {"code": "CV", "name": "Công văn"}
    assert data["issuer"]["code"] == "UBBC"
    assert data["issuer"]["html_url"] == "http://testserver/co-quan/ubbc/"
    assert data["level"]["code"] == "city"
    assert data["issue_date"] == "2021-03-30"
    assert data["effective_date"] == "2021-03-30"
    assert data["published_at"] == "2021-03-30T10:00:00+07:00"
    assert data["summary"].startswith("Về việc cung cấp thông tin")
    assert data["file"]["url"] == (
        f"http://testserver/documents/{demo.files['34'].pk}/{demo.files['34'].filename}"
    )
    assert data["file"]["size"] == demo.files["34"].file.size
    assert data["file"]["content_type"] == "application/pdf"
    assert data["links"]["print"].endswith("/print/")


def test_directive_with_a_decree_number_and_an_issuer_outside_the_portal(demo, get_json):
    _status, data = get_json(API + f"directives/{demo.documents['42'].pk}/")
    assert data["number_parts"]["year"] == 2022
    assert data["document_type"]["code"] == "NĐ"
    assert data["issuer"] == {
        "id": None,
        "code": "CP",
        "name": "Chính phủ",
        "short_name": "",
        "html_url": None,
    }
    assert data["level"]["code"] == "central"
    assert data["file"] is None


def test_directives_list_most_recently_issued_first(demo, get_json):
    _status, data = get_json(API + "directives/")
    assert [i["document_number"] for i in data["items"]] == [
        "42/2022/NĐ-CP",
        "34/UBBC-TCTTT",
        "08/KH-UBBC",
    ]


def test_agencies_list_and_detail(demo, get_json):
    status, data = get_json(API + "agencies/")
    assert status == 200
    by_code = {item["code"]: item for item in data["items"]}
    assert set(by_code) == {"UBBC", "SVHTT", "STTTT", "BCHQS"}
    ubbc = by_code["UBBC"]
    assert ubbc["name"] == "Ủy ban bầu cử thành phố"
    # Names in the site's language (LANGUAGE_CODE = "vi").
    assert ubbc["kind"] == {"code": "election_committee", "name": "Ủy ban bầu cử"}
    assert ubbc["meta"]["html_url"] == "http://testserver/co-quan/ubbc/"
    assert ubbc["page"]["html_url"] == "http://testserver/co-quan/ubbc/"
    assert ubbc["feeds"]["atom"] == "http://testserver/co-quan/ubbc/feed/atom/"
    # An agency whose page is private shows no page.
    assert by_code["BCHQS"]["page"] is None
    assert by_code["BCHQS"]["feeds"] is None
    status, detail = get_json(API + f"agencies/{demo.agencies['UBBC'].pk}/")
    assert status == 200
    assert {"website", "email", "phone", "address", "is_active"} <= set(detail)


def test_images_and_documents_as_wagtail_serves_them(demo, get_json):
    status, data = get_json(API + "images/")
    assert status == 200
    assert titles(data) == ["Ảnh cổ động bầu cử"]
    image = data["items"][0]
    assert image["meta"]["download_url"].startswith(f"http://testserver/images/{image['id']}/")
    status, detail = get_json(image["meta"]["detail_url"].removeprefix("http://testserver"))
    assert status == 200
    assert detail["renditions"]["thumbnail"]["width"] == 480
    status, data = get_json(API + "documents/?order=title")
    assert titles(data) == ["Công văn 34/UBBC-TCTTT", "Kế hoạch 08/KH-UBBC"]
    status, detail = get_json(API + f"documents/{demo.files['34'].pk}/")
    assert detail["file_size"] == demo.files["34"].file.size
    assert detail["content_type"] == "application/pdf"
    assert detail["meta"]["download_url"].startswith("http://testserver/documents/")


def test_a_file_used_only_by_a_draft_is_not_served(demo, get_json):
    status, _data = get_json(API + f"documents/{demo.files['draft'].pk}/")
    assert status == 404


def test_portal_and_index_fields(demo, get_json):
    portal = demo.tree.portal
    portal.introduction = (
        f'<p>Xem <a linktype="page" id="{demo.tree.news_index.pk}">tin tức</a>.</p>'
    )
    factories.publish(portal)
    _status, data = get_json(API + f"pages/{portal.pk}/")
    assert data["introduction"] == '<p>Xem <a href="http://testserver/tin-tuc/">tin tức</a>.</p>'
    assert data["election_day"] == "2021-05-23"
    assert data["election_name"].startswith("Bầu cử đại biểu Quốc hội khóa XV")
    assert data["links"]["feeds"]["rss"] == "http://testserver/feed/rss/"
    _status, data = get_json(API + f"pages/{demo.tree.agency_pages['UBBC'].pk}/")
    assert data["agency"]["code"] == "UBBC"
    assert data["intro"] == ""


def test_find_by_html_path_and_id(demo, client):
    article = demo.articles["first"]
    path = "/tin-tuc/tang-cuong-thong-tin-ve-cuoc-bau-cu/"
    response = client.get(API + f"pages/find/?html_path={path}")
    assert response.status_code == 302
    assert response["Location"].startswith(f"http://testserver/api/v2/pages/{article.pk}/")
    response = client.get(API + f"news/find/?id={article.pk}")
    assert response.status_code == 302


def test_fields_star_and_negation(demo, get_json):
    _status, data = get_json(API + "news/?fields=*,-body&limit=1")
    item = data["items"][0]
    assert "body" not in item
    assert {"links", "related_documents", "source_url"} <= set(item)
    _status, data = get_json(API + "news/?fields=_,title&limit=1")
    assert set(data["items"][0]) == {"id", "meta", "title"} or set(data["items"][0]) == {"title"}
