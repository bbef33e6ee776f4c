"""Item ids, corrections, the subscription size and RFC 5005 monthly archives."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings

from tests import factories
from tests.feeds.conftest import ATOM, body, entry_links, fetch, parse, xml

pytestmark = pytest.mark.django_db

FH = "{http://purl.org/syndication/history/1.0}"


def atom_entry(client, path, link):
    for entry in parse(client, path).entries:
        if entry.link == link:
            return entry
    raise AssertionError(f"{link} not in {path}")


def test_a_correction_keeps_the_id_and_moves_updated(newsroom, client):
    article = newsroom.first_article
    before = atom_entry(client, "/tin-tuc/feed/atom/", article.get_full_url())
    article.title = "Thông báo về ngày bầu cử (đã sửa)"
    factories.publish(article)
    after = atom_entry(client, "/tin-tuc/feed/atom/", article.get_full_url())
    assert after.id == before.id
    assert after.title.endswith("(đã sửa)")
    assert after.published_parsed == before.published_parsed
    assert after.updated_parsed > before.updated_parsed
    rss = parse(client, "/tin-tuc/feed/rss/").entries[0]
    assert rss.id == before.id and rss.updated_parsed > rss.published_parsed


def test_the_id_survives_renames_and_moves(newsroom, agencies, client):
    article = newsroom.first_article
    item_id = atom_entry(client, "/feed/atom/", article.get_full_url()).id
    article.slug = "ten-moi"
    factories.publish(article)
    assert atom_entry(client, "/feed/atom/", article.get_full_url()).id == item_id
    article.move(newsroom.agency_pages["UBBC"], pos="last-child")
    article.refresh_from_db()
    assert "/co-quan/ubbc/ten-moi/" in article.get_full_url()
    assert atom_entry(client, "/feed/atom/", article.get_full_url()).id == item_id


def test_ids_are_not_reused(newsroom, agencies, client):
    old = newsroom.article("Bài cũ", agency=agencies["UBBC"])
    old_id = atom_entry(client, "/feed/atom/", old.get_full_url()).id
    old.delete()
    new = newsroom.article("Bài cũ", agency=agencies["UBBC"])
    assert atom_entry(client, "/feed/atom/", new.get_full_url()).id != old_id


@override_settings(WAGTAIL_BAUCU={"FEED_SIZE": 3})
def test_the_subscription_feed_holds_the_newest_items(site_tree, agencies, client):
    for day in range(1, 6):
        site_tree.article(f"Ngày {day}", when=factories.local(2021, 4, day, 9, 0))
    titles = [entry.title for entry in parse(client, "/tin-tuc/feed/atom/").entries]
    assert titles == ["Ngày 5", "Ngày 4", "Ngày 3"]


@pytest.fixture
def history(site_tree, agencies):
    for month, count in ((3, 2), (4, 3), (6, 1)):
        for day in range(1, count + 1):
            site_tree.article(
                f"Tháng {month} ngày {day}",
                agency=agencies["UBBC"],
                when=factories.local(2021, month, day, 9, 0),
            )
    # 03:00 on June 1st in Vietnam is still May 31st in UTC: archives follow local time.
    site_tree.article("Sáng 1/6", when=factories.local(2021, 6, 1, 3, 0))
    return site_tree


def links(root):
    return {ln.get("rel"): ln.get("href") for ln in root.findall(f"{ATOM}link")}


def test_monthly_archives_link_the_whole_history(history, client):
    current = xml(client, "/tin-tuc/feed/atom/")
    assert current.find(f"{FH}archive") is None
    assert links(current)["prev-archive"] == "http://testserver/tin-tuc/feed/atom/archive/2021-06/"

    june = xml(client, "/tin-tuc/feed/atom/archive/2021-06/")
    assert june.find(f"{FH}archive") is not None
    assert links(june)["current"] == "http://testserver/tin-tuc/feed/atom/"
    assert links(june)["self"] == "http://testserver/tin-tuc/feed/atom/archive/2021-06/"
    assert links(june)["prev-archive"].endswith("/archive/2021-04/")  # May had nothing
    assert "next-archive" not in links(june)

    april = parse(client, "/tin-tuc/feed/atom/archive/2021-04/")
    assert sorted(e.title for e in april.entries) == sorted(
        ["Tháng 4 ngày 1", "Tháng 4 ngày 2", "Tháng 4 ngày 3"]
    )
    june_titles = {e.title for e in parse(client, "/tin-tuc/feed/atom/archive/2021-06/").entries}
    assert june_titles == {"Tháng 6 ngày 1", "Sáng 1/6"}
    april_links = links(xml(client, "/tin-tuc/feed/atom/archive/2021-04/"))
    assert april_links["prev-archive"].endswith("/archive/2021-03/")
    assert april_links["next-archive"].endswith("/archive/2021-06/")
    march_links = links(xml(client, "/tin-tuc/feed/atom/archive/2021-03/"))
    assert "prev-archive" not in march_links
    assert client.get("/tin-tuc/feed/atom/archive/2021-05/").status_code == 404


def test_walking_prev_archive_finds_every_item(history, client):
    seen, path = set(), "/tin-tuc/feed/atom/"
    while path:
        root = xml(client, path)
        seen |= {e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")}
        href = links(root).get("prev-archive")
        path = href.replace("http://testserver", "") if href else None
    assert len(seen) == 7


def test_archives_in_rss_and_json(history, client):
    rss = xml(client, "/tin-tuc/feed/rss/archive/2021-04/")
    channel = rss.find("channel")
    assert channel.find(f"{FH}archive") is not None
    rels = {ln.get("rel") for ln in channel.findall(f"{ATOM}link")}
    assert {"self", "current", "prev-archive", "next-archive"} <= rels
    data = json.loads(body(fetch(client, "/tin-tuc/feed/json/archive/2021-04/")))
    assert data["next_url"].endswith("/tin-tuc/feed/json/archive/2021-03/")
    assert len(data["items"]) == 3


def test_finished_months_are_cached_long(history, client):
    archive = fetch(client, "/tin-tuc/feed/atom/archive/2021-04/")
    assert "max-age=604800" in archive["Cache-Control"]
    live = fetch(client, "/tin-tuc/feed/atom/")
    assert "max-age=300" in live["Cache-Control"]


def test_archives_never_show_what_is_not_public(history, client):
    page = history.article("Sẽ gỡ", when=factories.local(2021, 4, 15, 9, 0))
    assert page.get_full_url() in entry_links(client, "/tin-tuc/feed/atom/archive/2021-04/")
    page.unpublish()
    assert page.get_full_url() not in entry_links(client, "/tin-tuc/feed/atom/archive/2021-04/")
