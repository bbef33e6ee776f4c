"""The production suite's figures in the benchmark report (``bench/RESULTS.md``).

``make test-production`` (``tests/production/``) runs the portal as deployed (gunicorn workers,
PostgreSQL, Redis, the task worker, a WebSub hub stub), breaks it and measures it; a complete
run writes its figures to ``bench/production.json``. This module renders them as a section of
the report, between markers, so ``python -m bench.production_report`` can put the last
production run into ``bench/RESULTS.md`` without a benchmark run, and a benchmark run keeps
the section.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FIGURES = Path(__file__).resolve().parent / "production.json"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
START, END = "<!-- production-suite -->", "<!-- /production-suite -->"

# The proofs a complete run measures, by their key in the figures file.
PROOFS = (
    "publish_admin",
    "publish_scheduled",
    "load",
    "redis_outage",
    "postgres_restart",
    "websub",
    "guide",
)


def load(path: Path = FIGURES) -> dict | None:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def errors(figure: dict) -> int:
    """Answers other than 200, 304 and 404 that are not clean 503s."""
    statuses = figure.get("statuses", {})
    other = sum(n for status, n in statuses.items() if status not in ("200", "304", "404"))
    return other - figure.get("clean_503", 0)


def _seconds(value) -> str:
    return "—" if value is None else f"{value:.2f}"


def _load_row(name: str, figure: dict | None, recovery: str = "—") -> list[str]:
    if not figure:
        return [name, "not measured", "", "", "", "", "", ""]
    return [
        name,
        f"{figure['requests']:,}",
        str(errors(figure)),
        str(figure.get("clean_503", 0)),
        f"{figure['stale']} (max {figure['max_staleness_s']:.2f} s)",
        recovery,
        f"{figure['publishes']}",
        f"{figure['p50_ms']:.0f} / {figure['p99_ms']:.0f}",
    ]


def section(figures: dict | None) -> list[str]:
    """The report's section on the production suite, markers included."""
    lines = [START, "## 7. The production shape (`make test-production`)", ""]
    if not figures:
        return lines + [
            "Not measured: no complete run of the production suite (`bench/production.json`).",
            "",
            END,
        ]
    run = figures.get("run", {})
    outcomes = run.get("outcomes", {})
    passed = sum(outcome == "passed" for outcome in outcomes.values())
    load_at_end = ", ".join(f"{load:.1f}" for load in run.get("load_average_at_end", []))
    lines += [
        f"Run {run.get('started', '?')}, commit `{run.get('commit', '?')}`, "
        f"{run.get('seconds', 0):.0f} s, {passed} of {len(outcomes)} tests passed; "
        f"{run.get('nproc', '?')} CPUs, load average at the end {load_at_end or '?'} (the "
        "machine was shared with other work: timings are those of a loaded machine). "
        "gunicorn with 2 workers on the example site's production settings, a PostgreSQL "
        "cluster and a Redis server of the suite's own, the task worker and a WebSub hub stub, "
        "on loopback; 16 connections over pages, feeds, QR codes and the API while an editor "
        "process publishes every 2 s. Errors: answers other than 200, 304 and 404 that are not "
        "a clean 503 with `Retry-After`. Stale: a response sent after a publish had committed "
        "that does not show it. The proofs and how they are measured: `docs/deployment.md`, "
        '"What we tested".',
        "",
        "| proof | requests | errors | clean 503s | stale (max lag) | recovery (s) "
        "| publishes | p50 / p99 (ms) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    admin, scheduled = figures.get("publish_admin"), figures.get("publish_scheduled")
    for name, figure in (
        ("1. publish in the admin over HTTP", admin),
        ("1. `publish_scheduled` in another process", scheduled),
    ):
        if figure:
            lines.append(
                f"| {name} | {figure.get('requests', '—')} | {figure.get('errors', 0)} | 0 "
                f"| 0 | — | 1 | — |"
            )
    rows = [_load_row("2. load while publishing", figures.get("load"))]
    redis = figures.get("redis_outage")
    rows.append(_load_row("3. Redis stopped for 10 s", redis))
    postgres = figures.get("postgres_restart")
    rows.append(
        _load_row(
            "4. PostgreSQL restarted",
            postgres,
            _seconds((postgres or {}).get("recovered_after_s")),
        )
    )
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    lines.append("")
    notes = []
    if admin:
        notes.append(
            f"Proof 1: each of the next {admin['requests_each']} requests to each of "
            f"{admin['surfaces']} surfaces, from {admin['workers']} workers, showed the article "
            f"after the publish and none after the unpublish; the admin's publish request took "
            f"{admin['publish_request_s']:.2f} s."
        )
    if redis:
        notes.append(
            f"Proof 3: {redis.get('publishes_during_outage', '?')} of {redis['publishes']} "
            "publishes committed while Redis was down, every one shown once it was back."
        )
    if postgres:
        notes.append(
            f"Proof 4: `pg_ctl restart -m fast` took {postgres['restart_s']:.2f} s; the last "
            f"failed request was sent {postgres['recovered_after_s']:.2f} s after the restart "
            f"began; {postgres['publish_failures']} publish(es) failed during it."
        )
    websub = figures.get("websub")
    if websub:
        notes.append(
            f"Proof 5, publish request through the admin (median of {websub['rounds']} rounds, "
            f"conditions taking turns): no hub {websub['publish_no_hub_s']:.2f} s, hub "
            f"answering {websub['publish_answering_s']:.2f} s, hub slow "
            f"({websub['hub_slow_s']:.0f} s) {websub['publish_slow_s']:.2f} s, hub down "
            f"{websub['publish_down_s']:.2f} s; over no hub (median of the rounds' "
            f"differences, asked < {websub['tolerance_s']:.1f} s): answering "
            f"{websub['answering_over_no_hub_s']:+.3f} s, slow "
            f"{websub['slow_over_no_hub_s']:+.3f} s, down {websub['down_over_no_hub_s']:+.3f} s. "
            "The pings of the articles published while the hub was down reached it "
            f"{websub['pings_delivered_after_hub_up_s']:.1f} s after it answered again."
        )
    guide = figures.get("guide")
    if guide:
        notes.append(
            f"The deployment guide followed as written: {guide['commands']} commands from "
            f"`docs/deployment.md` in {guide['seconds']:.0f} s, then the home page, a feed, "
            f"`/healthz/` and a static file answered 200 from its gunicorn; "
            f"{guide['files_checked']} sample files checked ({', '.join(guide['checks'])})."
        )
    lines += [f"- {note}" for note in notes]
    return lines + ["", END]


def update(results: Path = RESULTS, figures: dict | None = None) -> None:
    """Put the production section into ``results``, replacing the one there, or at the end."""
    figures = load() if figures is None else figures
    text = results.read_text()
    block = "\n".join(section(figures))
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    results.write_text(text)


if __name__ == "__main__":
    update(Path(sys.argv[1]) if len(sys.argv) > 1 else RESULTS)
