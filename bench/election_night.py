"""Election night: the results overview and the results feed under a bounded load while a
unit's result is published every few seconds.

``python -m bench.election_night [--units 30] [--seconds 40] [--interval 3] [--clients 8]``

A fresh SQLite file (or ``DATABASE_URL``), a portal seeded by ``bench.seed`` with an election
of ``--units`` units of three candidates each, served by gunicorn (two workers, the example
site's production settings, its per-process memory cache or Redis with ``REDIS_URL``) on
127.0.0.1. This process publishes one unit's result every ``--interval`` seconds through
Wagtail (``revision.publish()``, as a moderator's approval does) and notes when each commit
ended; ``--clients`` threads ask the overview and the JSON results feed in turn, each request
noting when it started. A response is **stale** if it shows fewer results than were committed
before it started. Targets: 0 errors, 0 stale responses. Writes ``bench/ELECTION_NIGHT.json``
and prints a Markdown summary. Only loopback addresses; every load is bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "ELECTION_NIGHT.json"
REPORTED = re.compile(rb"<dt>[^<]*</dt><dd>(\d+) / (\d+)</dd>")


def environment(data_dir: str) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "example_site.settings",
        "BAUCU_DATA_DIR": data_dir,
        "SECRET_KEY": "election-night-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_TASKS_BACKEND": "immediate",
    }


def seed_election(units: int):
    """The portal, an election with the National Assembly, ``units`` units and their lists;
    returns the election and the units' results still unpublished (drafts), in order."""
    from django.core.management import call_command

    from bench.seed import seed

    call_command("migrate", "--no-input", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0)
    seed(10, documents=20, host="127.0.0.1")
    return seed_results(units)


def seed_results(units: int):
    """In the (only) portal: the election, its body, ``units`` units of three candidates each,
    and the units' results as unpublished drafts; returns ``(election, body, drafts)``."""
    from wagtail_baucu.elections.mixins import (
        CandidateMixin,
        ElectoralUnitIndexMixin,
        ElectoralUnitMixin,
    )
    from wagtail_baucu.elections.models import Body, BodyKind, Election
    from wagtail_baucu.pages.mixins import ElectionPortalMixin
    from wagtail_baucu.pages.registry import page_model
    from wagtail_baucu.results.models import UnitResult

    portal = page_model(ElectionPortalMixin).objects.get()
    election = Election.objects.create(
        title="Bầu cử đại biểu Quốc hội khóa XV", election_day=date(2021, 5, 23), portal=portal
    )
    body = Body.objects.create(
        election=election, kind=BodyKind.NATIONAL_ASSEMBLY, name="Quốc hội", code="quoc-hoi"
    )
    index = page_model(ElectoralUnitIndexMixin)(title="Đơn vị bầu cử", slug="don-vi-bau-cu")
    portal.add_child(instance=index)
    index.save_revision().publish()
    drafts = []
    for number in range(1, units + 1):
        unit = page_model(ElectoralUnitMixin)(
            title=f"Đơn vị bầu cử số {number}",
            slug=f"quoc-hoi-{number}",
            body=body,
            number=number,
            seats=2,
            area_covered=f"Phường số {number}",
        )
        index.add_child(instance=unit)
        unit.save_revision().publish()
        candidates = []
        for i, name in enumerate(("An", "Bình", "Chi")):
            page = page_model(CandidateMixin)(
                title=f"Nguyễn Văn {name} {number}",
                slug=f"ung-cu-vien-{number}-{i}",
                date_of_birth=date(1960 + 5 * i, 1, 1),
            )
            unit.add_child(instance=page)
            page.save_revision().publish()
            candidates.append(page)
        result = UnitResult(
            body=body,
            unit_number=number,
            voters_on_list=3000,
            voters_who_voted=2700,
            valid_ballots=2650,
            invalid_ballots=50,
            decided_by=f"Ban bầu cử đơn vị số {number}",
            decision_reference=f"Biên bản số {number}/BB-BBC",
            live=False,
        )
        for page, votes in zip(candidates, (2000, 1700, 900), strict=True):
            result.votes.add(result.votes.model(candidate=page, votes=votes))
        result.save()
        drafts.append(result)
    return election, body, drafts


def run(units: int, seconds: int, interval: float, clients: int) -> dict:
    from bench import served

    data_dir = tempfile.mkdtemp(prefix="election-night-")
    env = environment(data_dir)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    election, body, drafts = seed_election(units)
    port = served.free_port()
    server = served.start_gunicorn(env, port, workers=2)
    base = f"http://{served.LOOPBACK}:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz/", timeout=5).read()
            break
        except OSError:
            time.sleep(0.3)
    try:
        found = measure(base, election, body, drafts, seconds, interval, clients)
    finally:
        served.stop(server)
    return {
        "units": units,
        **found,
        "database": os.environ.get("DATABASE_URL", "SQLite file"),
        "cache": "Redis" if os.environ.get("REDIS_URL") else "per-process memory",
    }


def seen(body_bytes: bytes, status: int, *, feed: bool) -> int:
    """How many results a response shows: the feed's items, or the overview's units reported;
    -1 for an error or a page that does not say (counted as stale)."""
    if status != 200:
        return -1
    if feed:
        return len(json.loads(body_bytes)["items"])
    found = REPORTED.search(body_bytes)
    return int(found.group(1)) if found else -1


def measure(base, election, body, drafts, seconds, interval, clients) -> dict:
    """Publish ``drafts`` one every ``interval`` seconds while ``clients`` threads ask the
    overview and the JSON feed at ``base`` for ``seconds``; the figures per surface."""
    overview = f"{base}/ket-qua-bau-cu/{election.pk}/{body.code}/"
    feed = f"{overview}feed/json/"
    committed: list[float] = []  # monotonic time each publication's commit ended
    lock = threading.Lock()
    samples: list[tuple[str, float, float, int, int, int]] = []  # url, start, ms, status, seen, due
    stop_at = time.monotonic() + seconds

    def publisher():
        from django.db import connection

        for result in drafts:
            if time.monotonic() >= stop_at - interval:
                break
            result.save_revision().publish()
            with lock:
                committed.append(time.monotonic())
            time.sleep(interval)
        connection.close()

    def client(which: int):
        urls = (overview, feed) if which % 2 == 0 else (feed, overview)
        turn = 0
        while time.monotonic() < stop_at:
            url = urls[turn % 2]
            turn += 1
            with lock:
                due = len(committed)
            started = time.monotonic()
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    body_bytes, status = response.read(), response.status
            except urllib.error.HTTPError as error:
                body_bytes, status = b"", error.code
            except OSError:
                body_bytes, status = b"", 0
            elapsed = (time.monotonic() - started) * 1000
            shown = seen(body_bytes, status, feed=url == feed)
            samples.append((url, started, elapsed, status, shown, due))

    threads = [threading.Thread(target=publisher)] + [
        threading.Thread(target=client, args=(i,)) for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    figures = {}
    for name, url in (("overview", overview), ("results feed (JSON)", feed)):
        mine = [s for s in samples if s[0] == url]
        times = sorted(s[2] for s in mine)
        figures[name] = {
            "requests": len(mine),
            "errors": sum(1 for s in mine if s[3] != 200),
            "stale": sum(1 for s in mine if s[3] == 200 and s[4] < s[5]),
            "p50_ms": round(statistics.median(times), 1) if times else None,
            "p99_ms": round(times[int(len(times) * 0.99) - 1], 1) if times else None,
            "requests_per_second": round(len(mine) / seconds, 1),
        }
    return {
        "seconds": seconds,
        "interval_seconds": interval,
        "clients": clients,
        "publications": len(committed),
        "surfaces": figures,
    }


def markdown(found: dict) -> str:
    lines = [
        f"Election night: {found['publications']} results published, one every "
        f"{found['interval_seconds']} s, {found['clients']} clients for {found['seconds']} s "
        f"({found['database']}, {found['cache']} cache, gunicorn with 2 workers).",
        "",
        "| surface | requests | req/s | p50 ms | p99 ms | errors | stale |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, f in found["surfaces"].items():
        lines.append(
            f"| {name} | {f['requests']} | {f['requests_per_second']} | {f['p50_ms']} | "
            f"{f['p99_ms']} | {f['errors']} | {f['stale']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=40)
    parser.add_argument("--interval", type=float, default=3.0)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    found = run(args.units, args.seconds, args.interval, min(args.clients, 32))
    OUT.write_text(json.dumps(found, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(markdown(found))
    failed = any(f["errors"] or f["stale"] for f in found["surfaces"].values())
    sys.exit(1 if failed or not found["publications"] else 0)


if __name__ == "__main__":
    main()
