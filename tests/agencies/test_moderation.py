"""Moderation through the admin: moderators are e-mailed, rejection returns the comment to the
contributor, a go-live date waits for approval."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.agencies.world import World, add_article_url, article_form, build_world
from wagtail_baucu.pages.mixins import NewsArticleMixin
from wagtail_baucu.pages.registry import page_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(site_tree, settings) -> World:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return build_world(site_tree)


def submit_new_article(world: World, title: str, **fields):
    """The contributor svhtt.lan writes an article in the admin and submits it."""
    data = article_form(title=title, **{"action-submit": "1"}, **fields)
    response = world.client("svhtt.lan").post(add_article_url(world.space("SVHTT")), data)
    assert response.status_code == 302
    return page_model(NewsArticleMixin).objects.get(title=title)


def act(world: World, username: str, page, action: str, comment: str = ""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    assert world.client(username).post(url, {"comment": comment}).status_code == 302
    page.refresh_from_db()


def test_submission_emails_the_moderators(world):
    mail.outbox.clear()
    page = submit_new_article(world, "Lịch phát thanh về bầu cử")
    assert page.workflow_in_progress and not page.live
    to_moderator = [m for m in mail.outbox if "bbt.thu@example.invalid" in m.to]
    assert to_moderator, [m.to for m in mail.outbox]
    assert "Lịch phát thanh về bầu cử" in to_moderator[0].subject + to_moderator[0].body
    assert not [m for m in mail.outbox if "svhtt.minh@example.invalid" in m.to]


def test_rejection_returns_the_comment_to_the_contributor(world):
    page = submit_new_article(world, "Tin cần sửa")
    mail.outbox.clear()
    act(world, "bbt.thu", page, "reject", "Cần ghi rõ nguồn ảnh.")
    assert not page.live
    assert page.current_workflow_state.status == "needs_changes"
    to_author = [m for m in mail.outbox if m.to == ["svhtt.lan@example.invalid"]]
    assert to_author and "Cần ghi rõ nguồn ảnh." in to_author[0].body
    # Back with the contributor: edit and submit again.
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = article_form(page, lead="Ảnh: Sở Văn hóa và Thể thao.", **{"action-submit": "1"})
    world.client("svhtt.lan").post(edit_url, data)
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"


def test_approval_publishes(world):
    page = submit_new_article(world, "Tin được duyệt")
    act(world, "bbt.thu", page, "approve")
    assert page.live and page.agency.code == "SVHTT"


@pytest.mark.parametrize("hours", [-1, 2])
def test_go_live_date_waits_for_approval(world, hours):
    go_live = (timezone.now() + timedelta(hours=hours)).replace(second=0, microsecond=0)
    local = timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M")
    page = submit_new_article(world, "Tin hẹn giờ", go_live_at=local)
    assert page.get_latest_revision_as_object().go_live_at == go_live
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.scheduled_revision is None

    act(world, "bbt.thu", page, "approve")
    call_command("publish_scheduled")
    page = type(page).objects.get(pk=page.pk)
    if hours < 0:
        assert page.live
    else:
        assert not page.live
        assert page.scheduled_revision.approved_go_live_at == go_live
