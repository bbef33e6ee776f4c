"""A change made by one process shows on the next request of every other, with the default
per-process cache: a gunicorn server with two workers on an SQLite file, and changes made by
``manage.py`` commands run beside it (as cron runs ``publish_scheduled``)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUESTS = 12  # enough for both workers to answer several times
SHELL_PRELUDE = """
from tests import factories as f
from wagtail_baucu.pages.models import NewsArticlePage, NewsIndexPage

def article(title, slug):
    page = NewsArticlePage(title=title, slug=slug, lead="Tin về bầu cử.", live=False)
    NewsIndexPage.objects.get().add_child(instance=page)
    return page
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def portal_server(tmp_path):
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "example_site.settings",
        "BAUCU_DATA_DIR": str(tmp_path),
        "SECRET_KEY": "across-processes-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_TASKS_BACKEND": "immediate",
    }

    def manage(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def shell(code: str) -> str:
        return manage("shell", "-c", SHELL_PRELUDE + code)

    manage("migrate", "--no-input")
    manage("collectstatic", "--no-input", "--verbosity", "0")  # production's hashed names
    shell(
        "from wagtail.models import Site\n"
        "Site.objects.all().delete()\n"
        f"p = f.make_portal(hostname='127.0.0.1', port={port})\n"
        "p.article('Bài đầu tiên', slug='bai-dau-tien')\n"
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-t", "120", "-b", f"127.0.0.1:{port}"]
        + ["example_site.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # a busy machine boots Wagtail slowly
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz/", timeout=5)
            break
        except OSError:
            time.sleep(0.2)
    try:
        yield base, shell, manage
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


SURFACES = ["/tin-tuc/", "/tin-tuc/feed/atom/", "/tin-tuc/feed/rss/", "/tin-tuc/feed/json/"]


def seen_everywhere(base: str, slug: str) -> list[bool]:
    """For each of the next requests to the listing and feeds: whether the article is in it."""
    link = f"/tin-tuc/{slug}/".encode()
    return [link in get(base + path)[1] for _ in range(REQUESTS) for path in SURFACES]


def test_publish_and_unpublish_from_other_processes_show_on_the_next_request(portal_server):
    base, shell, manage = portal_server
    qr = base + "/tin-tuc/bai-dau-tien/qr.png"
    # Warm every worker's cache: feeds, listing, the article's QR code.
    assert all(seen_everywhere(base, "bai-dau-tien"))
    assert {get(qr)[0] for _ in range(REQUESTS)} == {200}

    shell("f.publish(article('Kết quả bầu cử', 'ket-qua'))")
    assert all(seen_everywhere(base, "ket-qua"))

    shell("NewsArticlePage.objects.get(slug='bai-dau-tien').unpublish()\n")
    assert not any(seen_everywhere(base, "bai-dau-tien"))
    assert {get(qr)[0] for _ in range(REQUESTS)} == {404}

    # Scheduled publishing, as cron runs it: another process, at its own time.
    shell(
        "import datetime\n"
        "from django.utils import timezone\n"
        "page = article('Thông báo hẹn giờ', 'hen-gio')\n"
        "f.schedule(page, timezone.now() + datetime.timedelta(seconds=1))\n"
    )
    assert not any(seen_everywhere(base, "hen-gio"))
    time.sleep(1.5)
    manage("publish_scheduled")
    assert all(seen_everywhere(base, "hen-gio"))
