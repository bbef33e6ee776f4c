"""The production shape, started once for the suite (see ``harness``)."""

import json
import os
import shutil
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.production.harness import Editor, Hub, Postgres, Redis, Stack


def task_worker_configured(stack: Stack) -> bool:
    """Whether the site queues its tasks in the database (so a task worker runs them)."""
    out = stack.manage(
        "shell", "-c", "from django.conf import settings; print(getattr(settings, 'TASKS', {}))"
    ).stdout
    return "DatabaseBackend" in out


@pytest.fixture(scope="session")
def stack():
    media = Path(tempfile.mkdtemp(prefix="baucu-prod-"))
    postgres, redis, hub = Postgres(), Redis(), Hub()
    stack = Stack(postgres=postgres, redis=redis, hub=hub, media=media)
    try:
        postgres.start()
        redis.start()
        hub.up()
        stack.manage("migrate", "--no-input")
        stack.manage("collectstatic", "--no-input")
        stack.manage("load_demo", "--hostname", "127.0.0.1", "--port", str(stack.port))
        stack.start_web()
        stack.task_worker = task_worker_configured(stack)
        if stack.task_worker:
            # db_worker exits when the database goes away (a PostgreSQL restart); the guide's
            # unit has it started again (Restart=always), and so does the suite.
            stack.supervise("worker", [*stack.manage_args("db_worker")])
        stack.editor = Editor(stack.env)
        yield stack
    finally:
        editor = getattr(stack, "editor", None)
        if editor is not None:
            editor.close()
        stack.close()
        redis.stop()
        postgres.close()
        shutil.rmtree(media, ignore_errors=True)


ROOT = Path(__file__).resolve().parents[2]
# The figures of the last complete run, read by the benchmark report (``bench/RESULTS.md``,
# ``bench/production_report.py``); a run of some proofs only writes them beside, in ``var/``.
FIGURES = Path(os.environ.get("BAUCU_PRODUCTION_FIGURES", ROOT / "bench" / "production.json"))
PARTIAL_FIGURES = ROOT / "var" / "production-partial.json"
OUTCOMES: dict[str, str] = {}
STARTED = time.time()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" or report.outcome != "passed":
        OUTCOMES[item.name] = report.outcome
    return report


def run_facts(started: float) -> dict:
    def git(*args: str) -> str:
        found = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return found.stdout.strip()

    changed = git("status", "--porcelain", "--untracked-files=no").splitlines()
    return {
        "started": datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds"),
        "seconds": round(time.time() - started, 1),
        "commit": git("rev-parse", "--short", "HEAD") + (" + changes" if changed else ""),
        "nproc": os.cpu_count(),
        "load_average_at_end": [round(load, 2) for load in os.getloadavg()],
        "outcomes": dict(sorted(OUTCOMES.items())),
    }


@pytest.fixture(scope="session")
def figures():
    """The run's measured figures, written as JSON when the suite ends (docs/deployment.md)."""
    from bench.production_report import PROOFS

    measured: dict = {}
    yield measured
    measured["run"] = run_facts(STARTED)
    complete = all(proof in measured for proof in PROOFS)
    path = FIGURES if complete else PARTIAL_FIGURES
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(measured, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
