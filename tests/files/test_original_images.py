"""An image's uploaded original answers anonymous visitors only while a public page uses it (the
rule documents follow), and always the editors who may change or choose it; the API's
``download_url`` points there. Through HTTP, after Wagtail's own publish and unpublish."""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import Collection, GroupCollectionPermission

from tests import factories
from wagtail_baucu.agencies.permissions import collection_permission
from wagtail_baucu.files import original_image_url

pytestmark = pytest.mark.django_db


def fetch(image, client: Client | None = None, url: str | None = None):
    response = (client or Client()).get(url or original_image_url(image))
    # Read to the end: the test client then closes the file as a server would.
    response.body = b"".join(response.streaming_content) if response.streaming else b""
    return response


def test_a_lead_image_is_served_while_its_article_is_public(site_tree):
    image = factories.make_image("Ảnh bài nháp")
    article = site_tree.article("Tin có ảnh", lead_image=image, live=False)
    url = original_image_url(image)
    assert url == f"/images/{image.pk}/{image.file.name.removeprefix('original_images/')}"
    assert fetch(image).status_code == 404
    factories.publish(article)
    response = fetch(image)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-cache" in response["Cache-Control"]
    with image.file.open("rb") as handle:
        assert response.body == handle.read()
    article.refresh_from_db()
    article.unpublish()
    assert fetch(image).status_code == 404


def test_an_image_embedded_in_a_body_is_served_and_an_unused_one_is_not(site_tree):
    embedded, unused = factories.make_image("Trong bài"), factories.make_image("Chưa dùng")
    embed = f'<embed embedtype="image" id="{embedded.pk}" format="fullwidth" alt=""/>'
    site_tree.article("Tin có ảnh trong bài", body=[("paragraph", f"<p>Ảnh</p>{embed}")])
    assert fetch(embedded).status_code == 200
    assert fetch(unused).status_code == 404


def test_a_private_pages_image_is_not_served(site_tree):
    image = factories.make_image()
    article = site_tree.article("Tin riêng", lead_image=image)
    assert fetch(image).status_code == 200
    factories.restrict(article)
    assert fetch(image).status_code == 404


def test_another_file_name_or_an_unknown_id_is_not_found(site_tree):
    image = factories.make_image()
    site_tree.article("Tin có ảnh", lead_image=image)
    assert fetch(image, url=f"/images/{image.pk}/khac.png").status_code == 404
    assert fetch(image, url=f"/images/{image.pk + 1000}/anh.png").status_code == 404
    assert Client().post(original_image_url(image)).status_code == 405


def test_editors_who_may_change_or_choose_the_image_get_it(site_tree):
    image = factories.make_image("Ảnh chưa dùng")
    superuser = Client()
    superuser.force_login(factories.make_user("admin", is_superuser=True))
    assert fetch(image, superuser).status_code == 200
    moderator = factories.make_user("bbt.anh")
    group = moderator.groups.create(name="Ban biên tập ảnh")
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=collection_permission(type(image), "choose"),
    )
    chooser = Client()
    chooser.force_login(moderator)
    assert fetch(image, chooser).status_code == 200
    stranger = Client()
    stranger.force_login(factories.make_user("nguoi.la"))
    assert fetch(image, stranger).status_code == 404
