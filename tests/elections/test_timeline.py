"""The election's timeline: the law's proposals (table-tested), where the election stands, the
portal home, the calendar file and the API, through HTTP."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail_baucu.elections.checks import timeline_calendar_routed
from wagtail_baucu.elections.milestones import (
    LAW_2015,
    LAW_2025,
    law_for,
    propose_milestones,
)
from wagtail_baucu.elections.models import Milestone
from wagtail_baucu.elections.timeline.proposals import fill_timeline
from wagtail_baucu.elections.timeline.service import local_today
from wagtail_baucu.elections.timeline.state import milestone_status, timeline_state

ICS = "/lich-bau-cu.ics"
D = datetime.date


@pytest.mark.parametrize(
    ("law", "election_day", "key", "starts_on", "ends_on", "article"),
    [
        (LAW_2015, D(2021, 5, 23), "announce_election_day", D(2021, 1, 28), None, "Điều 5 "),
        (LAW_2015, D(2021, 5, 23), "election_committees", D(2021, 2, 7), None, "Điều 22 Luật"),
        (LAW_2015, D(2021, 5, 23), "official_candidate_lists", D(2021, 5, 3), None, "Điều 57"),
        (LAW_2015, D(2021, 5, 23), "complaints_closed", D(2021, 5, 13), D(2021, 5, 22), "Điều 61"),
        (LAW_2015, D(2021, 5, 23), "election_day", D(2021, 5, 23), None, "Điều 5 "),
        (LAW_2025, D(2026, 3, 15), "election_committees", D(2025, 11, 30), None, "83/2025/QH15"),
        (LAW_2025, D(2026, 3, 15), "official_candidate_lists", D(2026, 2, 23), None, "Điều 57"),
        (LAW_2025, D(2026, 3, 15), "complaints_closed", D(2026, 3, 5), D(2026, 3, 14), "Điều 61"),
    ],
)
def test_proposals_follow_the_law(law, election_day, key, starts_on, ends_on, article):
    found = {m.key: m for m in propose_milestones(election_day, law)}[key]
    assert (found.starts_on, found.ends_on) == (starts_on, ends_on)
    assert article in found.legal_basis
    assert ("83/2025/QH15" in found.legal_basis) == (law == LAW_2025)


def test_proposals_are_in_date_order_and_only_for_known_laws():
    proposed = propose_milestones(D(2026, 3, 15), LAW_2025)
    assert [m.starts_on for m in proposed] == sorted(m.starts_on for m in proposed)
    assert proposed[-1].key == "election_day"
    with pytest.raises(ValueError):
        propose_milestones(D(2026, 3, 15), "1997")
    assert law_for(D(2021, 5, 23)) == LAW_2015
    assert law_for(D(2026, 3, 15)) == LAW_2025


class M:
    def __init__(self, starts_on, ends_on=None, done=False):
        self.starts_on, self.ends_on, self.done = starts_on, ends_on, done


@pytest.mark.parametrize(
    ("today", "days_left", "next_index", "statuses"),
    [
        (D(2021, 5, 1), 22, 1, ["done", "future", "future"]),
        (D(2021, 5, 13), 10, 1, ["done", "current", "future"]),
        (D(2021, 5, 22), 1, 1, ["done", "current", "future"]),
        (D(2021, 5, 23), 0, 2, ["done", "past", "current"]),
        (D(2021, 5, 24), -1, None, ["done", "past", "past"]),
    ],
)
def test_where_the_election_stands(today, days_left, next_index, statuses):
    milestones = [
        M(D(2021, 5, 3), done=True),
        M(D(2021, 5, 13), D(2021, 5, 22)),
        M(D(2021, 5, 23)),
    ]
    state = timeline_state(milestones, D(2021, 5, 23), today)
    assert state.days_left == days_left
    expected = milestones[next_index] if next_index is not None else None
    assert state.next_milestone is expected
    assert [milestone_status(m, today) for m in milestones] == statuses


@pytest.fixture
def upcoming(world):
    """The election moved 30 days ahead of today (Vietnam time), its timeline proposed."""
    election = world.election
    election.election_day = local_today() + datetime.timedelta(days=30)
    election.save()
    fill_timeline(election, LAW_2025)
    return world


@pytest.mark.django_db
def test_fill_timeline_is_idempotent_and_keeps_editors_work(world):
    call_command("baucu_propose_milestones", "--election", str(world.election.pk))
    count = world.election.milestones.count()
    assert count == 5
    first = world.election.milestones.order_by("sort_order").first()
    first.name = "Đã sửa"
    first.save()
    call_command("baucu_propose_milestones", "--election", str(world.election.pk))
    assert world.election.milestones.count() == count
    assert world.election.milestones.filter(name="Đã sửa").exists()


@pytest.mark.django_db
def test_home_shows_the_countdown_and_next_milestone_without_javascript(client, upcoming):
    html = client.get("/").content.decode()
    assert "Còn 30 ngày đến ngày bầu cử" in html
    assert 'class="baucu-next-milestone"' in html
    # The next milestone: official candidate lists, 20 days before, with its weekday.
    day = local_today() + datetime.timedelta(days=10)
    weekday = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
    expected = f"{weekday[day.weekday()]}, {day:%d/%m/%Y}"
    next_block = html.split('class="baucu-next-milestone"')[1].split("</p>")[0]
    assert "danh sách chính thức" in next_block and expected in next_block
    assert "khoản 7 Điều 57" in html
    assert "<script" not in html.split('class="baucu-timeline"')[1].split("</section>")[0]
    assert 'href="/lich-bau-cu.ics"' in html


@pytest.mark.django_db
def test_the_timeline_costs_the_home_the_same_queries_however_many_milestones(client, upcoming):
    def home_queries() -> int:
        client.get("/")  # warm the caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/").status_code == 200
        return len(captured)

    with_five = home_queries()
    for n in range(10):
        Milestone.objects.create(
            election=upcoming.election, name=f"Mốc {n}", starts_on=local_today(), sort_order=10 + n
        )
    assert home_queries() == with_five


@pytest.mark.django_db
def test_home_without_election_has_no_timeline(client, site_tree):
    assert 'class="baucu-timeline"' not in client.get("/").content.decode()


@pytest.mark.django_db
def test_calendar_file_parses_with_stable_uids(client, upcoming):
    first = client.get(ICS)
    assert first.status_code == 200
    assert first["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(first.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 5
    for event in events:
        assert event["DTSTAMP"].dt.tzinfo is not None
        assert isinstance(event["DTSTART"].dt, datetime.date)
        assert not isinstance(event["DTSTART"].dt, datetime.datetime)  # all-day
        assert event["UID"].endswith("@testserver")
    complaints = next(e for e in events if "khiếu nại" in str(e["SUMMARY"]))
    day = local_today() + datetime.timedelta(days=30)
    assert complaints["DTSTART"].dt == day - datetime.timedelta(days=10)
    # RFC 5545: DTEND of an all-day event is the day after the last one.
    assert complaints["DTEND"].dt == day

    # A time: a moment in Asia/Ho_Chi_Minh, with the zone's VTIMEZONE.
    milestone = upcoming.election.milestones.get(key="election_day")
    milestone.at_time = datetime.time(7, 0)
    milestone.save()
    second = client.get(ICS)
    assert second.content != first.content
    calendar = icalendar.Calendar.from_ical(second.content)
    assert b"DTSTART;TZID=Asia/Ho_Chi_Minh:" in second.content
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Asia/Ho_Chi_Minh"
    voting = next(
        e for e in calendar.walk("VEVENT") if e["UID"].startswith(f"milestone-{milestone.pk}@")
    )
    assert voting["DTSTART"].dt == datetime.datetime.combine(
        day, datetime.time(7), tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")
    )
    assert {str(e["UID"]) for e in events} == {str(e["UID"]) for e in calendar.walk("VEVENT")}


@pytest.mark.django_db
def test_calendar_etag_304_and_cache_renewed_on_edit(
    client, upcoming, django_assert_max_num_queries
):
    first = client.get(ICS)
    etag = first["ETag"]
    again = client.get(ICS, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    # Cached under the generation tokens: a repeat is the token query (and the site's).
    with django_assert_max_num_queries(2):
        assert client.get(ICS).content == first.content
    Milestone.objects.filter(election=upcoming.election).first().delete()
    changed = client.get(ICS, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert len(icalendar.Calendar.from_ical(changed.content).walk("VEVENT")) == 4


@pytest.mark.django_db
def test_calendar_of_an_unpublished_portal_is_404(client, upcoming, site_tree):
    assert client.get(ICS).status_code == 200
    site_tree.portal.unpublish()
    assert client.get(ICS).status_code == 404
    assert client.get("/khong-co/lich-bau-cu.ics").status_code == 404
    assert client.post(ICS).status_code == 405


@pytest.mark.django_db
def test_timeline_in_the_api(client, upcoming, site_tree):
    response = client.get("/api/v2/timeline/")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [i["name"] for i in items][-1] == "Ngày bầu cử"
    assert items[0]["election"]["calendar_url"] == "http://testserver/lich-bau-cu.ics"
    assert {i["status"] for i in items} <= {"future", "past", "done", "current"}
    filtered = client.get(f"/api/v2/timeline/?election={upcoming.election.pk}&done=false")
    assert filtered.json()["meta"]["total_count"] == 5
    assert client.get("/api/v2/timeline/?election=abc").status_code == 400
    assert client.get("/api/v2/timeline/?colour=red").status_code == 400
    site_tree.portal.unpublish()
    assert client.get("/api/v2/timeline/").json()["meta"]["total_count"] == 0


def test_local_today_is_vietnam_time():
    assert local_today() == timezone.now().astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).date()


def test_check_warns_when_the_calendar_is_not_routed(settings):
    assert timeline_calendar_routed() == []
    settings.ROOT_URLCONF = "wagtail_baucu.urls"
    assert [message.id for message in timeline_calendar_routed()] == ["wagtail_baucu.W040"]
