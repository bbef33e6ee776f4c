"""The content the API tests (and the examples in docs/api.md) are made from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import factories
from tests.factories import local


@dataclass
class ApiDemo:
    """A portal with public news and documents, and pages the API must never show."""

    tree: factories.Portal
    agencies: dict
    categories: dict
    image: object
    files: dict
    articles: dict
    documents: dict
    hidden: dict = field(default_factory=dict)


def make_api_demo(site_tree, agencies) -> ApiDemo:
    tree = site_tree
    categories = {
        "tuyen-truyen": factories.make_category("Tuyên truyền"),
        "huong-dan": factories.make_category("Hướng dẫn bầu cử"),
    }
    image = factories.make_image("Ảnh cổ động bầu cử")
    files = {
        "34": factories.make_file("Công văn 34/UBBC-TCTTT"),
        "08": factories.make_file("Kế hoạch 08/KH-UBBC"),
        "draft": factories.make_file("Dự thảo 99/UBBC-VP"),
    }
    tree.agency_page(agencies["UBBC"])

    documents = {
        "34": tree.document(
            "34/UBBC-TCTTT",
            title="Công văn về việc cung cấp thông tin về cuộc bầu cử",
            issuer=agencies["UBBC"],
            file=files["34"],
            issue_date=date(2021, 3, 30),
            effective_date=date(2021, 3, 30),
            summary="Về việc cung cấp thông tin về cuộc bầu cử đại biểu Quốc hội khóa XV.",
        ),
        "08": tree.document(
            "08/KH-UBBC",
            title="Kế hoạch tuyên truyền về cuộc bầu cử",
            issuer=agencies["UBBC"],
            file=files["08"],
            issue_date=date(2021, 1, 15),
            summary="Kế hoạch tuyên truyền cuộc bầu cử trên địa bàn thành phố.",
        ),
        "42": tree.document(
            "42/2022/NĐ-CP",
            title="Nghị định về cổng thông tin điện tử",
            issuer_name="Chính phủ",
            level="central",
            issue_date=date(2022, 6, 24),
            effective_date=date(2022, 8, 1),
            summary="Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến.",
        ),
    }
    for key, when in [
        ("08", local(2021, 1, 15, 9, 0)),
        ("34", local(2021, 3, 30, 10, 0)),
        ("42", local(2022, 6, 25, 8, 0)),
    ]:
        factories.publish(documents[key], when=when)

    first = tree.article(
        "Tăng cường thông tin về cuộc bầu cử",
        agency=agencies["STTTT"],
        categories=[categories["tuyen-truyen"]],
        lead="Ủy ban bầu cử thành phố đề nghị các cơ quan báo chí tăng cường thông tin.",
        lead_image=image,
        source_name="Báo Đà Nẵng",
        source_url="https://baodanang.vn/bau-cu",
        body=[
            (
                "paragraph",
                f'<p>Thực hiện <a linktype="page" id="{documents["34"].pk}">Công văn 34</a>, '
                'xem <a href="/tin-tuc/">tin tức</a> và '
                f'<a linktype="document" id="{files["34"].pk}">tệp đính kèm</a>.</p>',
            ),
            ("image", {"image": image, "caption": "Cổ động bầu cử", "alt_text": ""}),
            ("document", {"document": files["34"], "title": "Công văn 34"}),
        ],
        when=local(2021, 3, 30, 8, 0),
    )
    first.related_documents.set([documents["34"], documents["08"]])
    factories.publish(first, when=local(2021, 3, 30, 8, 0))
    articles = {
        "first": first,
        "guide": tree.article(
            "Hướng dẫn cử tri đi bầu",
            agency=agencies["UBBC"],
            in_agency_space=True,
            categories=[categories["huong-dan"]],
            lead="Những điều cử tri cần biết trước ngày bầu cử.",
            when=local(2021, 5, 20, 7, 30),
        ),
        "ready": tree.article(
            "Thành phố sẵn sàng cho ngày bầu cử",
            agency=agencies["SVHTT"],
            lead="Các tổ bầu cử đã hoàn tất công tác chuẩn bị.",
            when=local(2021, 5, 22, 16, 0),
        ),
    }
    demo = ApiDemo(tree, agencies, categories, image, files, articles, documents)
    add_hidden_pages(demo)
    return demo


def add_hidden_pages(demo: ApiDemo) -> None:
    """Pages that exist but are not public, each in one way."""
    tree = demo.tree
    hidden = demo.hidden
    hidden["draft"] = tree.article("Bản nháp chưa duyệt", live=False)
    hidden["draft_document"] = tree.document(
        "99/UBBC-VP", title="Dự thảo chưa ban hành", live=False, file=demo.files["draft"]
    )
    hidden["private"] = tree.article("Tin nội bộ có mật khẩu", when=local(2021, 4, 1, 8, 0))
    PageViewRestriction.objects.create(
        page=hidden["private"], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    hidden["expired"] = tree.article("Tin đã hết hạn", when=local(2021, 4, 2, 8, 0))
    type(hidden["expired"]).objects.filter(pk=hidden["expired"].pk).update(
        expire_at=timezone.now() - timedelta(hours=1)
    )
    future = tree.article("Tin hẹn giờ đăng", live=False)
    future.go_live_at = timezone.now() + timedelta(days=3)
    future.save_revision().publish()
    hidden["future"] = future
    private_space = tree.agency_page(factories.make_agency("BCHQS", "Bộ Chỉ huy quân sự"))
    PageViewRestriction.objects.create(
        page=private_space, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    hidden["under_private_parent"] = tree.article(
        "Tin trong không gian riêng",
        agency=private_space.agency,
        in_agency_space=True,
        when=local(2021, 4, 3, 8, 0),
    )
    hidden["private_space"] = private_space
    hidden["unpublished"] = tree.article("Tin đã gỡ", when=local(2021, 4, 4, 8, 0))
    hidden["unpublished"].unpublish()
    other = factories.make_portal(hostname="khac.example", slug="bau-cu-khac")
    hidden["other_site"] = other.article("Tin của cổng khác", when=local(2021, 4, 5, 8, 0))


@pytest.fixture
def demo(site_tree, agencies) -> ApiDemo:
    return make_api_demo(site_tree, agencies)


@pytest.fixture
def get_json(client):
    """GET a URL and return (status, parsed JSON)."""

    def get(url: str, **extra):
        response = client.get(url, **extra)
        assert response["Content-Type"].startswith("application/json"), response.content[:200]
        return response.status_code, response.json()

    return get
