"""Generation-token benchmark: what keeping the tokens in the database costs a request.

Every cached answer (a feed, a 304, a repeated QR code, a listing count) is keyed by the
portal's generation tokens (``wagtail_baucu.freshness``), which live in the database so that
every process reads the same ones whatever the cache. A request reads them once, in one
indexed query; before they moved there, a cached feed or QR code was answered with no SQL.

``run(portal, repeat)`` times that read alone (outside a request, so each call goes to the
database) and counts its queries; the queries of whole cached requests, which read the tokens
once however many entries they look up, are counted by the feed and QR benchmarks.
"""

from __future__ import annotations

import statistics

from bench.timing import count_queries, timed
from wagtail_baucu.freshness import generation

READS_PER_RUN = 200


def run(portal, repeat: int = 3) -> dict:
    """Median time of one token read (ms) over ``repeat`` × ``READS_PER_RUN`` reads."""
    for _ in range(20):  # warm the connection and the query's plan
        generation(portal.portal_id)
    seconds = [
        timed(lambda: generation(portal.portal_id))[0]
        for _ in range(max(1, repeat) * READS_PER_RUN)
    ]
    read_queries, _ = count_queries(lambda: generation(portal.portal_id))
    ordered = sorted(seconds)
    return {
        "read_ms": round(statistics.median(seconds) * 1000, 4),
        "read_p90_ms": round(ordered[int(len(ordered) * 0.9)] * 1000, 4),
        "reads": len(seconds),
        "read_queries": read_queries,
    }
