"""Run the benchmarks, write the results, and fail if a target is missed.

``make bench`` (``python -m bench.run``): for SQLite and PostgreSQL, a fresh database per size
(N = 100 and N = 10,000 articles), seeded, then measured in a process of its own: feeds against
a ``django.contrib.syndication`` baseline, article pages, indexes, QR codes, the generation
tokens' read; growth from N = 100 to N = 10,000; the example site served by gunicorn under
load. Writes ``bench/RESULTS.md``, with the production suite's figures of its last run
(``bench/production.json``, written by ``make test-production``).

``make bench-smoke`` (``python -m bench.run --smoke``): N = 100 on SQLite with few repetitions,
no served run; keeps the code working in CI. Only query-count targets can fail it.

The databases are created by this script: SQLite files under ``var/bench``, PostgreSQL databases
``bench_baucu_<N>`` on ``BAUCU_BENCH_POSTGRES`` (default ``postgres://postgres@127.0.0.1:5432``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(os.environ.get("BAUCU_BENCH_DIR", ROOT / "var" / "bench"))
POSTGRES = os.environ.get("BAUCU_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BAUCU_BENCH_REDIS", "redis://127.0.0.1:6379/0")
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
PERFORMANCE_DOC = ROOT / "docs" / "performance.md"
FEEDS = ("rss", "atom", "json")


@dataclass(frozen=True)
class Profile:
    """How much to measure."""

    engines: tuple[str, ...]
    sizes: tuple[int, ...]
    repeat: int
    feed_repeat: int
    qr_urls: int
    qr_repeat: int
    served: bool
    output: Path
    batches: int = 3
    smoke: bool = False
    served_seconds: int = 10
    served_rounds: int = 2


PROFILES = {
    "full": Profile(
        engines=("sqlite", "postgresql"),
        sizes=(100, 10_000),
        repeat=15,
        feed_repeat=15,
        qr_urls=50,
        qr_repeat=3,
        served=True,
        output=RESULTS,
        batches=5,
    ),
    "smoke": Profile(
        engines=("sqlite",),
        sizes=(100,),
        repeat=3,
        feed_repeat=3,
        qr_urls=5,
        qr_repeat=1,
        served=False,
        output=BENCH_DIR / "SMOKE.md",
        batches=1,
        smoke=True,
    ),
}


# --- Optional parts: the feeds and QR benchmarks ---------------------------------------------


def optional_module(name: str):
    """``bench.<name>`` if that benchmark exists, else ``None``."""
    try:
        return importlib.import_module(f"bench.{name}")
    except ModuleNotFoundError as error:
        if error.name == f"bench.{name}":
            return None
        raise


# --- Databases ----------------------------------------------------------------------------------


def sqlite_url(name: str) -> str:
    return f"sqlite:///{BENCH_DIR / (name + '.sqlite3')}"


def postgres_url(name: str) -> str:
    return f"{POSTGRES}/{name}"


def postgres_admin(*statements: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url("postgres"), autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def remove_sqlite(name: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        (BENCH_DIR / f"{name}.sqlite3{suffix}").unlink(missing_ok=True)


def worker_env(database_url: str, label: str, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BAUCU_BENCH_DATABASE_URL": database_url,
        "BAUCU_BENCH_DIR": str(BENCH_DIR),
        "BAUCU_BENCH_MEDIA_ROOT": str(BENCH_DIR / "media" / label),
        "PYTHONPATH": str(ROOT),
        **extra,
    }
    env.pop("BAUCU_BENCH_REDIS_URL", None)
    return env


def migrate(database_url: str, label: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--no-input", "-v0"],
        env=worker_env(database_url, label),
        cwd=ROOT,
        check=True,
    )
    return time.perf_counter() - started


def fresh_databases(engine: str, sizes: tuple[int, ...]) -> tuple[dict[int, str], float]:
    """An empty, migrated database per size (migrated once, then copied); their URLs."""
    template = "bench_baucu_template"
    if engine == "sqlite":
        remove_sqlite(template)
        seconds = migrate(sqlite_url(template), template)
        urls = {}
        for n in sizes:
            name = f"bench_baucu_{n}"
            remove_sqlite(name)
            shutil.copyfile(BENCH_DIR / f"{template}.sqlite3", BENCH_DIR / f"{name}.sqlite3")
            urls[n] = sqlite_url(name)
        return urls, seconds
    postgres_admin(f"DROP DATABASE IF EXISTS {template}", f"CREATE DATABASE {template}")
    seconds = migrate(postgres_url(template), template)
    urls = {}
    for n in sizes:
        name = f"bench_baucu_{n}"
        postgres_admin(
            f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name} TEMPLATE {template}"
        )
        urls[n] = postgres_url(name)
    return urls, seconds


# --- One database, in its own process -----------------------------------------------------------


def worker(args: argparse.Namespace) -> None:
    """In a process of its own: seed the configured database, or measure it; write JSON."""
    import django

    django.setup()
    from bench.seed import SeededPortal, seed

    if args.seed:
        Path(args.out).write_text(json.dumps(seed(args.n).as_dict(), indent=1))
        return
    from bench import pages_bench

    portal = SeededPortal(**json.loads(Path(args.portal).read_text()))
    result: dict = {"pages": pages_bench.run(portal, args.repeat)}
    feeds = optional_module("feeds_bench")
    result["feeds"] = (
        {"formats": {fmt: feeds.run(portal, repeat=args.feed_repeat, fmt=fmt) for fmt in FEEDS}}
        if feeds
        else None
    )
    qr = optional_module("qr_bench") if args.qr_urls else None
    result["qr"] = qr.run(portal, urls=args.qr_urls, repeat=args.qr_repeat) if qr else None
    tokens = optional_module("tokens_bench")
    result["tokens"] = tokens.run(portal, repeat=args.repeat) if tokens else None
    Path(args.out).write_text(json.dumps(result, indent=1, default=str))


def in_worker(database_url: str, label: str, out: Path, *options: str) -> dict:
    out.unlink(missing_ok=True)
    command = [sys.executable, "-m", "bench.run", "--worker", *options, "--out", str(out)]
    subprocess.run(command, env=worker_env(database_url, label), cwd=ROOT, check=True)
    return json.loads(out.read_text())


def seed_database(engine: str, n: int, database_url: str) -> dict:
    label = f"{engine}-{n}"
    return in_worker(
        database_url, label, BENCH_DIR / f"{label}-portal.json", "--seed", "--n", str(n)
    )


def measure(engine: str, n: int, database_url: str, profile: Profile, *, qr: bool) -> dict:
    """One batch of measurements of a seeded database, in a fresh process."""
    label = f"{engine}-{n}"
    batch = max(1, profile.repeat // profile.batches)
    return in_worker(
        database_url,
        label,
        BENCH_DIR / f"{label}-batch.json",
        "--portal",
        str(BENCH_DIR / f"{label}-portal.json"),
        "--repeat",
        str(batch),
        "--feed-repeat",
        str(max(1, profile.feed_repeat // profile.batches)),
        "--qr-urls",
        str(profile.qr_urls if qr else 0),
        "--qr-repeat",
        str(profile.qr_repeat),
    )


def merge(parts: list):
    """Batches of the same measurements as one: the median of each figure over the batches.

    Counts of runs add up; figures equal in every batch (query counts, sizes) stay as they are.
    """
    parts = [part for part in parts if part is not None] or [None]
    first = parts[0]
    if isinstance(first, dict):
        return {
            key: sum(p[key] for p in parts) if key == "runs" else merge([p.get(key) for p in parts])
            for key in first
        }
    if all(part == first for part in parts):
        return first
    if all(isinstance(part, int | float) and not isinstance(part, bool) for part in parts):
        return statistics.median(parts)
    return first


def serve(database_url: str, label: str, portal: dict, profile: Profile) -> dict:
    from bench import served

    if not served.wrk_available():
        return {"error": "wrk is not installed (Debian: apt-get install -y wrk)"}
    env = worker_env(
        database_url,
        label,
        BAUCU_BENCH_REDIS_URL=REDIS,
        BAUCU_BENCH_CACHE_PREFIX=f"baucu-bench-{os.getpid()}-{int(time.time())}",
    )
    feed_path = portal["urls"]["portal"] + "feed/rss/"
    return served.run(
        env,
        {"feed": feed_path, "article": portal["urls"]["article"]},
        BENCH_DIR / "static-ceiling",
        seconds=profile.served_seconds,
        rounds=profile.served_rounds,
    )


# --- The machine ---------------------------------------------------------------------------------


def command_output(*command: str) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=20).stdout.strip(
            "\n"
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def versions(profile: Profile) -> dict[str, str]:
    found = {"Python": platform.python_version()}
    for package in (
        "Django",
        "wagtail",
        "feedgen",
        "qrcode",
        "segno",
        "gunicorn",
        "psycopg",
        "redis",
    ):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    import sqlite3

    found["SQLite"] = sqlite3.sqlite_version
    if "postgresql" in profile.engines:
        found["PostgreSQL"] = command_output(
            "psql", postgres_url("postgres"), "-Atc", "SHOW server_version"
        )
    if profile.served:
        info = command_output("redis-cli", "-u", REDIS, "INFO", "server")
        found["Redis"] = (
            info.partition("redis_version:")[2].split()[0]
            if "redis_version:" in info
            else "unknown"
        )
        found["wrk"] = command_output("dpkg-query", "-W", "-f=${Version}", "wrk") or "unknown"
    return found


def machine() -> dict[str, str]:
    return {
        "nproc": command_output("nproc"),
        "memory": command_output("free", "-h"),
        "cpu": cpu_model(),
        "system": f"{platform.system()} {platform.release()}",
        "commit": commit(),
    }


def commit() -> str:
    """The commit measured, and how many tracked files differed from it."""
    head = command_output("git", "-C", str(ROOT), "rev-parse", "--short", "HEAD")
    changed = command_output(
        "git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"
    ).splitlines()
    return f"{head} + {len(changed)} modified files" if changed else head


# --- Orchestration -------------------------------------------------------------------------------


@dataclass
class Run:
    profile: Profile
    started: datetime
    machine: dict
    versions: dict
    migrations: dict[str, float] = field(default_factory=dict)
    results: dict[str, dict[int, dict]] = field(default_factory=dict)
    served: dict | None = None
    seconds: float = 0.0


def say(message: str, clock: float) -> None:
    print(f"[bench] {time.perf_counter() - clock:6.0f} s  {message}", flush=True)


def orchestrate(profile: Profile) -> Run:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    run = Run(profile, datetime.now(UTC), machine(), versions(profile))
    clock = time.perf_counter()
    for engine in profile.engines:
        say(f"{engine}: migrating a fresh database", clock)
        urls, run.migrations[engine] = fresh_databases(engine, profile.sizes)
        portals = {}
        for n in profile.sizes:
            say(f"{engine}, N={n}: seeding", clock)
            portals[n] = seed_database(engine, n, urls[n])
        # The sizes take turns, batch by batch, so a drift of the machine hits both alike.
        batches: dict[int, list[dict]] = {n: [] for n in profile.sizes}
        for number in range(profile.batches):
            order = profile.sizes if number % 2 == 0 else tuple(reversed(profile.sizes))
            for n in order:
                say(f"{engine}, N={n}: batch {number + 1}/{profile.batches}", clock)
                # QR codes do not depend on the database or N: measured in every batch of the
                # first database's smaller size, so their figures are medians over batches too.
                qr = engine == profile.engines[0] and n == min(profile.sizes)
                batches[n].append(measure(engine, n, urls[n], profile, qr=qr))
        # Each batch is kept too: growth compares a batch with the one run beside it.
        run.results[engine] = {
            n: {"n": n, "seed": portals[n], **merge(batches[n]), "batches": batches[n]}
            for n in profile.sizes
        }
        if profile.served and engine == "postgresql":
            n = max(profile.sizes)
            say(f"{engine}, N={n}: served under load", clock)
            run.served = serve(urls[n], f"{engine}-{n}", portals[n], profile)
    run.seconds = time.perf_counter() - clock
    return run


def update_docs(summary: list[str]) -> None:
    """Put the run's headline figures between the markers in ``docs/performance.md``."""
    start, end = "<!-- bench-summary -->", "<!-- /bench-summary -->"
    text = PERFORMANCE_DOC.read_text()
    if start not in text or end not in text:
        return
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    PERFORMANCE_DOC.write_text(before + start + "\n" + "\n".join(summary) + "\n" + end + after)


def load_run(path: Path, profile: Profile) -> Run:
    """The run saved in ``path`` (``results.json``), to report it again."""
    saved = json.loads(path.read_text())
    return Run(
        profile=Profile(
            **{
                **saved["profile"],
                "engines": tuple(saved["profile"]["engines"]),
                "sizes": tuple(saved["profile"]["sizes"]),
                "output": profile.output,
            }
        ),
        started=datetime.fromisoformat(saved["started"]),
        machine=saved["machine"],
        versions=saved["versions"],
        migrations=saved["migrations"],
        results={
            engine: {int(n): result for n, result in by_size.items()}
            for engine, by_size in saved["results"].items()
        },
        served=saved["served"],
        seconds=saved.get("seconds", 0.0),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="wagtail-baucu benchmarks")
    parser.add_argument("--smoke", action="store_true", help="N=100, SQLite, a few repetitions")
    parser.add_argument("--output", type=Path, help="where to write the results (Markdown)")
    parser.add_argument("--engines", help="comma-separated: sqlite,postgresql")
    parser.add_argument("--sizes", help="comma-separated numbers of articles, e.g. 100,10000")
    parser.add_argument("--no-served", action="store_true", help="skip the gunicorn run")
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="write the report again from the last run's figures",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--seed", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--portal", help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=15, help=argparse.SUPPRESS)
    parser.add_argument("--feed-repeat", type=int, default=15, help=argparse.SUPPRESS)
    parser.add_argument("--qr-urls", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--qr-repeat", type=int, default=3, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args)
        return 0

    from bench import report

    profile = PROFILES["smoke" if args.smoke else "full"]
    changes = {
        "output": args.output,
        "engines": tuple(args.engines.split(",")) if args.engines else None,
        "sizes": tuple(int(n) for n in args.sizes.split(",")) if args.sizes else None,
        "served": False if args.no_served else None,
    }
    profile = Profile(**{**profile.__dict__, **{k: v for k, v in changes.items() if v is not None}})
    saved = BENCH_DIR / ("smoke.json" if profile.smoke else "results.json")
    if args.report_only:
        run = load_run(saved, profile)
    else:
        run = orchestrate(profile)
        saved.write_text(json.dumps(report.raw(run, []), indent=1, default=str))
    verdicts = report.targets(run)
    profile.output.parent.mkdir(parents=True, exist_ok=True)
    profile.output.write_text(report.markdown(run, verdicts))
    saved.write_text(json.dumps(report.raw(run, verdicts), indent=1, default=str))
    if profile.output == RESULTS:
        update_docs(report.summary(run, verdicts))
    missed = [
        v for v in verdicts if v.status == "missed" and (v.deterministic or not profile.smoke)
    ]
    print(f"[bench] wrote {profile.output} in {run.seconds:.0f} s", flush=True)
    for verdict in verdicts:
        print(f"[bench] {verdict.status:>12}  {verdict.name}: {verdict.measured}", flush=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
