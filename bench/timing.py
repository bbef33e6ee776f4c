"""Timing helpers shared by the benchmarks: interleaved runs, medians, query counts.

Absolute times on a shared machine drift; measuring the compared things in turn, run by run,
and comparing medians keeps the drift out of the ratios.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.http import HttpResponseBase
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext


@dataclass
class Timing:
    """Repeated timings of one thing, in seconds, with what one call returned."""

    seconds: list[float] = field(default_factory=list)
    queries: int | None = None
    size: int | None = None
    status: int | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_ms(self) -> float:
        return self.median * 1000

    def as_dict(self) -> dict:
        return {
            "median_ms": round(self.median_ms, 3),
            "min_ms": round(min(self.seconds) * 1000, 3),
            "max_ms": round(max(self.seconds) * 1000, 3),
            "runs": len(self.seconds),
            "queries": self.queries,
            "bytes": self.size,
            "status": self.status,
        }


def count_queries(call: Callable[[], object]) -> tuple[int, object]:
    """Run ``call`` once, returning the SQL queries it made and its result."""
    with CaptureQueriesContext(connection) as captured:
        result = call()
    return len(captured.captured_queries), result


def interleave(
    calls: dict[str, Callable[[], object]],
    repeat: int,
    *,
    warmup: int = 1,
    before_each: Callable[[], None] | None = None,
) -> dict[str, Timing]:
    """Time each call ``repeat`` times, in turn (A B C, B C A, ...), after ``warmup`` rounds.

    ``before_each`` runs untimed before every call (e.g. to clear caches for a cold run); calls
    are timed by ``timed``, without the garbage collector. Query
    counts are taken in one extra, untimed round after the warm-up (the steady state, not the
    first request of a process), so capturing them does not slow the timings.
    """
    names = list(calls)
    results = {name: Timing() for name in names}
    for _ in range(warmup):
        for name in names:
            if before_each:
                before_each()
            calls[name]()
    for name in names:
        if before_each:
            before_each()
        results[name].queries, response = count_queries(calls[name])
        describe(results[name], response)
    for run in range(repeat):
        shift = run % len(names)
        for name in names[shift:] + names[:shift]:
            if before_each:
                before_each()
            seconds, _ = timed(calls[name])
            results[name].seconds.append(seconds)
    return results


def timed(call: Callable[[], object]) -> tuple[float, object]:
    """The seconds one call takes, and what it returned, with the garbage collector held off
    during the call, as ``timeit`` does: a collection then runs between calls, untimed, rather
    than inside whichever call crosses the collector's threshold (a moment that depends on
    everything allocated before). A ``gc.collect()`` before each call would not do: the
    memory it frees makes the next call pay to allocate it again (a cached feed: 0.3 → 1.1 ms).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        started = time.perf_counter()
        result = call()
        return time.perf_counter() - started, result
    finally:
        if enabled:
            gc.enable()


def describe(timing: Timing, response: object) -> None:
    """Record an HTTP response's status and size (or a value's length) on ``timing``."""
    if hasattr(response, "status_code"):
        timing.status = response.status_code
        timing.size = len(response.content) if not response.streaming else None
    elif isinstance(response, bytes | str):
        timing.size = len(response)


def ratio(numerator: float, denominator: float) -> float | None:
    return None if not denominator else numerator / denominator


class WSGIClient:
    """Requests handed to Django's WSGI handler as a WSGI server hands them, response read in
    full: no test-client instrumentation (template and signal capture) in the timings."""

    def __init__(self, host: str):
        self.factory = RequestFactory(HTTP_HOST=host)
        self.handler = WSGIHandler()

    def get(self, path: str, data: dict | None = None, **extra) -> HttpResponseBase:
        environ = self.factory.get(path, data, **extra).environ
        response = self.handler(environ, lambda status, headers, exc_info=None: None)
        b"".join(response)  # a server sends every byte; HttpResponse.content stays readable
        response.close()
        return response


def client(host: str) -> WSGIClient:
    """A client speaking to the portal's site as an anonymous visitor."""
    return WSGIClient(host)


def get(browser: WSGIClient, url: str, **options) -> Callable[[], object]:
    """A call that GETs ``url`` (``options``: query data, headers); fails unless 200 or 304."""

    def call():
        response = browser.get(url, **options)
        if response.status_code not in (200, 304):
            raise RuntimeError(f"GET {url} answered {response.status_code}")
        return response

    return call
