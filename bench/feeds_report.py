"""Targets and tables for the feed measurements (``bench.feeds_bench``)."""

from __future__ import annotations

from bench.report import (
    CACHED_SPEEDUP,
    COLD_FEED_LIMIT,
    GROWTH_LIMIT,
    NOT_MODIFIED_SPEEDUP,
    Verdict,
    check,
    ms,
    paired_growth,
    same,
    table,
    times,
)

COLD, BASELINE, CACHED, NOT_MODIFIED = (
    "package, cold",
    "syndication baseline",
    "package, cached",
    "package, 304",
)


def not_measured() -> list[Verdict]:
    return [
        Verdict(
            "feed cold / syndication baseline", "—", f"≤ {COLD_FEED_LIMIT:.2f}", "not measured"
        ),
        Verdict("feed cold / cached", "—", f"≥ {CACHED_SPEEDUP:.0f}", "not measured"),
        Verdict("feed cold / 304", "—", f"≥ {NOT_MODIFIED_SPEEDUP:.0f}", "not measured"),
        Verdict("feed queries, N = 100 vs 10,000", "—", "equal", "not measured", True),
        Verdict("feed queries, 5 vs 50 items", "—", "equal", "not measured", True),
        Verdict("feed growth N=10,000 / N=100", "—", f"≤ {GROWTH_LIMIT:.2f}", "not measured"),
    ]


def formats(result: dict) -> dict[str, dict]:
    """The feed figures by format (``{"rss": {...}}`` when one format was measured)."""
    feeds = result.get("feeds") or {}
    if "formats" in feeds:
        return feeds["formats"]
    return {"rss": feeds} if feeds else {}


def feed_growth(run, engine: str, fmt: str, name: str) -> float | None:
    """Growth N=large / N=small of one feed figure, batch beside batch (``paired_growth``)."""

    def value(result: dict) -> float | None:
        figure = formats(result).get(fmt, {}).get(name)
        return figure["median_ms"] if figure else None

    return paired_growth(run, engine, value)


def measured(run) -> bool:
    return any(formats(result) for by_size in run.results.values() for result in by_size.values())


def targets(run) -> list[Verdict]:
    if not measured(run):
        return not_measured()
    verdicts = []
    for engine, by_size in run.results.items():
        sizes = sorted(by_size)
        for n in sizes:
            for fmt, feed in formats(by_size[n]).items():
                where = f"{engine}, N={n}, {fmt.upper()}"
                ratios = feed["ratios"]
                if ratios.get("cold / baseline") is not None:
                    verdicts.append(
                        check(
                            f"{where}: feed cold / syndication baseline",
                            ratios["cold / baseline"],
                            COLD_FEED_LIMIT,
                            at_most=True,
                        )
                    )
                verdicts += [
                    check(
                        f"{where}: feed cold / cached",
                        ratios["cold / cached"],
                        CACHED_SPEEDUP,
                        at_most=False,
                        fmt="{:.0f}",
                    ),
                    check(
                        f"{where}: feed cold / 304",
                        ratios["cold / 304"],
                        NOT_MODIFIED_SPEEDUP,
                        at_most=False,
                        fmt="{:.0f}",
                    ),
                    same(
                        f"{where}: feed queries, 5 vs 50 items",
                        {f"{k} items": v for k, v in feed["queries_by_items"].items()},
                    ),
                ]
        if len(sizes) < 2:
            continue
        small, large = by_size[sizes[0]], by_size[sizes[-1]]
        for fmt, feed in formats(large).items():
            before = formats(small).get(fmt)
            if before is None:
                continue
            for name in (COLD, CACHED, NOT_MODIFIED):
                verdicts.append(
                    same(
                        f"{engine}, {fmt.upper()}: feed queries ({name}), "
                        f"N = {sizes[0]} vs {sizes[-1]}",
                        {
                            f"N={sizes[0]}": before[name]["queries"],
                            f"N={sizes[-1]}": feed[name]["queries"],
                        },
                    )
                )
            verdicts.append(
                check(
                    f"{engine}, {fmt.upper()}: feed growth N={sizes[-1]} / N={sizes[0]} (cold)",
                    feed_growth(run, engine, fmt, COLD),
                    GROWTH_LIMIT,
                    at_most=True,
                )
            )
    return verdicts


def markdown(run) -> list[str]:
    lines = ["## 1. Feeds, 50 items, full content", ""]
    if not measured(run):
        return lines + [
            "Not measured: the feed benchmark (`bench/feeds_bench.py`) is not there.",
            "",
        ]
    lines += [
        "The package's feed of the news index against a `django.contrib.syndication` `Feed` "
        "over the same pages with the same content (`bench/baseline_feed.py`). Cold: caches "
        "cleared before every request (the baseline has no cache); cached: from Django's cache; "
        "304: a conditional request with the feed's ETag. `django.contrib.syndication` writes RSS "
        "and Atom but no JSON Feed, so JSON Feed has no baseline.",
        "",
    ]
    rows = []
    for engine, by_size in run.results.items():
        for n, result in sorted(by_size.items()):
            for fmt, feed in formats(result).items():
                for name in (COLD, BASELINE, CACHED, NOT_MODIFIED):
                    if name not in feed:
                        continue
                    timing = feed[name]
                    rows.append(
                        [
                            engine,
                            f"{n:,}",
                            fmt.upper(),
                            name,
                            ms(timing["median_ms"]),
                            timing["queries"],
                            f"{timing['bytes']:,}" if timing.get("bytes") is not None else "—",
                        ]
                    )
                ratios = feed["ratios"]
                rows.append(
                    [
                        engine,
                        f"{n:,}",
                        fmt.upper(),
                        "ratios: cold / baseline, cold / cached, cold / 304",
                        f"{times(ratios['cold / baseline'])}, {times(ratios['cold / cached'])}, "
                        f"{times(ratios['cold / 304'])}",
                        "",
                        "",
                    ]
                )
                counts = ", ".join(f"{k} items: {v}" for k, v in feed["queries_by_items"].items())
                rows.append(
                    [engine, f"{n:,}", fmt.upper(), f"queries by feed size: {counts}", "", "", ""]
                )
    return lines + table(
        ["database", "N", "format", "measure", "median (ms)", "queries", "bytes"], rows
    )


def growth_rows(run) -> list[list[str]]:
    rows = []
    for engine, by_size in run.results.items():
        sizes = sorted(by_size)
        if len(sizes) < 2:
            continue
        small, large = formats(by_size[sizes[0]]), formats(by_size[sizes[-1]])
        for fmt, feed in large.items():
            if fmt not in small:
                continue
            for name in (COLD, BASELINE, CACHED, NOT_MODIFIED):
                if name not in feed or name not in small[fmt]:
                    continue
                rows.append(
                    [
                        engine,
                        f"feed {fmt.upper()}, {name}",
                        times(feed_growth(run, engine, fmt, name)),
                    ]
                )
    return rows
