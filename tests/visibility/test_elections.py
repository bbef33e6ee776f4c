"""The election's surfaces, through HTTP: a candidate who is not public shows nowhere, and a
withdrawn one leaves the current lists on the next request while the record of the change stays.

One scene for the module (inside a transaction rolled back at the end); each cell of
``ELECTION_MATRIX`` is one test.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from tests import factories
from tests.elections.world import make_election
from tests.visibility.elections import CANDIDATE_STATES, ELECTION_MATRIX, ELECTION_SURFACES

pytestmark = pytest.mark.django_db

API = "/api/v2/"
CHANGED = "10/05/2021"
UNIT_STATES = {"under a private unit", "under an unpublished unit"}


@dataclass
class Candidate:
    state: str
    pk: int
    path: str
    marker: str
    unit_path: str = ""
    unit_pk: int = 0


@dataclass
class ElectionScene:
    unit: object
    index: object
    states: dict[str, Candidate] = field(default_factory=dict)


def marker_of(state: str) -> str:
    return f"Zq{CANDIDATE_STATES.index(state):02d}cand"


def build(world) -> ElectionScene:
    shared = world.unit(world.assembly, 1)
    world.candidate(shared, "Nguyễn Văn Bạn")
    scene = ElectionScene(unit=shared, index=world.index)
    world.area("Phường Zeta Vis", 1, [shared])
    for number, state in enumerate(CANDIDATE_STATES, start=2):
        marker = marker_of(state)
        unit = shared
        if state in UNIT_STATES:
            unit = world.unit(world.assembly, number)
            world.area("Phường Zeta Vis", number, [unit])
        page = world.candidate(unit, f"Lê Văn {marker}", live=state != "draft")
        if state == "withdrawn":
            page.status = "withdrawn"
            page.status_changed_on = date(2021, 5, 10)
            page.status_reason = "Xin rút theo nguyện vọng cá nhân"
            page.save_revision().publish()
        elif state == "private by password":
            factories.restrict(page, PageViewRestriction.PASSWORD)
        elif state == "expired":
            type(page).objects.filter(pk=page.pk).update(
                expire_at=timezone.now() - timedelta(hours=1)
            )
        elif state == "unpublished":
            page.unpublish()
        elif state == "under a private unit":
            factories.restrict(unit, PageViewRestriction.PASSWORD)
        elif state == "under an unpublished unit":
            # As the admin's "unpublish" does with its subpages.
            page.unpublish()
            unit.unpublish()
        scene.states[state] = Candidate(
            state,
            page.pk,
            page.get_url(),
            marker,
            unit_path=unit.get_url() if unit is not shared else "",
            unit_pk=unit.pk,
        )
    return scene


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            Site.objects.all().delete()
            world = make_election(factories.make_portal())
            yield build(world)
            transaction.set_rollback(True)
        cache.clear()


def text(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def check_own(suffix: str):
    def check(client, scene, item, expectation):
        response = client.get(item.path + suffix)
        html = response.content.decode()
        if expectation.startswith("shown"):
            assert response.status_code == 200 and item.marker in html
            if expectation == "shown with the status":
                assert CHANGED in html and "nguyện vọng cá nhân" in html
            return
        assert item.marker not in html
        if expectation == "password form":
            assert response.status_code == 200 and 'name="password"' in html
        else:
            assert response.status_code == 404

    return check


def check_list_page(suffix: str):
    def check(client, scene, item, expectation):
        html = text(client, scene.unit.url + suffix)
        assert "Nguyễn Văn Bạn" in html
        assert (item.marker in html) == (expectation == "shown"), expectation
        if expectation == "absent, date of the change":
            assert CHANGED in html
        if item.unit_path:
            response = client.get(item.unit_path + suffix)
            assert item.marker not in response.content.decode()
            assert response.status_code in (200, 404)

    return check


def check_lookup(client, scene, item, expectation):
    html = text(client, scene.index.url + "tim-noi-bo-phieu/?q=zeta vis")
    assert "Nguyễn Văn Bạn" in html
    assert (item.marker in html) == (expectation == "shown")


def ids_and_text(client, url: str) -> tuple[set[int], str]:
    html = text(client, url)
    return {entry["id"] for entry in json.loads(html)["items"]}, html


def check_api_candidates(client, scene, item, expectation):
    listed, html = ids_and_text(client, API + "candidates/?limit=100")
    found, _ = ids_and_text(client, API + f"candidates/?search={item.marker}")
    everything, all_html = ids_and_text(client, API + "candidates/?status=all&limit=100")
    if expectation == "shown":
        assert item.pk in listed and item.pk in found
    else:
        assert item.pk not in listed and item.marker not in html and item.pk not in found
    if expectation == "only with status=":
        withdrawn, _ = ids_and_text(client, API + "candidates/?status=withdrawn")
        assert item.pk in withdrawn and item.pk in everything
        assert client.get(API + f"candidates/{item.pk}/").status_code == 200
    elif expectation == "absent":
        assert item.pk not in everything and item.marker not in all_html
        assert client.get(API + f"candidates/{item.pk}/").status_code == 404


def check_api_units(client, scene, item, expectation):
    listed, html = ids_and_text(client, API + "units/?limit=100&fields=*")
    assert item.marker not in html
    assert scene.unit.pk in listed
    if item.unit_path:
        assert item.unit_pk not in listed
    shared = client.get(API + f"units/{scene.unit.pk}/").json()
    assert shared["list_changed_on"] == "2021-05-10"  # the scene's one withdrawal


def check_download(fmt: str):
    def check(client, scene, item, expectation):
        url = f"{API}candidates/download.{fmt}"
        current = text(client, url)
        assert "Nguyễn Văn Bạn" in current
        assert (item.marker in current) == (expectation == "shown")
        record = text(client, url + "?status=all")
        assert (item.marker in record) == (expectation in ("shown", "only with status="))

    return check


def check_feeds(client, scene, item, expectation):
    for fmt in ("rss", "atom"):
        feed = text(client, f"{scene.index.url}feed/{fmt}/")
        assert (item.marker in feed) == (expectation != "absent"), fmt
    data = json.loads(text(client, f"{scene.index.url}feed/json/"))
    carrying = [entry for entry in data["items"] if item.marker in json.dumps(entry)]
    if expectation == "absent":
        assert not carrying
    elif expectation == "withdrawal item":
        (change,) = carrying
        assert "candidate-status" in change["id"] and item.marker in change["title"]
    else:
        assert [entry["id"] for entry in carrying] == [
            e["id"] for e in data["items"] if "unit-list" in e["id"]
        ][:1]


CHECKS = {
    "candidate page": check_own(""),
    "candidate print view": check_own("print/"),
    "unit page": check_list_page(""),
    "poster": check_list_page("print/"),
    "lookup": check_lookup,
    "API candidates/": check_api_candidates,
    "API units/": check_api_units,
    "CSV": check_download("csv"),
    "JSON download": check_download("json"),
    "election feeds": check_feeds,
}


def test_every_surface_has_a_check():
    assert list(CHECKS) == ELECTION_SURFACES


@pytest.mark.parametrize("surface", ELECTION_SURFACES)
@pytest.mark.parametrize("state", CANDIDATE_STATES)
def test_cell(scene, client, state, surface):
    CHECKS[surface](client, scene, scene.states[state], ELECTION_MATRIX[state][surface])
