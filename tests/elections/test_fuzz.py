"""Hostile parameters on the election endpoints and downloads: a 400 or 404, never a 5xx."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.test_hostile_input import HEADERS, NASTY

pytestmark = pytest.mark.django_db

PATHS = [
    "elections/",
    "units/",
    "candidates/",
    "polling-areas/",
    "units/download.csv",
    "candidates/download.csv",
    "candidates/download.json",
    "polling-areas/download.json",
]
PARAMS = [
    "election",
    "body",
    "level",
    "unit",
    "commune",
    "status",
    "search",
    "limit",
    "offset",
    "order",
    "fields",
    "number",
    "format",
    "year",
]


@pytest.fixture
def lists(world):
    unit = world.unit(world.assembly, 1)
    world.candidate(unit, "Trần Văn Đạt")
    world.area("Phường Minh Khai", 1, [unit])
    return world


SETTINGS = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(
    index=st.integers(min_value=0, max_value=len(PATHS) - 1),
    query=st.lists(st.tuples(st.sampled_from(PARAMS), NASTY), max_size=4),
    headers=HEADERS,
)
def test_no_parameter_gives_a_server_error(lists, client, index, query, headers):
    cache.clear()
    response = client.get("/api/v2/" + PATHS[index], query, **headers)
    assert response.status_code < 500, (PATHS[index], query, headers)


@SETTINGS
@given(segment=NASTY.filter(lambda s: "/" not in s and "?" not in s and "#" not in s))
def test_no_path_segment_gives_a_server_error(lists, client, segment):
    for template in (
        "/api/v2/units/{}/",
        "/api/v2/candidates/download.{}",
        "/api/v2/polling-areas/{}/",
        "/api/v2/elections/{}/",
        lists.index.url + "feed/{}/",
        lists.index.url + "feed/rss/archive/{}/",
    ):
        path = template.format(segment)
        assert client.get(path).status_code < 500, path
