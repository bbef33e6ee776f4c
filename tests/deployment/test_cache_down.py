"""A real Redis server of the test's own, hung and then stopped under a running portal: every
surface answers from the database, publishing works, and nothing from before is served as
current once Redis is back."""

from __future__ import annotations

import signal
import socket
import subprocess
import time

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests import factories
from wagtail_baucu import resilient_cache


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """``redis-server`` on a free port, nothing saved, that can be hung, stopped and started."""

    def __init__(self):
        self.port = free_port()
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def hang(self):
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def stop(self):
        self.process.send_signal(signal.SIGCONT)
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server():
    server = RedisServer()
    caches_setting = {
        "default": {
            "BACKEND": "wagtail_baucu.resilient_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    # Retry the cache on every call, so the test sees it come back at once.
    with override_settings(CACHES=caches_setting, WAGTAIL_BAUCU={"CACHE_RETRY_INTERVAL": 0}):
        resilient_cache._down_until.clear()
        yield server
        caches.close_all()
    server.stop()
    resilient_cache._down_until.clear()


def surfaces(article) -> list[str]:
    return [
        "/",
        "/tin-tuc/",
        article.url,
        "/tin-tuc/feed/atom/",
        "/tin-tuc/feed/json/",
        article.url + "qr.svg",
        article.url + "qr.png",
        "/api/v2/news/",
        f"/api/v2/news/{article.pk}/",
    ]


def answers(client, paths) -> dict[str, int]:
    return {path: client.get(path).status_code for path in paths}


def test_the_portal_answers_and_publishes_through_a_hung_then_stopped_redis(
    client, site_tree, agencies, redis_server
):
    first = site_tree.article("Lịch bầu cử", agency=agencies["UBBC"], slug="lich-bau-cu")
    paths = surfaces(first)
    assert set(answers(client, paths).values()) == {200}  # every surface cached in Redis
    assert client.get("/healthz/").json() == {"status": "ok", "database": "ok", "cache": "ok"}

    redis_server.hang()
    started = time.monotonic()
    assert set(answers(client, paths).values()) == {200}
    # Client timeouts, not a hung worker: each failed call costs at most the socket timeout.
    assert time.monotonic() - started < 30
    during = site_tree.article("Kết quả sơ bộ", agency=agencies["UBBC"], slug="ket-qua-so-bo")
    assert b"/tin-tuc/ket-qua-so-bo/" in client.get("/tin-tuc/feed/atom/").content
    health = client.get("/healthz/")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "cache": "down"}
    assert health["Cache-Control"].startswith("max-age=0")

    # Back with everything it held before: the entries from before the publish are not current.
    redis_server.resume()
    assert b"/tin-tuc/ket-qua-so-bo/" in client.get("/tin-tuc/feed/atom/").content
    assert b"/tin-tuc/ket-qua-so-bo/" in client.get("/tin-tuc/").content
    assert client.get("/healthz/").json()["cache"] == "ok"

    redis_server.stop()  # refused connections this time
    assert set(answers(client, paths).values()) == {200}
    factories.publish(during)  # a second revision, published while Redis is down
    first.unpublish()
    assert client.get(first.url + "qr.png").status_code == 404
    assert b"/tin-tuc/lich-bau-cu/" not in client.get("/tin-tuc/feed/atom/").content

    redis_server.start()  # empty, as a restarted Redis without persistence
    assert client.get(first.url + "qr.svg").status_code == 404
    assert b"/tin-tuc/lich-bau-cu/" not in client.get("/tin-tuc/feed/json/").content
    assert client.get(during.url + "qr.svg").status_code == 200
