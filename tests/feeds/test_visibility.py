"""Nothing that is not public ever appears in a feed or an archive, after every transition."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction, Workflow

from tests import factories
from tests.feeds.conftest import entry_links, feed_paths, fetch

pytestmark = pytest.mark.django_db


def archive_paths(portal):
    month = timezone.localtime().strftime("%Y-%m")
    return [f"/feed/{fmt}/archive/{month}/" for fmt in ("rss", "atom", "json")] + [
        f"/tin-tuc/feed/atom/archive/{month}/",
        f"/co-quan/ubbc/feed/rss/archive/{month}/",
    ]


def everywhere(client, portal) -> list[set[str]]:
    """The item links of every subscription feed and every archive of this month."""
    found = []
    for path in feed_paths(portal) + archive_paths(portal):
        response = client.get(path)
        # A 404 (no archive) or a private space's password form holds no items at all.
        if response.status_code == 200 and response["Content-Type"].startswith("application/"):
            found.append(entry_links(client, path))
    return found


def assert_nowhere(client, portal, page):
    url = page.get_full_url()
    for links in everywhere(client, portal):
        assert url not in links


def assert_everywhere_for_news(client, portal, page):
    url = page.get_full_url()
    for path in ("/feed/rss/", "/tin-tuc/feed/atom/", "/co-quan/ubbc/feed/json/"):
        assert url in entry_links(client, path), path


@pytest.fixture
def article(newsroom, agencies):
    return newsroom.article(
        "Bài sẽ thay đổi trạng thái",
        agency=agencies["UBBC"],
        categories=[newsroom.category],
    )


def test_a_draft_is_never_in_a_feed(newsroom, agencies, client):
    draft = newsroom.article("Bản nháp", agency=agencies["UBBC"], live=False)
    assert_nowhere(client, newsroom, draft)


def test_a_page_in_moderation_is_never_in_a_feed(newsroom, agencies, client):
    page = newsroom.article("Chờ duyệt", agency=agencies["UBBC"], live=False)
    editor = factories.make_user("bien-tap", is_superuser=True)
    workflow = Workflow.objects.filter(active=True).first()
    workflow.start(page, editor)
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert_nowhere(client, newsroom, page)


def test_changes_waiting_for_moderation_on_a_live_page_stay_out(article, newsroom, client):
    article.title = "Tiêu đề chưa duyệt"
    article.save_revision()
    atom = entry_links(client, "/feed/rss/")
    assert article.get_full_url() in atom
    from tests.feeds.conftest import parse

    titles = [entry.title for entry in parse(client, "/feed/rss/").entries]
    assert "Tiêu đề chưa duyệt" not in titles and "Bài sẽ thay đổi trạng thái" in titles


def test_unpublishing_removes_at_once_and_republishing_restores(article, newsroom, client):
    assert_everywhere_for_news(client, newsroom, article)
    article.unpublish()
    assert_nowhere(client, newsroom, article)
    factories.publish(article)
    assert_everywhere_for_news(client, newsroom, article)


def test_a_private_page_and_pages_under_a_private_parent_are_never_in_a_feed(
    article, newsroom, agencies, client
):
    assert_everywhere_for_news(client, newsroom, article)
    # Set from the admin's privacy dialog: no publish follows, the feeds change all the same.
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    assert_nowhere(client, newsroom, article)
    restriction.delete()
    assert_everywhere_for_news(client, newsroom, article)
    # A restriction on the agency's space hides what is under it.
    inside = newsroom.article("Trong không gian", agency=agencies["UBBC"], in_agency_space=True)
    PageViewRestriction.objects.create(
        page=newsroom.agency_pages["UBBC"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="bi-mat",
    )
    assert_nowhere(client, newsroom, inside)


def test_a_page_not_yet_live_is_never_in_a_feed(newsroom, agencies, client):
    page = newsroom.article("Hẹn giờ", agency=agencies["UBBC"], live=False)
    page.go_live_at = timezone.now() + timedelta(days=1)
    page.save_revision().publish()  # scheduled: stays a draft until go_live_at
    page.refresh_from_db()
    assert not page.live
    assert_nowhere(client, newsroom, page)


def test_an_expired_page_is_never_in_a_feed(article, newsroom, client):
    assert_everywhere_for_news(client, newsroom, article)
    type(article).objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    factories.publish(newsroom.first_article)  # something else published: feeds re-render
    assert_nowhere(client, newsroom, article)


def test_a_page_expiring_later_leaves_the_cached_feeds_when_it_expires(article, newsroom, client):
    soon = timezone.now() + timedelta(seconds=5)
    type(article).objects.filter(pk=article.pk).update(expire_at=soon)
    factories.publish(newsroom.first_article)  # feeds render with the expiry known
    url = article.get_full_url()
    assert url in entry_links(client, "/tin-tuc/feed/atom/")  # now cached, article included
    assert url in entry_links(client, "/tin-tuc/feed/atom/")
    while timezone.now() <= soon:
        time.sleep(0.2)
    # No event marks the expiry: the cached copies know when they go stale.
    assert_nowhere(client, newsroom, article)


def test_a_deleted_page_is_gone_at_once(article, newsroom, client):
    assert_everywhere_for_news(client, newsroom, article)
    url = article.get_full_url()
    article.delete()
    for links in everywhere(client, newsroom):
        assert url not in links


def test_documents_follow_the_same_rules(newsroom, client):
    document = newsroom.document("08/KH-UBBC")
    url = document.get_full_url()
    assert url in entry_links(client, "/van-ban-chi-dao/feed/rss/")
    assert url in entry_links(client, "/van-ban-chi-dao/loai/kh/feed/atom/")
    document.unpublish()
    assert url not in entry_links(client, "/van-ban-chi-dao/feed/rss/")
    assert url not in entry_links(client, "/van-ban-chi-dao/loai/kh/feed/atom/")
    assert url not in entry_links(client, "/feed/json/")


def test_a_password_protected_feed_read_with_the_password_stays_closed_to_others(newsroom, client):
    from django.test import Client

    # Read while public first: its URL is then known to the cache's fast path.
    assert fetch(client, "/tin-tuc/feed/atom/")
    restriction = PageViewRestriction.objects.create(
        page=newsroom.news_index, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    insider = Client()
    form = insider.get("/tin-tuc/feed/atom/")
    assert not form["Content-Type"].startswith("application/atom")
    insider.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{newsroom.news_index.pk}/",
        {"password": "bi-mat", "return_url": "/tin-tuc/feed/atom/"},
    )
    assert insider.get("/tin-tuc/feed/atom/")["Content-Type"].startswith("application/atom")
    # Someone without the password still gets the form, not the cached feed.
    assert not client.get("/tin-tuc/feed/atom/")["Content-Type"].startswith("application/atom")
