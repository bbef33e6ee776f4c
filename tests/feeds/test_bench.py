"""The feed benchmark runs and compares like with like (figures themselves: ``make bench``)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bench import feeds_bench
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("connections_kept")]


def test_the_benchmark_measures_both_feeds(site_tree, agencies):
    for number in range(6):
        site_tree.article(
            f"Bài {number}", agency=agencies["UBBC"], lead_image=factories.make_image()
        )
    portal = SimpleNamespace(
        host="testserver",
        urls={"news_index": site_tree.news_index.url},
        news_index_id=site_tree.news_index.pk,
    )
    result = feeds_bench.run(portal, repeat=2, warmup=0)
    assert result["items"] == 6
    for name in ("package, cold", "syndication baseline", "package, cached", "package, 304"):
        assert result[name]["status"] in (200, 304) and result[name]["runs"] == 2
    assert result["package, 304"]["status"] == 304
    assert result["package, cached"]["queries"] < result["package, cold"]["queries"]
    assert result["queries_by_items"]["5"] == result["queries_by_items"]["50"]
    assert set(result["ratios"]) == {
        "cold / baseline",
        "cold / cached",
        "cold / 304",
        "queries cold / baseline",
    }
