"""The candidate list (API and downloads), the unit and area lists cost the same number of
queries however many candidates, units and polling areas there are."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.elections.test_queries import GIVEN, add_candidates
from tests.factories import make_image

pytestmark = pytest.mark.django_db

API = "/api/v2/"
LISTS = [
    "candidates/?limit=100",
    "candidates/?limit=100&fields=*",
    "candidates/?limit=100&body=quoc-hoi&search=nguyen",
    "candidates/?limit=100&order=title",
    "candidates/download.csv",
    "candidates/download.json?status=all",
    "units/?limit=100&fields=*",
    "units/download.csv",
    "polling-areas/?limit=100&fields=*&commune=cat dai",
    "polling-areas/download.csv",
    "elections/?fields=*",
]


def counts(client) -> dict[str, int]:
    found = {}
    for url in LISTS:
        client.get(API + url)  # renditions made once, as for a repeat visitor
        cache.clear()  # downloads measured on a miss: the cost that would grow if any did
        with CaptureQueriesContext(connection) as captured:
            response = client.get(API + url)
        assert response.status_code == 200, (url, response.content[:200])
        found[url] = len(captured)
        cache.clear()
    return found


def test_list_queries_do_not_grow_with_candidates_units_and_areas(client, world):
    one = world.unit(world.assembly, 1)
    add_candidates(world, one, GIVEN[:2])
    world.area("Phường Cát Dài", 1, [one])
    few = counts(client)
    two = world.unit(world.assembly, 2)
    council = world.unit(world.council, 1)
    add_candidates(world, one, GIVEN[2:6])
    add_candidates(world, two, GIVEN[6:])
    world.candidate(council, "Nguyễn Thị Hoa", photo=make_image("Hoa"))
    for number in range(2, 9):
        world.area("Phường Cát Dài", number, [one if number % 2 else two, council])
    assert counts(client) == few
