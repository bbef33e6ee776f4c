"""Targets and tables for the feed measurements (``bench.feeds_bench``)."""

from __future__ import annotations

from bench.report import (
    CACHED_SPEEDUP,
    COLD_FEED_LIMIT,
    GROWTH_LIMIT,
    NOT_MODIFIED_SPEEDUP,
    Verdict,
)


def not_measured() -> list[Verdict]:
    return [
        Verdict(
            "feed cold / syndication baseline", "—", f"≤ {COLD_FEED_LIMIT:.2f}", "not measured"
        ),
        Verdict("feed cold / cached", "—", f"≥ {CACHED_SPEEDUP:.0f}", "not measured"),
        Verdict("feed cold / 304", "—", f"≥ {NOT_MODIFIED_SPEEDUP:.0f}", "not measured"),
        Verdict(
            "feed queries, N = 100 vs 10,000", "—", "equal", "not measured", deterministic=True
        ),
        Verdict("feed queries, 5 vs 50 items", "—", "equal", "not measured", deterministic=True),
        Verdict("feed growth N=10,000 / N=100", "—", f"≤ {GROWTH_LIMIT:.2f}", "not measured"),
    ]


def measured(run) -> bool:
    return any(
        result.get("feeds") for by_size in run.results.values() for result in by_size.values()
    )


def targets(run) -> list[Verdict]:
    if not measured(run):
        return not_measured()
    return not_measured()


def markdown(run) -> list[str]:
    lines = ["## 1. Feeds, 50 items, full content", ""]
    if not measured(run):
        return lines + [
            "Not measured: the feed benchmark (`bench/feeds_bench.py`) is not there.",
            "",
        ]
    return lines


def growth_rows(run) -> list[list[str]]:
    return []
