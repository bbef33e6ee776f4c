"""Images chosen inside an article's body: only those the contributor may choose, and the
editor's text is never lost when one is refused."""

from __future__ import annotations

import html
import json

import pytest
from django.urls import reverse

from tests.agencies.world import World, add_article_url, article_form, body_with_image, build_world

pytestmark = pytest.mark.django_db

REFUSED = "Bạn không được dùng mục này: hãy chọn trong bộ sưu tập của cơ quan mình."


@pytest.fixture
def world(site_tree) -> World:
    return build_world(site_tree)


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def refusals(response) -> dict[int, list[str]]:
    """The messages on each refused image of the body, by block position."""
    error = response.context["form"].errors.as_data()["body"][0]
    return {
        index: block_error.block_errors["image"].messages
        for index, block_error in error.block_errors.items()
    }


def body_blocks(page) -> list[str]:
    page = page.specific_class.objects.get(pk=page.pk).get_latest_revision_as_object()
    return [block.block_type for block in page.body]


def test_another_agencys_image_is_refused_on_its_block_and_the_text_comes_back(world):
    other = world.image("STTTT", "Ảnh của Sở Thông tin")
    page = world.article("SVHTT", "svhtt.lan")
    before = body_blocks(page)
    client = world.client("svhtt.lan")
    text = "Đoạn văn mà cộng tác viên vừa viết, không được mất."
    response = client.post(
        edit_url(page),
        article_form(page, body=body_with_image(other, text)),
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 200  # the form again, not a redirect
    assert refusals(response) == {1: [REFUSED]}  # on the image block, not on the paragraph
    # What the editor wrote goes back into the form: in its bound value, and in the page as
    # the block editor's JSON (Draftail's JSON inside StreamField's).
    paragraph = response.context["form"]["body"].value()[0].value
    assert text in paragraph.source
    twice_encoded = json.dumps(json.dumps(text)[1:-1])[1:-1]
    assert twice_encoded in html.unescape(response.content.decode())
    assert body_blocks(page) == before  # nothing saved


def test_a_new_article_with_another_agencys_image_is_not_created(world):
    other = world.image("STTTT", "Ảnh của Sở Thông tin")
    parent = world.space("SVHTT")
    data = article_form(title="Tin có ảnh mượn", body=body_with_image(other))
    response = world.client("svhtt.lan").post(
        add_article_url(parent), data, HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert response.status_code == 200
    assert refusals(response) == {1: [REFUSED]}
    assert not parent.get_children().filter(title="Tin có ảnh mượn").exists()


def test_own_agencys_image_is_accepted(world):
    own = world.image("SVHTT", "Ảnh của Sở Văn hóa")
    page = world.article("SVHTT", "svhtt.lan")
    response = world.client("svhtt.lan").post(
        edit_url(page), article_form(page, body=body_with_image(own))
    )
    assert response.status_code == 302
    assert body_blocks(page) == ["paragraph", "image"]


def test_an_image_a_moderator_placed_stays_when_the_contributor_edits(world):
    other = world.image("STTTT", "Ảnh của Sở Thông tin")
    page = world.article("SVHTT", "svhtt.lan")
    moderator = world.client("bbt.thu")
    form = article_form(page, body=body_with_image(other))
    assert moderator.post(edit_url(page), form).status_code == 302
    assert body_blocks(page) == ["paragraph", "image"]
    again = article_form(page, title="Tiêu đề sửa lại", body=body_with_image(other))
    assert world.client("svhtt.lan").post(edit_url(page), again).status_code == 302
    assert body_blocks(page) == ["paragraph", "image"]
