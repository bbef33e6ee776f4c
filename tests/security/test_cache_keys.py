"""Cache keys come from the ``Site`` and validated parameters: a flood of ports, made-up
filters and query strings adds no entry."""

from __future__ import annotations

import pytest
from django.core.cache import caches

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_cache(settings):
    # Large enough that culling never hides a growth.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "baucu-cache-keys",
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        }
    }
    backend = caches["default"]
    backend.clear()
    yield backend
    backend.clear()


def test_ports_and_query_strings_add_no_cache_entry(site_tree, agencies, client, local_cache):
    article = site_tree.article(agency=agencies["UBBC"])
    article_path = article.get_url_parts()[2]
    surfaces = [
        lambda i: (article_path + "qr.svg", {"v": i}),
        lambda i: (article_path + "qr.png", {"v": i}),
        lambda i: ("/feed/rss/", {"v": i}),
        lambda i: ("/tin-tuc/feed/atom/", {"v": i}),
        lambda i: ("/tin-tuc/", {"agency": f"X{i}", "category": f"c-{i}"}),
        lambda i: ("/tin-tuc/", {"agency": "UBBC", "v": i}),
    ]
    for port, surface in enumerate(surfaces, start=30000):
        path, params = surface(0)
        assert client.get(path, params, headers={"host": f"testserver:{port}"}).status_code == 200
    warm = len(local_cache._cache)

    for i in range(1, 1001):
        path, params = surfaces[i % len(surfaces)](i)
        response = client.get(path, params, headers={"host": f"testserver:{40000 + i}"})
        assert response.status_code == 200, path

    assert len(local_cache._cache) == warm
