"""Cache keys come from the ``Site`` and validated parameters: a flood of ports, made-up
filters and query strings adds no entry."""

from __future__ import annotations

import re

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


def test_every_entry_is_keyed_by_cachekeys(site_tree, agencies, client, local_cache):
    """QR codes, feeds, counts and menus: each key is ``cachekeys.entry_key``'s, a kind and a
    digest of validated parts, nothing of the request written into it."""
    article = site_tree.article(agency=agencies["UBBC"])
    article_path = article.get_url_parts()[2]
    for path in [
        article_path,
        article_path + "qr.svg",
        article_path + "qr.png?size=300",
        f"/p/{article.pk}/",
        "/feed/rss/",
        "/tin-tuc/feed/atom/",
        "/tin-tuc/?agency=UBBC",
        "/van-ban-chi-dao/",
    ]:
        assert client.get(path, headers={"host": "testserver:40001"}).status_code in (200, 302)
    # The local memory cache writes keys as ":<version>:<key>".
    keys = [key.split(":", 2)[2] for key in local_cache._cache]
    # Wagtail's own list of sites, the one entry not the package's.
    keys = [key for key in keys if key != "wagtail_site_root_paths"]
    kinds = {key.split(":")[1] for key in keys}
    assert {"qr", "feed", "feed-path", "count", "selection"} <= kinds, kinds
    shape = re.compile(r"baucu:[a-z0-9:-]+:[0-9a-f]{32}")
    assert [key for key in keys if not shape.fullmatch(key)] == []
