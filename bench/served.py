"""Served throughput: the example portal under gunicorn, loaded with wrk on loopback.

Gunicorn runs the example site's WSGI application with ``bench.settings`` (2 sync workers,
Redis cache, the seeded PostgreSQL database) on 127.0.0.1. wrk (Debian package ``wrk``) keeps
16 connections busy for 10 seconds on each URL; every URL is compared with the same server
answering a static file of the same size through the same middleware (``bench.urls``), the
ceiling on this machine. Only loopback addresses are used and every load is bounded in time.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

LOOPBACK = "127.0.0.1"
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


@dataclass
class Load:
    """What wrk saw for one URL."""

    url: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    bytes: int

    def as_dict(self) -> dict:
        return self.__dict__.copy()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def start_gunicorn(env: dict[str, str], port: int, workers: int = 2) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "example_site.wsgi:application",
        "--bind",
        f"{LOOPBACK}:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        "--timeout",
        "60",
    ]
    return subprocess.Popen(command, env=env, start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    """Stop gunicorn (the arbiter and its workers, which share its process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def fetch(url: str, timeout: float = 30) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (loopback only)
        return response.read()


def wait_until_up(base: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited before answering")
        try:
            fetch(base + "/", timeout=5)
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer in time")


def parse_wrk(url: str, output: str, size: int) -> Load:
    """The figures of ``wrk --latency`` output."""

    def latency(percent: str) -> float:
        match = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        return float(match.group(1)) * UNITS[match.group(2)] if match else float("nan")

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return Load(
        url=url,
        requests_per_second=float(rps.group(1)) if rps else 0.0,
        p50_ms=latency("50"),
        p99_ms=latency("99"),
        requests=int(total.group(1)) if total else 0,
        errors=errors,
        bytes=size,
    )


def load(url: str, size: int, *, connections: int, seconds: int, threads: int = 2) -> Load:
    """One bounded wrk run against a loopback URL."""
    if not url.startswith(f"http://{LOOPBACK}:"):
        raise ValueError("The load tool only ever targets loopback")
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
        url,
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=True
    )
    return parse_wrk(url, result.stdout, size)


def median_load(runs: list[Load]) -> Load:
    """The run with the median throughput (its latencies go with it), errors summed."""
    ordered = sorted(runs, key=lambda run: run.requests_per_second)
    middle = ordered[len(ordered) // 2]
    return Load(
        url=middle.url,
        requests_per_second=statistics.median(run.requests_per_second for run in runs),
        p50_ms=middle.p50_ms,
        p99_ms=middle.p99_ms,
        requests=sum(run.requests for run in runs),
        errors=sum(run.errors for run in runs),
        bytes=middle.bytes,
    )


def run(
    env: dict[str, str],
    paths: dict[str, str],
    ceiling_dir: Path,
    *,
    connections: int = 16,
    seconds: int = 10,
    rounds: int = 2,
    workers: int = 2,
) -> dict:
    """Load each of ``paths`` (name: path on the site) and a static file of the same size.

    The compared pair runs in turn, ``rounds`` times; medians of requests per second are kept.
    """
    port = free_port()
    base = f"http://{LOOPBACK}:{port}"
    server = start_gunicorn(env, port, workers)
    try:
        wait_until_up(base, server)
        ceiling_dir.mkdir(parents=True, exist_ok=True)
        targets = {}
        for name, path in paths.items():
            body = fetch(base + path)
            # The same bytes as a file: same size, same transfer, no application work.
            file_name = f"{name}.bin"
            (ceiling_dir / file_name).write_bytes(body)
            targets[name] = (base + path, base + f"/__bench/static/{file_name}", len(body))
            for url in targets[name][:2]:
                for _ in range(5):
                    fetch(url)
        results = {}
        for name, (url, static_url, size) in targets.items():
            served, ceiling = [], []
            for _ in range(rounds):
                served.append(load(url, size, connections=connections, seconds=seconds))
                ceiling.append(load(static_url, size, connections=connections, seconds=seconds))
            page, static = median_load(served), median_load(ceiling)
            results[name] = {
                "path": paths[name],
                "served": page.as_dict(),
                "static": static.as_dict(),
                "ratio": page.requests_per_second / static.requests_per_second
                if static.requests_per_second
                else None,
            }
        return {
            "workers": workers,
            "connections": connections,
            "seconds": seconds,
            "rounds": rounds,
            "results": results,
        }
    finally:
        stop(server)
