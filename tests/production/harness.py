"""The processes of the production shape, started on loopback for the suite.

A PostgreSQL cluster and a Redis server of the suite's own (other ports, temporary folders, so
they can be stopped and restarted without touching anything else), gunicorn with two workers,
the task worker, an editor process and a WebSub hub stub in the test process.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import requests

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = check()
        except Exception:
            result = None
        if result:
            return result
        time.sleep(interval)
    raise TimeoutError(f"{what} not ready after {timeout} s")


def _as_postgres(args: list[str]) -> list[str]:
    # initdb and the server refuse to run as root; CI runs as root.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


class Postgres:
    """A cluster in a temporary folder, listening on 127.0.0.1:<port> only."""

    def __init__(self):
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="baucu-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/baucu"

    def _ctl(self, *args: str) -> None:
        subprocess.run(
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60", *args]),
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        if not self.data.exists():
            subprocess.run(
                _as_postgres(
                    [str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres"]
                    + ["--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]
                ),
                check=True,
                capture_output=True,
            )
            self._options = (
                f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
                " -c synchronous_commit=off -c full_page_writes=off"
            )
            self._ctl("-o", self._options, "-l", str(self.dir / "log"), "start")
            subprocess.run(
                _as_postgres([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port)])
                + ["-U", "postgres", "baucu"],
                check=True,
                capture_output=True,
            )
        else:
            self._ctl("-o", self._options, "-l", str(self.dir / "log"), "start")

    def restart(self) -> None:
        self._ctl("-m", "fast", "-o", self._options, "-l", str(self.dir / "log"), "restart")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._ctl("-m", "immediate", "stop")

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    """A Redis server on its own port, without persistence."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--maxmemory", "64mb"]
            + ["--maxmemory-policy", "allkeys-lru"],
            stdout=subprocess.DEVNULL,
        )
        wait_until(
            lambda: socket.create_connection(("127.0.0.1", self.port), 0.2).close() or True,
            10,
            "Redis",
        )

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


class Hub:
    """A WebSub hub stub: records the ``hub.url`` of every ping; can be made slow or down."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hub"
        self.pings: list[tuple[float, str]] = []
        self.delay = 0.0
        self.server: ThreadingHTTPServer | None = None
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode())
                if hub.delay:
                    time.sleep(hub.delay)
                for url in form.get("hub.url", []):
                    hub.pings.append((time.time(), url))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.handler = Handler

    def up(self) -> None:
        if self.server is None:
            self.server = ThreadingHTTPServer(("127.0.0.1", self.port), self.handler)
            self.server.daemon_threads = True
            threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def down(self) -> None:
        """Connections refused from now on."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def pinged(self, since: float) -> set[str]:
        return {url for when, url in list(self.pings) if when >= since}


class Editor:
    """The editor process (``tests/production/editor.py``) and its one-line JSON commands."""

    def __init__(self, env: dict):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.production.editor"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.lock = threading.Lock()

    def __call__(self, **command) -> dict:
        with self.lock:
            self.process.stdin.write(json.dumps(command) + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the editor process ended")
        return json.loads(line)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(20)


@dataclass
class Stack:
    """The running shape: its services, its base URL and how to run commands against it."""

    postgres: Postgres
    redis: Redis
    hub: Hub
    media: Path
    port: int = field(default_factory=free_port)
    processes: dict = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict:
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "BAUCU_", "PYTEST")) and k != "DATABASE_URL"
        }
        env.update(
            PYTHONPATH=str(ROOT),
            DJANGO_SETTINGS_MODULE="tests.production.site_settings",
            DATABASE_URL=self.postgres.url,
            REDIS_URL=self.redis.url,
            SECRET_KEY="production-suite-" + "x" * 40,
            DEBUG="0",
            DJANGO_DEBUG="0",
            ALLOWED_HOSTS="127.0.0.1,localhost",
            CSRF_TRUSTED_ORIGINS=self.base,
            WAGTAILADMIN_BASE_URL=self.base,
            BAUCU_DATA_DIR=str(self.media),
            BAUCU_TEST_HUB=self.hub.url,
            PYTHONUNBUFFERED="1",
        )
        return env

    def manage_args(self, *args: str) -> list[str]:
        return [sys.executable, "manage.py", *args]

    def manage(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )

    def spawn(self, name: str, args: list[str]) -> subprocess.Popen:
        log = open(self.media / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=log, stderr=log)
        self.processes[name] = (process, log)
        return process

    def start_web(self) -> None:
        self.spawn(
            "gunicorn",
            [sys.executable, "-m", "gunicorn", "example_site.wsgi", "--workers", "2"]
            + ["--bind", f"127.0.0.1:{self.port}", "--timeout", "30"]
            + ["--env", "DJANGO_SETTINGS_MODULE=tests.production.site_settings"],
        )
        wait_until(
            lambda: requests.get(self.base + "/", timeout=5).status_code == 200, 60, "gunicorn"
        )

    def log(self, name: str) -> str:
        return (self.media / f"{name}.log").read_text(errors="replace")

    def close(self) -> None:
        for process, log in self.processes.values():
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
            log.close()
