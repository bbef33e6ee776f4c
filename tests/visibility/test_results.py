"""The visibility contract for election results: a result in each state that applies, on each
surface that shows results, through HTTP. Only a published result of a public unit shows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.elections.world import make_election
from tests.factories import restrict
from tests.results.world import make_results
from wagtail_baucu.agencies.onboarding import AgencyOnboarding
from wagtail_baucu.results.moderation import ensure_results_moderation

pytestmark = pytest.mark.django_db

# The result's state, and whether it shows.
STATES = {
    "published": True,
    "draft": False,
    "in moderation": False,
    "rejected": False,
    "unpublished": False,
    "published, unit page private": False,
    "published, unit page unpublished": False,
}
WINNER = "Nguyễn Văn An"


def surfaces(world, result_pk) -> dict[str, str]:
    election, body = world.elections.election.pk, world.unit.body.code
    found = {
        "unit page": world.unit.url,
        "candidate page": world.candidates[0].url,
        "overview": reverse("wagtail_baucu:results_overview", args=[election, body]),
        "CSV": reverse("wagtail_baucu:results_csv", args=[election, body]),
        "API results/": "/api/v2/results/",
        "API results/<id>/": f"/api/v2/results/{result_pk}/",
    }
    for fmt in ("rss", "atom", "json"):
        found[f"body feed {fmt}"] = reverse(
            "wagtail_baucu:results_body_feed", args=[election, body, fmt]
        )
        found[f"unit feed {fmt}"] = reverse(
            "wagtail_baucu:results_unit_feed", args=[election, body, 1, fmt]
        )
    return found


def shows(surface: str, response) -> bool:
    if response.status_code in (302, 404):
        return False
    assert response.status_code == 200, (surface, response.status_code)
    text = response.content.decode("utf-8-sig")
    if surface == "unit page":
        return 'id="ket-qua"' in text
    if surface == "candidate page":
        return "Trúng cử" in text
    return WINNER in text


def put_in_state(world, state: str, admin_user):
    result = world.result(publish=state.startswith("published") or state == "unpublished")
    if state == "unpublished":
        result.unpublish()
    elif state in ("in moderation", "rejected"):
        ensure_results_moderation()
        result.save_revision()
        AgencyOnboarding().workflow().start(result, user=admin_user)
        if state == "rejected":
            result.refresh_from_db()
            task_state = result.current_workflow_task_state
            task_state.task.specific.on_action(task_state, admin_user, "reject")
    elif state == "published, unit page private":
        restrict(world.unit)
    elif state == "published, unit page unpublished":
        world.unit.unpublish()
    return result


@pytest.mark.parametrize("state", STATES)
def test_results_visibility(client, site_tree, admin_user, state):
    world = make_results(make_election(site_tree))
    # Every surface warm before the change, as a busy portal's caches are.
    for url in surfaces(world, 0).values():
        client.get(url)
    result = put_in_state(world, state, admin_user)
    found = {
        surface: shows(surface, client.get(url))
        for surface, url in surfaces(world, result.pk).items()
    }
    expected = dict.fromkeys(found, STATES[state])
    if state == "published, unit page unpublished":
        expected["candidate page"] = False
    assert found == expected
