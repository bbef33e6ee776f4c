"""The overview, the unit page, the feeds and the API cost the same number of queries however
many units, candidates and corrections there are."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def add_units(world, first, last):
    for number in range(first, last + 1):
        unit = world.elections.unit(world.elections.assembly, number, seats=2)
        for i, name in enumerate(("An", "Bình", "Chi", "Dũng")):
            world.elections.candidate(unit, f"Nguyễn Văn {name} {number}", date(1960 + i, 1, 1))
        result = world.result(unit, votes=(600, 550, 300, 100))
        world.correct(
            result,
            note="Kiểm lại.",
            reference=f"QĐ {number}",
            invalid_ballots=21,
            valid_ballots=979,
        )


def test_queries_do_not_grow(client, world):
    election, body = world.elections.election.pk, world.unit.body.code
    urls = [
        reverse("wagtail_baucu:results_overview", args=[election, body]),
        reverse("wagtail_baucu:results_csv", args=[election, body]),
        "/api/v2/results/",
        world.unit.url,
    ]
    world.result()
    add_units(world, 2, 2)
    few = [queries(client, url) for url in urls]
    add_units(world, 3, 6)
    many = [queries(client, url) for url in urls]
    assert many == few, (few, many)
    print("queries (overview, CSV, API, unit page):", few)


def test_a_repeat_feed_request_comes_from_the_cache(client, world):
    """The election, its portal, its visibility, the body and the generation token; the
    feed itself from the cache."""
    world.result()
    url = reverse(
        "wagtail_baucu:results_body_feed",
        args=[world.elections.election.pk, world.unit.body.code, "atom"],
    )
    client.get(url)
    assert queries(client, url) == 6
