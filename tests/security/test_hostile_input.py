"""Hostile query strings, path segments and headers on the public views: never a 5xx."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

NASTY = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["²", "٣٠٠", "１２０", "\x00", "9" * 5000, "a" * 5000, "-1", "1e9", "%00"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
PARAMS = ["page", "size", "q", "agency", "category", "type", "issuer", "level", "year", "v"]
HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_IF_NONE_MATCH": st.sampled_from(['"', "W/", "*, x", '"a" "b"', "\x00", "é" * 300]),
        "HTTP_IF_MODIFIED_SINCE": st.sampled_from(["yesterday", "Mon, 99 Foo 9999", "\x00", ""]),
        "HTTP_ACCEPT": st.sampled_from(["*/*;q=x", "text/html;;;", "\x00", "a" * 5000]),
    },
)


@pytest.fixture
def world(site_tree, agencies):
    site_tree.article(agency=agencies["UBBC"])
    site_tree.document(issuer=agencies["UBBC"])
    return site_tree


def paths(world) -> list[str]:
    article = world.news_index.get_children().first().specific
    base = article.get_url_parts()[2]
    return [
        "/",
        "/tin-tuc/",
        "/van-ban-chi-dao/",
        "/tim-kiem/",
        "/feed/rss/",
        "/tin-tuc/feed/atom/",
        "/van-ban-chi-dao/loai/cv/feed/json/",
        base,
        base + "print/",
        base + "qr.svg",
        base + "qr.png",
        f"/p/{article.pk}/",
        "/sitemap.xml",
    ]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    index=st.integers(min_value=0, max_value=12),
    query=st.lists(st.tuples(st.sampled_from(PARAMS), NASTY), max_size=4),
    headers=HEADERS,
)
def test_no_query_or_header_gives_a_server_error(world, client, index, query, headers):
    cache.clear()
    path = paths(world)[index]
    response = client.get(path, query, **headers)
    assert response.status_code < 500, (path, query, headers)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(segment=NASTY.filter(lambda s: "/" not in s and "?" not in s and "#" not in s))
def test_no_path_segment_gives_a_server_error(world, client, segment):
    for template in (
        "/tin-tuc/{}/",
        "/tin-tuc/chuyen-muc/{}/feed/rss/",
        "/van-ban-chi-dao/loai/{}/",
        "/feed/atom/archive/{}/",
        "/p/{}/",
    ):
        path = template.format(segment)
        assert client.get(path).status_code < 500, path
