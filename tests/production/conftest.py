"""The production shape, started once for the suite (see ``harness``)."""

import json
import os
import shutil
import tempfile
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
            stack.spawn("worker", [*stack.manage_args("db_worker")])
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


FIGURES = Path(
    os.environ.get(
        "BAUCU_PRODUCTION_FIGURES", Path(__file__).parents[2] / "var" / "production.json"
    )
)


@pytest.fixture(scope="session")
def figures():
    """The run's measured figures, written as JSON when the suite ends (docs/deployment.md)."""
    measured: dict = {}
    yield measured
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    FIGURES.write_text(json.dumps(measured, indent=2, sort_keys=True) + "\n")
