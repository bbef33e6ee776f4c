"""Feeds of the lists: the publication of a unit's list and every change to it, parsed back."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest

from tests.elections.world import model
from tests.feeds.conftest import parse
from tests.qr.scan import decode_png, decode_svg

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit(world):
    unit = world.unit(world.assembly, 1, seats=2)
    for name in ["Trần Văn Đạt", "Lê Thị Ánh", "Vũ Văn Ân"]:
        world.candidate(unit, name)
    return unit


def withdraw(page, day=date(2021, 5, 10), reason="Xin rút theo nguyện vọng cá nhân"):
    page = model("Candidate").objects.get(pk=page.pk)
    page.status = "withdrawn"
    page.status_changed_on = day
    page.status_reason = reason
    page.save_revision().publish()
    return page


def test_election_feed_announces_the_list_and_a_withdrawal(client, world, unit):
    feed = parse(client, world.index.url + "feed/atom/")
    (entry,) = feed.entries
    assert entry.id == f"tag:testserver,2021-05-03:unit-list/{unit.pk}"
    assert entry.title == "Danh sách chính thức những người ứng cử: Đơn vị bầu cử số 1, Quốc hội"
    assert entry.link == unit.full_url
    content = entry.content[0].value
    assert content.index("Lê Thị Ánh") < content.index("Vũ Văn Ân") < content.index("Trần Văn")
    before = entry.updated_parsed

    anh = withdraw(unit.get_children().get(title="Lê Thị Ánh"))
    feed = parse(client, world.index.url + "feed/atom/")  # the next request
    change, listing = feed.entries
    assert change.id == f"tag:testserver,2021-05-10:candidate-status/{anh.pk}/withdrawn/2021-05-10"
    assert "Lê Thị Ánh" in change.title and "rút" in change.title
    assert "10/05/2021" in change.summary and "nguyện vọng cá nhân" in change.summary
    assert change.link == anh.full_url
    assert listing.id == entry.id  # the same item, updated
    assert "Lê Thị Ánh" not in listing.content[0].value
    assert listing.updated_parsed >= before


def test_every_format_and_the_unit_feed(client, world, unit):
    other = world.unit(world.council, 4)
    world.candidate(other, "Hoàng Thị Chi")
    rss = parse(client, world.index.url + "feed/rss/")
    assert len(rss.entries) == 2
    own = parse(client, unit.url + "feed/rss/")
    assert [e.link for e in own.entries] == [unit.full_url]
    data = parse(client, unit.url + "feed/json/")
    assert data["items"][0]["id"] == f"tag:testserver,2021-05-03:unit-list/{unit.pk}"
    archive = parse(client, world.index.url + "feed/atom/archive/2021-05/")
    assert len(archive.entries) == 2
    assert client.get(world.index.url + "feed/atom/archive/2020-01/").status_code == 404


def test_unit_page_announces_its_feeds(client, world, unit):
    tree = lxml.html.fromstring(client.get(unit.url).content.decode())
    hrefs = [link.get("href") for link in tree.xpath('//link[@rel="alternate"]')]
    assert unit.full_url + "feed/rss/" in hrefs
    assert world.index.full_url + "feed/atom/" in hrefs


def test_draft_and_private_candidates_stay_out_of_the_feed(client, world, unit):
    world.candidate(unit, "Ngô Văn Nháp", live=False)
    draft_withdrawn = world.candidate(unit, "Phan Văn Ẩn")
    withdrawn = withdraw(draft_withdrawn)
    withdrawn.unpublish()
    text = client.get(world.index.url + "feed/rss/").content.decode()
    assert "Ngô Văn Nháp" not in text and "Phan Văn Ẩn" not in text


@pytest.mark.parametrize("kind", ["unit", "candidate"])
def test_qr_codes_and_short_links(client, world, unit, kind):
    page = unit if kind == "unit" else unit.get_children().first().specific
    assert decode_svg(client.get(page.url + "qr.svg").content) == page.full_url
    assert decode_png(client.get(page.url + "qr.png").content) == page.full_url
    response = client.get(f"/p/{page.pk}/")
    assert response.status_code == 302 and response["Location"] == page.full_url
