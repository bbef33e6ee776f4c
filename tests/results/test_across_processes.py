"""A result published by another process shows on the next request of every server worker:
the overview and the results feeds, with the default per-process cache (the generation token
is renewed in the publication's transaction)."""

from __future__ import annotations

from tests.freshness.test_across_processes import REQUESTS, get, portal_server  # noqa: F401

SETUP = """
from types import SimpleNamespace
from wagtail_baucu.pages.models import ElectionPortalPage
from tests.elections.world import make_election
from tests.results.world import make_results
portal = ElectionPortalPage.objects.get()
world = make_results(make_election(SimpleNamespace(portal=portal)))
print(world.elections.election.pk)
"""
PUBLISH = """
from types import SimpleNamespace
from tests.results.world import ResultsWorld
from wagtail_baucu.elections.mixins import ElectoralUnitMixin
from wagtail_baucu.pages.registry import page_model
unit = page_model(ElectoralUnitMixin).objects.get()
ResultsWorld(None, unit, list(unit.get_children().specific().order_by("path"))).result()
"""
UNPUBLISH = """
from wagtail_baucu.results.models import UnitResult
UnitResult.objects.get().unpublish()
"""
WINNER = "Nguyễn Văn An".encode()


def test_a_result_published_elsewhere_shows_on_the_next_request(portal_server):  # noqa: F811
    base, shell, _manage = portal_server
    election = int(shell(SETUP).strip().splitlines()[-1])
    overview = f"{base}/ket-qua-bau-cu/{election}/quoc-hoi/"
    surfaces = [overview] + [f"{overview}feed/{fmt}/" for fmt in ("rss", "atom", "json")]

    def seen() -> list[bool]:
        found = []
        for _ in range(REQUESTS):
            for url in surfaces:
                status, body = get(url)
                assert status == 200, url
                found.append(WINNER in body if url == overview else b"#ket-qua" in body)
        return found

    assert not any(seen())  # every worker's cache warm, nothing published
    shell(PUBLISH)
    assert all(seen())
    shell(UNPUBLISH)
    assert not any(seen())
