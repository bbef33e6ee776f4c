"""The unit page and the lookup cost the same number of queries however many candidates and
polling areas there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_image

pytestmark = pytest.mark.django_db

GIVEN = ["An", "Bình", "Chi", "Dũng", "Đạt", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga", "Oanh"]


def queries(client, url, params=None) -> int:
    client.get(url, params)  # warm the caches a repeat visitor finds warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def add_candidates(world, unit, names):
    for name in names:
        world.candidate(unit, f"Nguyễn Văn {name}", photo=make_image(name))


def test_unit_page_queries_do_not_grow_with_candidates_and_areas(client, world):
    unit = world.unit(world.assembly, 1)
    add_candidates(world, unit, GIVEN[:2])
    world.area("Phường Cát Dài", 1, [unit])
    few = queries(client, unit.url)
    few_print = queries(client, unit.url + "print/")
    add_candidates(world, unit, GIVEN[2:])
    for number in range(2, 8):
        world.area("Phường Cát Dài", number, [unit])
    assert queries(client, unit.url) == few
    assert queries(client, unit.url + "print/") == few_print


def test_lookup_queries_do_not_grow_with_areas_units_and_candidates(client, world):
    url = world.index.url + "tim-noi-bo-phieu/"
    unit = world.unit(world.assembly, 1)
    council = world.unit(world.council, 1)
    add_candidates(world, unit, GIVEN[:1])
    world.area("Phường Lạch Tray", 1, [unit, council])
    few = queries(client, url, {"q": "lach tray"})
    add_candidates(world, unit, GIVEN[1:6])
    add_candidates(world, council, GIVEN[6:])
    other = world.unit(world.council, 2)
    add_candidates(world, other, GIVEN[:3])
    for number in range(2, 7):
        world.area("Phường Lạch Tray", number, [unit, council if number % 2 else other])
    many = queries(client, url, {"q": "lach tray"})
    assert many == few, (few, many)
