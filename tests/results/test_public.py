"""What voters and newsrooms see of results: the unit page, the candidates' pages, the overview
per body and the results feeds, each on the next request after a publication."""

import json
import time
from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import expire, restrict
from wagtail_baucu.agencies.onboarding import AgencyOnboarding
from wagtail_baucu.results.models import UnitResult
from wagtail_baucu.results.moderation import ensure_results_moderation

pytestmark = pytest.mark.django_db


def overview_url(world, body=None):
    body = body or world.unit.body
    return reverse("wagtail_baucu:results_overview", args=[world.elections.election.pk, body.code])


def feed_url(world, fmt="atom", unit=None):
    election, body = world.elections.election.pk, world.unit.body.code
    if unit is None:
        return reverse("wagtail_baucu:results_body_feed", args=[election, body, fmt])
    return reverse("wagtail_baucu:results_unit_feed", args=[election, body, unit.number, fmt])


def entries(client, url) -> list[dict]:
    """The items of a results feed, read by feedparser (JSON Feed as JSON): id, title, summary."""
    response = client.get(url)
    assert response.status_code == 200, url
    if "/json/" in url:
        return [
            {"id": i["id"], "title": i["title"], "summary": i.get("summary", "")}
            for i in json.loads(response.content)["items"]
        ]
    parsed = feedparser.parse(
        response.content, response_headers={"content-type": response["Content-Type"]}
    )
    assert not parsed.bozo, parsed.bozo_exception
    return [{"id": e.id, "title": e.title, "summary": e.summary} for e in parsed.entries]


def text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_unit_page_shows_the_result_and_the_winners(client, world):
    world.result(votes=(600, 500, 300))
    page = text(client, world.unit.url)
    assert 'id="ket-qua"' in page
    assert "83,33%" in page  # 1.000 of 1.200 voters
    assert page.count("Trúng cử") >= 2
    assert "Biên bản xác định kết quả bầu cử ngày 24/5/2021" in page


def test_candidates_pages_say_elected(client, world):
    world.result(votes=(600, 500, 300))
    an, binh, chi = world.candidates
    assert "Trúng cử" in text(client, an.url)
    assert "Trúng cử" in text(client, binh.url)
    assert "Trúng cử" not in text(client, chi.url)


def test_a_unit_below_half_turnout_votes_again(client, world):
    world.result(voters_who_voted=600, valid_ballots=590, invalid_ballots=10, votes=(500, 400, 50))
    page = text(client, world.unit.url)
    assert "bầu cử lại" in page and "Trúng cử" not in page
    assert "Trúng cử" not in text(client, world.candidates[0].url)


def test_overview_updates_on_the_next_request(client, world):
    other = world.elections.unit(world.elections.assembly, 2, seats=1)
    world.elections.candidate(other, "Phạm Văn Dũng")
    first = text(client, overview_url(world))
    assert "0 / 2" in first and "0 / 3" in first
    world.result()
    after = text(client, overview_url(world))
    assert "1 / 2" in after and "2 / 3" in after and "83,33%" in after
    assert "Nguyễn Văn An" in after and "Trần Thị Bình" in after


def test_the_index_page_links_the_overviews(client, world):
    page = text(client, world.elections.index.url)
    assert overview_url(world) in page
    assert overview_url(world, world.elections.council) in page


def test_a_correction_shows_its_history(client, world):
    result = world.result()
    world.correct(
        result,
        valid_ballots=985,
        invalid_ballots=15,
        note="Kiểm lại phiếu tại khu vực bỏ phiếu số 3.",
        reference="Quyết định 12/QĐ-UBBC ngày 26/5/2021",
    )
    page = text(client, world.unit.url)
    assert "Quyết định 12/QĐ-UBBC ngày 26/5/2021" in page
    assert "Kiểm lại phiếu tại khu vực bỏ phiếu số 3." in page
    assert "980 → 985" in page and "20 → 15" in page


@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
def test_results_feeds_have_each_publication(client, world, fmt):
    assert entries(client, feed_url(world, fmt)) == []
    result = world.result()
    found = entries(client, feed_url(world, fmt))
    assert [e["title"] for e in found] == ["Kết quả bầu cử: Đơn vị bầu cử số 1, Quốc hội"]
    assert "Trúng cử: Nguyễn Văn An, Trần Thị Bình." in found[0]["summary"]
    world.correct(
        result,
        note="Đính chính.",
        reference="Quyết định 12/QĐ-UBBC",
        valid_ballots=985,
        invalid_ballots=15,
    )
    for url in (feed_url(world, fmt), feed_url(world, fmt, world.unit)):
        found = entries(client, url)
        assert [e["title"] for e in found] == [
            "Đính chính kết quả bầu cử: Đơn vị bầu cử số 1, Quốc hội",
            "Kết quả bầu cử: Đơn vị bầu cử số 1, Quốc hội",
        ]
        assert len({e["id"] for e in found}) == 2


def unseen(client, world):
    """No trace of the result on any public surface."""
    assert 'id="ket-qua"' not in text(client, world.unit.url)
    assert "Trúng cử" not in text(client, world.candidates[0].url)
    assert "Nguyễn Văn An" not in text(client, overview_url(world))
    for fmt in ("rss", "atom", "json"):
        body = client.get(feed_url(world, fmt)).content.decode()
        assert "Nguyễn Văn An" not in body and "Kết quả bầu cử:" not in body


def test_a_draft_is_never_shown(client, world):
    world.result(publish=False)
    unseen(client, world)


def test_in_moderation_is_never_shown(client, world):
    result = world.result(publish=False)
    ensure_results_moderation()
    result.save_revision()
    AgencyOnboarding().workflow().start(result, user=None)
    assert UnitResult.objects.get().workflow_in_progress
    unseen(client, world)


def test_unpublished_is_withdrawn_at_once(client, world):
    result = world.result()
    assert 'id="ket-qua"' in text(client, world.unit.url)
    client.get(feed_url(world))  # cached
    result.unpublish()
    unseen(client, world)


def test_rejected_is_never_shown(client, world, admin_user):
    result = world.result(publish=False)
    ensure_results_moderation()
    result.save_revision()
    AgencyOnboarding().workflow().start(result, user=admin_user)
    result.refresh_from_db()
    task_state = result.current_workflow_task_state
    task_state.task.specific.on_action(task_state, admin_user, "reject")
    result.refresh_from_db()
    assert result.current_workflow_state.status == "needs_changes"
    unseen(client, world)


def test_a_private_unit_page_shows_nothing(client, world):
    world.result()
    restrict(world.unit)
    assert client.get(world.unit.url).status_code == 302  # the login page
    assert "Nguyễn Văn An" not in text(client, overview_url(world))
    assert "Kết quả bầu cử:" not in client.get(feed_url(world)).content.decode()
    assert client.get(feed_url(world, unit=world.unit)).status_code == 404


def test_unknown_or_private_addresses_are_404(client, world):
    election = world.elections.election.pk
    assert client.get(f"/ket-qua-bau-cu/{election}/khong-co/").status_code == 404
    assert client.get(f"/ket-qua-bau-cu/{election + 99}/quoc-hoi/").status_code == 404
    assert client.get(f"/ket-qua-bau-cu/{election}/quoc-hoi/feed/xml/").status_code == 404
    assert client.get(f"/ket-qua-bau-cu/{election}/quoc-hoi/don-vi-9/feed/rss/").status_code == 404
    restrict(world.elections.election.portal)
    assert client.get(overview_url(world)).status_code == 404


def test_a_unit_page_expiring_takes_its_result_out_of_cached_surfaces(client, world):
    world.result()
    expires = timezone.now() + timedelta(seconds=8)
    expire(world.unit, expires)
    assert "Nguyễn Văn An" in text(client, overview_url(world))
    assert "Kết quả bầu cử:" in client.get(feed_url(world)).content.decode()
    time.sleep(max(0, (expires - timezone.now()).total_seconds()) + 1.5)
    assert "Nguyễn Văn An" not in text(client, overview_url(world))
    assert "Kết quả bầu cử:" not in client.get(feed_url(world)).content.decode()
