"""Creating pages through the real admin add view, over HTTP, as an editor would."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import model
from tests.pages.conftest import add_page_url

pytestmark = pytest.mark.django_db

TITLE = "Bầu cử đại biểu Quốc hội"


def article_form(**fields) -> dict:
    """What the admin's article form posts, with ``fields`` changed."""
    data = {
        "title": TITLE,
        "slug": "",
        "lead": "Cử tri cả nước đi bầu cử đại biểu Quốc hội khóa XV.",
        "body": streamfield([("paragraph", rich_text("<p>Ngày hội của toàn dân.</p>"))]),
        "agency": "",
        "source_name": "Báo Nhân Dân",
        "source_url": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    return nested_form_data({**data, **fields})


def document_form(**fields) -> dict:
    """What the admin's directive document form posts, with ``fields`` changed."""
    data = {
        "title": "Công văn về cung cấp thông tin bầu cử",
        "slug": "",
        "document_number": "34/UBBC-TCTTT",
        "level": "city",
        "issuer": "",
        "issuer_name": "Ủy ban bầu cử thành phố",
        "issue_date": "2021-03-30",
        "effective_date": "",
        "summary": "Về việc cung cấp thông tin, tài liệu tuyên truyền về cuộc bầu cử.",
        "file": "",
        "agency": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    return nested_form_data({**data, **fields})


@pytest.mark.parametrize("posted_slug", ["bầu-cử-đại-biểu-quốc-hội", ""])
def test_the_server_makes_an_ascii_slug_from_vietnamese(
    admin_client, client, site_tree, posted_slug
):
    url = add_page_url(model("NewsArticle"), site_tree.news_index)
    response = admin_client.post(url, article_form(slug=posted_slug))

    assert response.status_code == 302, response.context["form"].errors
    article = model("NewsArticle").objects.get()
    assert article.slug == "bau-cu-dai-bieu-quoc-hoi"
    assert article.live and article.title == TITLE
    assert article.get_parent().pk == site_tree.news_index.pk
    public = client.get("/tin-tuc/bau-cu-dai-bieu-quoc-hoi/")
    assert public.status_code == 200
    assert TITLE in public.content.decode()


def test_a_taken_slug_is_a_form_error_not_a_crash(admin_client, site_tree):
    site_tree.article(TITLE, slug="bau-cu-dai-bieu-quoc-hoi")
    url = add_page_url(model("NewsArticle"), site_tree.news_index)
    response = admin_client.post(url, article_form(slug="bầu-cử-đại-biểu-quốc-hội"))

    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert model("NewsArticle").objects.count() == 1


def test_the_document_number_is_parsed_on_save(admin_client, site_tree):
    url = add_page_url(model("DirectiveDocument"), site_tree.document_index)
    response = admin_client.post(url, document_form(document_number="08/KH-UBBC"))

    assert response.status_code == 302, response.context["form"].errors
    document = model("DirectiveDocument").objects.get()
    assert (document.number, document.document_type, document.issuer_code) == (8, "KH", "UBBC")
    assert document.slug == "cong-van-ve-cung-cap-thong-tin-bau-cu"


@pytest.mark.parametrize("number", ["UBBC/34", "34/ubbc-tcttt", "34/UBBC", "số 34"])
def test_an_unparseable_reference_number_is_a_form_error_and_keeps_what_was_written(
    admin_client, site_tree, number
):
    url = add_page_url(model("DirectiveDocument"), site_tree.document_index)
    response = admin_client.post(url, document_form(document_number=number))

    assert response.status_code == 200
    assert not model("DirectiveDocument").objects.exists()
    errors = response.context["form"].errors
    assert list(errors) == ["document_number"]
    # The message explains the form with an example, in English or in its Vietnamese translation.
    assert any(
        "34/UBBC-TCTTT" in message or "08/KH-UBBC" in message
        for message in errors["document_number"]
    )
    html = response.content.decode()
    for kept in [
        "Về việc cung cấp thông tin, tài liệu tuyên truyền về cuộc bầu cử.",
        "Công văn về cung cấp thông tin bầu cử",
        "Ủy ban bầu cử thành phố",
        "2021-03-30",
    ]:
        assert kept in html


@pytest.mark.parametrize(
    ("number", "chosen", "stored", "type_name"),
    [
        ("85/2015/QH13", "L", "L", "Luật"),
        ("203/2025/QH15", "NQ", "NQ", "Nghị quyết"),
        ("151/NQ-HĐBCQG", "", "NQ", "Nghị quyết"),
        # The symbol decides where it names the type, whatever is chosen.
        ("08/KH-UBBC", "L", "KH", "Kế hoạch"),
    ],
)
def test_the_type_field_decides_only_where_the_number_cannot_tell(
    admin_client, client, site_tree, number, chosen, stored, type_name
):
    url = add_page_url(model("DirectiveDocument"), site_tree.document_index)

    response = admin_client.post(url, document_form(document_number=number, document_type=chosen))

    assert response.status_code == 302, response.context["form"].errors
    document = model("DirectiveDocument").objects.get()
    assert (document.document_number, document.document_type) == (number, stored)
    assert type_name in client.get(document.url).content.decode()


def test_a_legislature_number_without_its_type_is_refused_in_vietnamese(admin_client, site_tree):
    url = add_page_url(model("DirectiveDocument"), site_tree.document_index)

    response = admin_client.post(url, document_form(document_number="203/2025/QH15"))

    assert response.status_code == 200
    [message] = response.context["form"].errors["document_type"]
    assert message.startswith("Số, ký hiệu 203/2025/QH15 không cho biết loại văn bản")
    assert not model("DirectiveDocument").objects.exists()
