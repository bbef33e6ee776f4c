"""Files and images named inside a body's blocks or in rich text: only those the contributor may
choose, refused on the block or field that names them, with the editor's text kept."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from tests.agencies.test_media_in_body import REFUSED
from tests.agencies.world import (
    World,
    agency_page_form,
    article_form,
    body_with_document,
    build_world,
    image_embed,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(site_tree) -> World:
    return build_world(site_tree)


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def post(world: World, username: str, page, data):
    return world.client(username).post(edit_url(page), data, HTTP_ACCEPT_LANGUAGE="vi")


def test_another_agencys_file_in_a_document_block_is_refused_on_the_block(world):
    other = world.document("STTTT", "Công văn của Sở Thông tin")
    page = world.article("SVHTT", "svhtt.lan")
    response = post(world, "svhtt.lan", page, article_form(page, body=body_with_document(other)))
    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["body"][0]
    assert error.block_errors[0].block_errors["document"].messages == [REFUSED]


def test_a_link_to_another_agencys_file_in_rich_text_is_refused_and_the_text_comes_back(world):
    other = world.document("STTTT", "Công văn của Sở Thông tin")
    own = world.document("SVHTT", "Công văn của Sở Văn hóa")
    page = world.article("SVHTT", "svhtt.lan")
    text = "Đoạn văn có hai liên kết, không được mất."
    body = streamfield(
        [
            ("paragraph", rich_text(f'<p>{text} <a linktype="document" id="{own.pk}">a</a></p>')),
            ("paragraph", rich_text(f'<p>Xem <a linktype="document" id="{other.pk}">b</a></p>')),
        ]
    )
    response = post(world, "svhtt.lan", page, article_form(page, body=body))
    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["body"][0]
    assert list(error.block_errors) == [1]  # the paragraph with the borrowed file only
    assert error.block_errors[1].messages == [REFUSED]
    assert text in response.context["form"]["body"].value()[0].value.source


def test_a_link_to_own_agencys_file_in_rich_text_is_saved(world):
    own = world.document("SVHTT", "Công văn của Sở Văn hóa")
    page = world.article("SVHTT", "svhtt.lan")
    body = streamfield(
        [("paragraph", rich_text(f'<p>Xem <a linktype="document" id="{own.pk}">tệp</a></p>'))]
    )
    assert post(world, "svhtt.lan", page, article_form(page, body=body)).status_code == 302


def test_another_agencys_image_embedded_in_an_introduction_is_refused_on_the_field(world):
    other = world.image("STTTT", "Ảnh của Sở Thông tin")
    page = world.space("SVHTT")
    response = post(world, "svhtt.lan", page, agency_page_form(page, intro=image_embed(other)))
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["intro"][0].messages == [REFUSED]
    own = world.image("SVHTT", "Ảnh của Sở Văn hóa")
    accepted = post(world, "svhtt.lan", page, agency_page_form(page, intro=image_embed(own)))
    assert accepted.status_code == 302
