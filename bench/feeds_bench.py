"""Feed benchmark: a 50-item full-content feed against a ``django.contrib.syndication`` feed.

Both read the same pages of a seeded portal (``bench.seed``) through Django's full stack with
the test client: the package's feed of the news index (``<news index>feed/<fmt>/``: RSS, Atom
or JSON Feed) and ``bench.baseline_feed.BaselineNewsFeed`` (RSS 2.0, or Atom 1.0 for Atom; 50
items, lead and rendered body; Django has no JSON Feed writer, so JSON has no baseline). Measured:

- cold: the package's feed with the cache emptied before every request, against the baseline
  (which has no cache);
- cached: the package's feed from Django's cache;
- 304: a conditional request with the feed's ETag;
- SQL queries of each, and of the package's feed with 5 and with 50 items.

``run(portal, repeat)`` returns the figures and their ratios; ``python -m bench.feeds_bench``
seeds a fresh SQLite database and prints them.
"""

from __future__ import annotations

import json

from django.core.cache import cache
from django.test import override_settings

from bench.timing import client, count_queries, get, interleave, ratio

FEED_ITEMS = 50
BENCH_URLCONF = "bench.feeds_urls"


def _settings(size: int) -> dict:
    from django.conf import settings

    return {**getattr(settings, "WAGTAIL_BAUCU", {}), "FEED_SIZE": size}


def count_items(body: bytes, fmt: str) -> int:
    if fmt == "json":
        return len(json.loads(body)["items"])
    return body.count(b"<entry" if fmt == "atom" else b"<item>")


def run(portal, repeat: int = 20, warmup: int = 2, fmt: str = "rss") -> dict:
    """Measure the news index feed of a seeded portal against the syndication baseline.

    ``fmt``: ``rss``, ``atom`` or ``json`` (JSON Feed has no syndication baseline).
    """
    from bench.baseline_feed import baseline_url

    browser = client(portal.host)
    feed_url = portal.urls["news_index"] + f"feed/{fmt}/"
    with override_settings(ROOT_URLCONF=BENCH_URLCONF, WAGTAIL_BAUCU=_settings(FEED_ITEMS)):
        ours = get(browser, feed_url)
        compared = {"package, cold": ours}
        if baseline_url(portal.news_index_id, fmt):
            compared["syndication baseline"] = get(browser, baseline_url(portal.news_index_id, fmt))
        cold = interleave(
            compared,
            repeat,
            warmup=warmup,
            before_each=cache.clear,
        )
        etag = ours()["ETag"]
        warm = interleave(
            {
                "package, cached": ours,
                "package, 304": get(browser, feed_url, HTTP_IF_NONE_MATCH=etag),
            },
            repeat,
            warmup=warmup,
        )
        items = count_items(browser.get(feed_url).content, fmt)
    queries = {}
    for size in (5, FEED_ITEMS):
        with override_settings(ROOT_URLCONF=BENCH_URLCONF, WAGTAIL_BAUCU=_settings(size)):
            cache.clear()
            queries[size], _ = count_queries(get(browser, feed_url))
    timings = {**cold, **warm}
    cold_ms = cold["package, cold"].median
    baseline = cold.get("syndication baseline")
    return {
        "url": feed_url,
        "items": items,
        **{name: timing.as_dict() for name, timing in timings.items()},
        "ratios": {
            "cold / baseline": ratio(cold_ms, baseline.median) if baseline else None,
            "cold / cached": ratio(cold_ms, warm["package, cached"].median),
            "cold / 304": ratio(cold_ms, warm["package, 304"].median),
            "queries cold / baseline": ratio(cold["package, cold"].queries, baseline.queries)
            if baseline
            else None,
        },
        "queries_by_items": {"5": queries[5], str(FEED_ITEMS): queries[FEED_ITEMS]},
    }


def main() -> None:  # pragma: no cover - a manual run
    import json
    import os
    import tempfile

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault(
        "BAUCU_BENCH_DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/feeds-bench.sqlite3"
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from bench.seed import seed

    portal = seed(int(os.environ.get("BAUCU_BENCH_N", "100")))
    print(json.dumps(run(portal, repeat=int(os.environ.get("BAUCU_BENCH_REPEAT", "10"))), indent=1))


if __name__ == "__main__":
    main()
