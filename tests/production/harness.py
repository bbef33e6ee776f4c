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


_HANDED_OUT: set[int] = set()


def free_port() -> int:
    """A port free now and not given to another of the suite's servers (they bind later)."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in _HANDED_OUT:
            _HANDED_OUT.add(port)
            return port


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

    def __init__(self, database: str | None = "baucu"):
        self.port = free_port()
        self.database = database
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
            if self.database:
                subprocess.run(
                    _as_postgres(
                        [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port)]
                    )
                    + ["-U", "postgres", self.database],
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
    """A Redis server on its own port, without persistence; ``config``: a configuration file
    to start it with instead (its port and address are still the suite's)."""

    def __init__(self, config: Path | None = None):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.config = config
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        settings = (
            [str(self.config)]
            if self.config
            else ["--save", "", "--appendonly", "no", "--maxmemory", "64mb"]
            + ["--maxmemory-policy", "allkeys-lru"]
        )
        self.process = subprocess.Popen(
            ["redis-server", *settings, "--port", str(self.port), "--bind", "127.0.0.1"],
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
    restarts: dict = field(default_factory=dict)
    closing: bool = False

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
            # Plain HTTP on loopback: TLS is the proxy's in front of a real deployment.
            DJANGO_SSL_REDIRECT="0",
            DJANGO_SECURE_COOKIES="0",
            DJANGO_HSTS_SECONDS="0",
            DJANGO_LOG_LEVEL="ERROR",
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
        log = open(self.media / f"{name}.log", "a")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=log, stderr=log)
        self.processes[name] = (process, log)
        return process

    def supervise(self, name: str, args: list[str]) -> None:
        """Keep a process running as systemd's ``Restart=always`` does (the guide's units):
        started again whenever it ends, until the stack closes; ``restarts[name]`` counts."""
        self.restarts[name] = 0
        self.spawn(name, args)

        def watch():
            while not self.closing:
                process, log = self.processes[name]
                if process.poll() is not None and not self.closing:
                    log.close()
                    self.restarts[name] += 1
                    time.sleep(0.1)  # systemd's RestartSec
                    self.spawn(name, args)
                time.sleep(0.2)

        threading.Thread(target=watch, daemon=True).start()

    def start_web(self) -> None:
        self.spawn(
            "gunicorn",
            [sys.executable, "-m", "gunicorn", "example_site.wsgi", "--workers", "2"]
            + ["--bind", f"127.0.0.1:{self.port}", "--timeout", "30"]
            + ["--env", "DJANGO_SETTINGS_MODULE=tests.production.site_settings"],
        )
        try:
            wait_until(
                lambda: requests.get(self.base + "/", timeout=5).status_code == 200,
                60,
                "gunicorn",
            )
        except TimeoutError as error:
            raise TimeoutError(f"{error}:\n{self.log('gunicorn')[-3000:]}") from None

    def log(self, name: str) -> str:
        return (self.media / f"{name}.log").read_text(errors="replace")

    def close(self) -> None:
        self.closing = True
        for process, log in self.processes.values():
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
            log.close()


def _stream_fields(prefix: str, state) -> list[tuple[str, str]]:
    """The POST fields of a block's form state, as Wagtail's block widgets write them."""
    if isinstance(state, list):
        fields = [(f"{prefix}-count", str(len(state)))]
        for index, child in enumerate(state):
            name = f"{prefix}-{index}"
            fields += [(f"{name}-deleted", ""), (f"{name}-order", str(index))]
            if isinstance(child, dict) and "type" in child:
                fields += [(f"{name}-type", child["type"]), (f"{name}-id", child.get("id") or "")]
                fields += _stream_fields(f"{name}-value", child["value"])
            else:
                fields += [(f"{name}-id", (child or {}).get("id") or "")]
                fields += _stream_fields(f"{name}-value", (child or {}).get("value"))
        return fields
    if isinstance(state, dict):
        return [f for key, value in state.items() for f in _stream_fields(f"{prefix}-{key}", value)]
    return [(prefix, "" if state is None else str(state))]


class Admin:
    """An editor in Wagtail's admin over HTTP: a real session, the CSRF token, the edit view."""

    def __init__(self, base: str, username: str, password: str):
        self.base = base
        self.http = requests.Session()
        self.http.get(f"{base}/admin/login/", timeout=10)
        response = self.http.post(
            f"{base}/admin/login/",
            data={
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": self.http.cookies["csrftoken"],
            },
            headers={"Referer": f"{base}/admin/login/"},
            timeout=10,
        )
        response.raise_for_status()
        if "sessionid" not in self.http.cookies:
            raise RuntimeError("admin login refused")

    def edit_form(self, page_id: int) -> list[tuple[str, str]]:
        """The fields the edit view's form would send as a browser sends it."""
        from lxml import html

        url = f"{self.base}/admin/pages/{page_id}/edit/"
        response = self.http.get(url, timeout=10)
        response.raise_for_status()
        form = html.fromstring(response.content).get_element_by_id("page-edit-form")
        data = []
        for block in form.xpath(".//div[@data-block]"):
            # A browser's JavaScript turns each block's state into form fields: do the same.
            state, _errors = json.loads(block.get("data-w-block-arguments-value"))
            data += _stream_fields(block.get("id"), state)
        for element in form.iter("input", "textarea", "select"):
            name = element.get("name")
            if not name or element.get("disabled") is not None:
                continue
            if element.tag == "input":
                kind = (element.get("type") or "text").lower()
                if kind in ("checkbox", "radio") and element.get("checked") is None:
                    continue
                if kind in ("submit", "button", "file", "image"):
                    continue
                data.append((name, element.get("value") or ("on" if kind == "checkbox" else "")))
            elif element.tag == "textarea":
                # A browser drops the newline that starts a textarea's content.
                data.append((name, (element.text or "").removeprefix("\n")))
            else:
                for option in element.iter("option"):
                    if option.get("selected") is not None:
                        data.append((name, option.get("value", option.text or "")))
        return data

    def publish(self, page_id: int, headers: dict | None = None) -> float:
        """Publish the page through the edit view; returns the request's time in seconds."""
        data = self.edit_form(page_id) + [("action-publish", "action-publish")]
        url = f"{self.base}/admin/pages/{page_id}/edit/"
        started = time.perf_counter()
        response = self.http.post(
            url, data=data, headers={"Referer": url, **(headers or {})}, timeout=60
        )
        took = time.perf_counter() - started
        if response.status_code != 200 or "/edit/" in response.url and "error" in response.text:
            raise RuntimeError(f"publish refused: {response.status_code} {response.url}")
        return took

    def unpublish(self, page_id: int) -> None:
        """Unpublish through the admin's confirmation form."""
        url = f"{self.base}/admin/pages/{page_id}/unpublish/"
        self.http.get(url, timeout=10).raise_for_status()
        response = self.http.post(
            url,
            data={"csrfmiddlewaretoken": self.http.cookies["csrftoken"]},
            headers={"Referer": url},
            timeout=60,
        )
        if response.status_code != 200:
            raise RuntimeError(f"unpublish refused: {response.status_code}")
