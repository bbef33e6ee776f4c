"""A feed rendered while its page is being withdrawn is never stored as public.

Wagtail routes the request, then (a ``before_serve_page`` hook, as another request committing
would) the page is unpublished, then the feed is looked up and rendered: the entry stored under
the new generation token must not be answered by the fast path that skips Wagtail's checks.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from wagtail import hooks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_feed_of_a_page_unpublished_after_routing_is_not_kept_public(site_tree, agencies, client):
    agency = agencies["UBBC"]
    space = site_tree.agency_page(agency)
    site_tree.article("Tin của Ủy ban", agency=agency, in_agency_space=True)
    path = space.get_url_parts()[2] + "feed/rss/"

    def unpublish_once(page, request, serve_args, serve_kwargs):
        if page.pk == space.pk and space.live:
            space.unpublish()

    with hooks.register_temporarily("before_serve_page", unpublish_once):
        client.get(path)  # routed while live; whatever it answers is not the point

    assert client.get(path).status_code == 404
    assert client.get(path, HTTP_IF_NONE_MATCH="*").status_code == 404
