"""A document's download URL answers anonymous visitors only while a public page uses it, and
always answers the editors who may change or choose it: through HTTP, after Wagtail's own
publish, unpublish and revisions."""

from __future__ import annotations

import pytest
from django.core import checks
from django.test import Client, override_settings
from wagtail.models import Collection, GroupCollectionPermission
from wagtail.permission_policies.collections import CollectionPermissionPolicy

from tests import factories
from wagtail_baucu.agencies.permissions import collection_permission
from wagtail_baucu.checks import check_document_serving

pytestmark = pytest.mark.django_db


def status(document, client: Client | None = None) -> int:
    return (client or Client()).get(document.url).status_code


def body_with(document) -> list:
    return [("document", {"document": document, "title": ""})]


def test_a_drafts_file_is_hidden_until_published_then_hidden_again_when_withdrawn(site_tree):
    document = factories.make_file()
    page = site_tree.document("34/UBBC-TCTTT", file=document, live=False)
    assert document.url.startswith("/documents/")
    assert status(document) == 404
    factories.publish(page)
    assert status(document) == 200
    page.refresh_from_db()
    page.unpublish()
    assert status(document) == 404


def test_a_file_no_page_uses_is_not_found(site_tree):
    assert status(factories.make_file("Tệp chưa dùng")) == 404


def test_a_file_in_a_body_block_or_a_rich_text_link_of_a_live_article_is_served(site_tree):
    in_block, in_link = factories.make_file("Trong khối"), factories.make_file("Trong liên kết")
    link = f'<p>Xem <a linktype="document" id="{in_link.pk}">tệp</a></p>'
    site_tree.article("Tin có tệp", body=[*body_with(in_block), ("paragraph", link)])
    assert status(in_block) == 200
    assert status(in_link) == 200


def test_a_file_added_only_in_a_newer_draft_waits_for_publication(site_tree):
    document = factories.make_file("Tệp của bản nháp")
    article = site_tree.article("Tin đã đăng")
    draft = article.get_latest_revision_as_object()
    draft.body = body_with(document)
    revision = draft.save_revision()
    assert status(document) == 404
    revision.publish()
    assert status(document) == 200


def test_a_file_of_a_private_page_is_not_served(site_tree):
    document = factories.make_file()
    page = site_tree.document("34/UBBC-TCTTT", file=document)
    factories.restrict(page)
    assert status(document) == 404


def test_editors_who_may_change_or_choose_the_file_still_download_it(site_tree):
    document = factories.make_file("Tệp chưa dùng")
    superuser = Client()
    superuser.force_login(factories.make_user("admin", is_superuser=True))
    assert status(document, superuser) == 200
    moderator = factories.make_user("bbt.thu")
    group = moderator.groups.create(name="Ban biên tập thử")
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=collection_permission(type(document), "choose"),
    )
    client = Client()
    client.force_login(moderator)
    assert CollectionPermissionPolicy(type(document)).user_has_permission(moderator, "choose")
    assert status(document, client) == 200
    stranger = Client()
    stranger.force_login(factories.make_user("nguoi.la"))
    assert status(document, stranger) == 404


@pytest.mark.parametrize("method", ["direct", "redirect", None])
def test_manage_py_check_warns_when_files_could_be_served_another_way(method):
    with override_settings(WAGTAILDOCS_SERVE_METHOD=method):
        warnings = check_document_serving(None)
    assert [w.id for w in warnings] == ["wagtail_baucu.W001"]
    assert 'WAGTAILDOCS_SERVE_METHOD = "serve_view"' in warnings[0].hint
    assert isinstance(warnings[0], checks.Warning)


def test_manage_py_check_is_quiet_with_serve_view():
    with override_settings(WAGTAILDOCS_SERVE_METHOD="serve_view"):
        assert check_document_serving(None) == []
