"""Bounded load over loopback and the staleness of each response against a publish log.

Each published article carries a marker (``PM0007``) in its title; a response shows the
articles whose markers it contains. A response is stale when it was sent after a publish had
committed and does not show that article.
"""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests

MARKER = re.compile(r"PM(\d{4})")


def marker(number: int) -> str:
    return f"PM{number:04d}"


@dataclass
class Publish:
    number: int
    url: str  # the article's path
    committed: float  # time.time() when the publishing call returned


@dataclass
class Response:
    kind: str
    sent: float
    received: float
    status: int  # 0: no answer (connection refused or reset, timeout)
    retry_after: str | None
    shows: int  # the highest marker in the body, -1 if none
    worker: str | None
    number: int | None = None  # the article of a QR code or short link
    markers: frozenset = frozenset()  # every article the body shows


@dataclass
class PublishLog:
    entries: list[Publish] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, entry: Publish) -> None:
        with self.lock:
            self.entries.append(entry)

    def last_before(self, when: float) -> Publish | None:
        with self.lock:
            done = [entry for entry in self.entries if entry.committed < when]
        return max(done, key=lambda entry: entry.number) if done else None

    def first_after(self, number: int) -> Publish | None:
        with self.lock:
            later = [entry for entry in self.entries if entry.number > number]
        return min(later, key=lambda entry: entry.number) if later else None


def fetch(base: str, kind: str, path: str, number: int | None = None) -> Response:
    """GET ``path``; ``number``: the article a QR code or short link belongs to (no marker in
    its body), shown when it answers."""
    sent = time.time()
    try:
        response = requests.get(base + path, timeout=30, allow_redirects=False)
    except requests.RequestException:
        return Response(kind, sent, time.time(), 0, None, -1, None, number)
    if number is not None:
        numbers = [number] if response.status_code in (200, 302) else []
    else:
        numbers = [int(n) for n in MARKER.findall(response.text)]
    return Response(
        kind,
        sent,
        time.time(),
        response.status_code,
        response.headers.get("Retry-After"),
        max(numbers, default=-1),
        response.headers.get("X-Worker"),
        number,
        frozenset(numbers),
    )


def run_load(base: str, targets, seconds: float, connections: int = 16) -> list[Response]:
    """``connections`` threads, each sending one request after another for ``seconds``.

    ``targets()`` returns the (kind, path, article number or None) triples to cycle through;
    it is asked again for each request, so new articles join the rotation as published.
    """
    deadline = time.monotonic() + seconds
    results: list[Response] = []
    lock = threading.Lock()

    def loop(offset: int) -> None:
        n = offset
        while time.monotonic() < deadline:
            current = targets()
            kind, path, number = current[n % len(current)]
            n += 1
            response = fetch(base, kind, path, number)
            with lock:
                results.append(response)

    with ThreadPoolExecutor(connections) as pool:
        for future in [pool.submit(loop, i) for i in range(connections)]:
            future.result()
    return results


def staleness(responses: list[Response], log: PublishLog) -> list[float]:
    """Seconds each stale response lagged behind the first publish it missed."""
    return [lag for _response, lag in stale_responses(responses, log)]


def stale_responses(responses: list[Response], log: PublishLog) -> list[tuple[Response, float]]:
    lags = []
    for response in responses:
        if response.number is not None:
            # A QR code or short link of a published article must not answer 404.
            published = next((e for e in log.entries if e.number == response.number), None)
            if response.status == 404 and published and published.committed < response.sent:
                lags.append((response, response.sent - published.committed))
            continue
        if response.status != 200 or response.kind == "qr":
            continue  # the portal's own QR code shows no article
        expected = log.last_before(response.sent)
        if expected is None or response.shows >= expected.number:
            continue
        missed = log.first_after(response.shows)
        lags.append((response, response.sent - missed.committed))
    return lags


def summary(responses: list[Response], log: PublishLog) -> dict:
    statuses: dict[str, int] = {}
    for response in responses:
        statuses[str(response.status)] = statuses.get(str(response.status), 0) + 1
    stale = stale_responses(responses, log)
    lags = [lag for _response, lag in stale]
    stale_kinds: dict[str, int] = {}
    for response, _lag in stale:
        stale_kinds[response.kind] = stale_kinds.get(response.kind, 0) + 1
    took = sorted(r.received - r.sent for r in responses)
    return {
        "requests": len(responses),
        "statuses": statuses,
        "clean_503": sum(r.status == 503 and r.retry_after is not None for r in responses),
        "stale": len(lags),
        "stale_by_kind": stale_kinds,
        "max_staleness_s": round(max(lags, default=0.0), 3),
        "p50_ms": round(1000 * took[len(took) // 2], 1) if took else None,
        "p99_ms": round(1000 * took[int(len(took) * 0.99)], 1) if took else None,
        "workers": len({r.worker for r in responses if r.worker}),
        "publishes": len(log.entries),
    }
