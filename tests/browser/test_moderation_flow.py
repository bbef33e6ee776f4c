"""A contributor writes an article with an image and submits it; a moderator approves it; only
then is it public, with the contributor's agency as its source ("Nguồn tin")."""

from pathlib import Path

import pytest

import wagtail_baucu
from tests.agencies.world import PASSWORD, build_world
from wagtail_baucu.pages.mixins import NewsArticleMixin
from wagtail_baucu.pages.registry import page_model

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Sở Văn hóa và Thể thao ra quân cổ động bầu cử"
VI_CATALOG = Path(wagtail_baucu.__file__).parent / "locale/vi/LC_MESSAGES/django.mo"


def log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def test_contributor_submits_moderator_approves(live_server, new_page, site_tree):
    world = build_world(site_tree)
    space = world.space("SVHTT")
    world.image("SVHTT", "Ảnh cổ động Sở Văn hóa")
    base = live_server.url
    meta = page_model(NewsArticleMixin)._meta

    contributor = new_page()
    log_in(contributor, base, "svhtt.lan")
    contributor.goto(f"{base}/admin/pages/add/{meta.app_label}/{meta.model_name}/{space.pk}/")
    contributor.fill("#id_title", TITLE)
    contributor.fill("#id_lead", "Các đội thông tin lưu động đi khắp phường, xã.")
    contributor.click("#id_lead_image-chooser .unchosen [data-chooser-action-choose]")
    contributor.locator(".modal").get_by_text("Ảnh cổ động Sở Văn hóa").first.click()
    contributor.locator("#id_lead_image-chooser:not(.blank)").wait_for()
    submit = contributor.locator("footer button[name=action-submit]")
    if not submit.is_visible():
        contributor.click("footer [data-w-dropdown-target=toggle]")
    submit.click()
    contributor.wait_for_url(lambda url: "/add/" not in url)

    article = page_model(NewsArticleMixin).objects.get(title=TITLE)
    assert article.lead_image.title == "Ảnh cổ động Sở Văn hóa"
    assert article.workflow_in_progress and not article.live
    visitor = new_page()
    assert visitor.goto(f"{base}{article.url}").status == 404

    moderator = new_page()
    log_in(moderator, base, "bbt.thu")
    moderator.goto(f"{base}/admin/pages/{article.pk}/edit/")
    approve = moderator.locator(
        "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    if not approve.is_visible():
        moderator.click("footer [data-w-dropdown-target=toggle]")
    approve.click()
    moderator.wait_for_load_state("networkidle")

    article.refresh_from_db()
    assert article.live
    response = visitor.goto(f"{base}{article.url}")
    assert response.status == 200
    assert visitor.locator(".baucu-agency").inner_text() == "Sở Văn hóa và Thể thao"
    if VI_CATALOG.exists():
        assert "Nguồn tin" in visitor.content()
