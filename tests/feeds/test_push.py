"""Freshness: cache invalidation on every change, across processes, and WebSub pings."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs

import django
import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from tests import factories
from tests.feeds.conftest import ATOM, entry_links, fetch, parse, xml
from tests.shared_cache import redis_available, redis_cache, renew_connections

pytestmark = pytest.mark.django_db


class Hub:
    """A WebSub hub on localhost that records the pings it receives."""

    def __init__(self, delay: float = 0.0, port: int = 0):
        self.pings: list[str] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                data = parse_qs(self.rfile.read(length).decode())
                assert data["hub.mode"] == ["publish"]
                time.sleep(delay)
                hub.pings += data["hub.url"]
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", port), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hub():
    running = Hub()
    yield running
    running.close()


def test_feeds_name_the_hub(newsroom, client, hub):
    with override_settings(WAGTAIL_BAUCU={"WEBSUB_HUB": hub.url}):
        atom = xml(client, "/tin-tuc/feed/atom/")
        rss = xml(client, "/tin-tuc/feed/rss/")
        data = parse(client, "/tin-tuc/feed/json/")
    assert {ln.get("rel"): ln.get("href") for ln in atom.findall(f"{ATOM}link")}["hub"] == hub.url
    rss_links = {ln.get("rel"): ln.get("href") for ln in rss.find("channel").findall(f"{ATOM}link")}
    assert rss_links["hub"] == hub.url
    assert rss_links["self"] == "http://testserver/tin-tuc/feed/rss/"
    assert data["hubs"] == [{"type": "WebSub", "url": hub.url}]


def test_publishing_and_unpublishing_ping_every_affected_feed(
    newsroom, agencies, hub, django_capture_on_commit_callbacks
):
    with override_settings(WAGTAIL_BAUCU={"WEBSUB_HUB": hub.url}):
        with django_capture_on_commit_callbacks(execute=True):
            article = newsroom.article(
                "Tin mới", agency=agencies["UBBC"], categories=[newsroom.category]
            )
        expected = {
            f"http://testserver{base}feed/{fmt}/"
            for base in ("/", "/tin-tuc/", "/tin-tuc/chuyen-muc/tuyen-truyen/", "/co-quan/ubbc/")
            for fmt in ("rss", "atom", "json")
        }
        assert expected <= set(hub.pings)
        assert not any("van-ban-chi-dao" in url for url in hub.pings)
        hub.pings.clear()
        with django_capture_on_commit_callbacks(execute=True):
            article.unpublish()
        assert expected <= set(hub.pings)


def news_feeds(host: str, *bases: str) -> set[str]:
    return {f"http://{host}{base}feed/{fmt}/" for base in bases for fmt in ("rss", "atom", "json")}


def test_deleting_a_live_article_pings_its_feeds(
    newsroom, agencies, hub, django_capture_on_commit_callbacks
):
    article = newsroom.article("Tin sẽ xóa", agency=agencies["UBBC"])
    with override_settings(WAGTAIL_BAUCU={"WEBSUB_HUB": hub.url}):
        with django_capture_on_commit_callbacks(execute=True):
            article.delete()
    assert news_feeds("testserver", "/", "/tin-tuc/", "/co-quan/ubbc/") <= set(hub.pings)


def test_moving_a_live_article_to_another_portal_pings_the_feeds_of_both(
    newsroom, agencies, hub, django_capture_on_commit_callbacks
):
    other = factories.make_portal(hostname="khac.example", slug="bau-cu-khac")
    article = newsroom.article("Tin chuyển cổng")
    with override_settings(WAGTAIL_BAUCU={"WEBSUB_HUB": hub.url}):
        with django_capture_on_commit_callbacks(execute=True):
            article.move(other.news_index, pos="last-child")
    assert news_feeds("testserver", "/", "/tin-tuc/") <= set(hub.pings)
    assert news_feeds("khac.example", "/", "/tin-tuc/") <= set(hub.pings)
    assert len(hub.pings) == len(set(hub.pings))  # each feed told once


def test_a_hub_that_is_down_never_blocks_or_fails_publishing(
    newsroom, agencies, django_capture_on_commit_callbacks
):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        down = f"http://127.0.0.1:{unused.getsockname()[1]}/"
    with override_settings(WAGTAIL_BAUCU={"WEBSUB_HUB": down}):
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            article = newsroom.article("Hub hỏng", agency=agencies["UBBC"])
        assert time.monotonic() - started < 5
    assert article.live


def test_a_slow_hub_costs_one_short_timeout(newsroom, agencies, django_capture_on_commit_callbacks):
    slow = Hub(delay=3)
    try:
        settings = {"WEBSUB_HUB": slow.url, "WEBSUB_TIMEOUT": 0.5}
        with override_settings(WAGTAIL_BAUCU=settings):
            started = time.monotonic()
            with django_capture_on_commit_callbacks(execute=True):
                article = newsroom.article("Hub chậm", agency=agencies["UBBC"])
            assert time.monotonic() - started < 2.5
        assert article.live
    finally:
        slow.close()


def test_the_next_request_after_a_publish_shows_it(newsroom, agencies, client):
    before = entry_links(client, "/feed/atom/")
    assert fetch(client, "/feed/atom/")  # now cached
    article = newsroom.article("Vừa đăng", agency=agencies["UBBC"], categories=[newsroom.category])
    for path in (
        "/feed/atom/",
        "/tin-tuc/feed/rss/",
        "/tin-tuc/chuyen-muc/tuyen-truyen/feed/json/",
        "/co-quan/ubbc/feed/atom/",
    ):
        assert article.get_full_url() in entry_links(client, path), path
    assert article.get_full_url() not in before


def test_agency_and_category_changes_renew_the_feeds(newsroom, agencies, client):
    parse(client, "/feed/atom/")
    agency = agencies["UBBC"]
    agency.name = "Ủy ban bầu cử thành phố Hải Phòng"
    agency.save()
    authors = {entry.author for entry in parse(client, "/feed/atom/").entries}
    assert "Ủy ban bầu cử thành phố Hải Phòng" in authors
    newsroom.category.name = "Thông tin tuyên truyền"
    newsroom.category.save()
    entry = parse(client, "/tin-tuc/feed/atom/").entries[0]
    assert entry.tags[0].label == "Thông tin tuyên truyền"


def test_moving_a_page_renews_the_feeds(newsroom, agencies, client):
    article = newsroom.first_article
    assert article.get_full_url() in entry_links(client, "/feed/atom/")
    article.move(newsroom.agency_pages["UBBC"], pos="last-child")
    article.refresh_from_db()
    assert article.get_full_url() in entry_links(client, "/feed/atom/")


@pytest.mark.skipif(not redis_available(), reason="no Redis on localhost")
def test_invalidation_lives_in_the_shared_cache_not_in_the_process(newsroom, agencies, client):
    with override_settings(CACHES=redis_cache("baucu-feeds-test")):
        try:
            first = fetch(client, "/tin-tuc/feed/atom/")["ETag"]
            # A fresh connection, as another worker process would have, sees the same feed.
            renew_connections()
            assert fetch(client, "/tin-tuc/feed/atom/")["ETag"] == first
            article = newsroom.article("Từ tiến trình khác", agency=agencies["UBBC"])
            renew_connections()
            assert article.get_full_url() in entry_links(client, "/tin-tuc/feed/atom/")
            assert fetch(client, "/tin-tuc/feed/atom/")["ETag"] != first
        finally:
            caches["default"].clear()
            renew_connections()


def test_republishing_with_no_change_keeps_the_etag_of_other_portals_feeds(
    newsroom, agencies, client
):
    # A different portal on another site keeps its cached bytes and ETag.
    other = factories.make_portal(hostname="khac.example", slug="bau-cu-khac")
    other.article("Tin cổng khác")
    etag = client.get("/tin-tuc/feed/atom/", HTTP_HOST="khac.example")["ETag"]
    newsroom.article("Tin cổng chính", agency=agencies["UBBC"])
    again = client.get("/tin-tuc/feed/atom/", HTTP_HOST="khac.example")
    assert again["ETag"] == etag


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DEFERRED_TASKS = pytest.mark.skipif(
    django.VERSION >= (6, 0),
    reason="django-tasks-db refuses Django 6's own django.tasks tasks, which Wagtail enqueues",
)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def pings_queued(**filters):
    from django_tasks_db.models import DBTaskResult

    # Wagtail queues tasks of its own (search and reference indexes): only ours are counted.
    return DBTaskResult.objects.filter(task_path__endswith=".ping_hub_task", **filters)


def unused_port() -> int:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        return unused.getsockname()[1]


# The worker closes its database connection as a real one does: no test transaction around it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("tree_roots")
@DEFERRED_TASKS
def test_with_the_database_backend_publishing_only_queues_the_pings_and_the_worker_retries(
    newsroom, agencies, django_capture_on_commit_callbacks
):
    port = unused_port()
    settings = {"WEBSUB_HUB": f"http://127.0.0.1:{port}/", "WEBSUB_RETRY_DELAY": 60}
    with override_settings(TASKS=DATABASE_TASKS, WAGTAIL_BAUCU=settings):
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            newsroom.article("Hub chưa chạy", agency=agencies["UBBC"])
        assert time.monotonic() - started < 2  # no network at all: a row was written
        assert pings_queued().count() == 1
        run_worker()  # the hub is down: the attempt ends and the next one is queued, later
        retry = pings_queued(status="READY").get()
        assert 50 < (retry.run_after - timezone.now()).total_seconds() <= 60
        pings_queued(status="READY").update(run_after=timezone.now())  # a minute passes
        up = Hub(port=port)  # the hub comes up: the queued attempt delivers every feed
        try:
            run_worker()
            assert news_feeds("testserver", "/tin-tuc/") <= set(up.pings)
        finally:
            up.close()
        assert not pings_queued(status="READY").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("tree_roots")
@DEFERRED_TASKS
def test_retries_are_bounded(newsroom, agencies, django_capture_on_commit_callbacks):
    hub = f"http://127.0.0.1:{unused_port()}/"
    settings = {"WEBSUB_HUB": hub, "WEBSUB_RETRY_DELAY": 0, "WEBSUB_MAX_ATTEMPTS": 3}
    with override_settings(TASKS=DATABASE_TASKS, WAGTAIL_BAUCU=settings):
        with django_capture_on_commit_callbacks(execute=True):
            newsroom.article("Hub hỏng mãi", agency=agencies["UBBC"])
        for _ in range(5):
            run_worker()
        assert pings_queued().count() == 3
        assert not pings_queued(status="READY").exists()
