"""The example site's production configuration: refuses to start without a key, passes
``check --deploy``, and keeps secrets out of tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.test import RequestFactory, override_settings
from django.views.debug import ExceptionReporter

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SECRET_KEY": "k8Jx2-production-like-key-with-enough-length-and-variety-9aQ",
    "ALLOWED_HOSTS": "bau-cu.example.vn",
    "CSRF_TRUSTED_ORIGINS": "https://bau-cu.example.vn",
    "DJANGO_BEHIND_TLS_PROXY": "1",
    "DATABASE_URL": "sqlite://:memory:",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in ("SECRET_KEY", "REDIS_URL", "DATABASE_URL")
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_reports_nothing_for_the_production_configuration():
    done = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_check_deploy_reports_nothing_with_redis_either():
    done = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        REDIS_URL="redis://:s3cret@127.0.0.1:6390/0",
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_production_without_a_secret_key_refuses_to_start_and_says_why():
    done = manage("check", DATABASE_URL="sqlite://:memory:")
    assert done.returncode != 0
    assert "SECRET_KEY is not set" in done.stderr
    assert "DJANGO_DEBUG=1" in done.stderr


def test_debug_is_off_unless_asked_for():
    code = "from django.conf import settings; print(settings.DEBUG)"
    assert manage("shell", "-c", code, **PRODUCTION).stdout.split()[-1] == "False"
    demo = manage("shell", "-c", code, DJANGO_DEBUG="1", DATABASE_URL="sqlite://:memory:")
    assert demo.stdout.split()[-1] == "True", demo.stderr


# Built from parts: the traceback also shows this file's source lines.
PASSWORD = "-".join(["hunter2", "cache"])
HOST = ".".join(["10", "0", "0", "5"])
REDIS_WITH_PASSWORD = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": f"redis://:{PASSWORD}@{HOST}:6379/0",
    }
}


@override_settings(CACHES=REDIS_WITH_PASSWORD, DEBUG=True)
def test_a_traceback_shows_neither_the_cache_location_nor_urls_with_credentials():
    request = RequestFactory().get("/")
    try:
        raise ValueError("boom")
    except ValueError:
        reporter = ExceptionReporter(request, *sys.exc_info())
        html = reporter.get_traceback_html()
        text = reporter.get_traceback_text()
    assert PASSWORD not in html and PASSWORD not in text
    assert HOST not in html
    assert "CACHES" in html  # the setting is listed, its secrets replaced


def redis(options: dict) -> dict:
    backend = "wagtail_baucu.resilient_cache.RedisCache"
    return {
        "default": {"BACKEND": backend, "LOCATION": "redis://127.0.0.1:1/0", "OPTIONS": options}
    }


def test_the_check_warns_of_a_redis_cache_without_client_timeouts():
    from django.core.checks import run_checks

    with override_settings(CACHES=redis({})):
        assert "wagtail_baucu.W002" in [m.id for m in run_checks()]
    with override_settings(CACHES=redis({"socket_connect_timeout": 1, "socket_timeout": 1})):
        assert "wagtail_baucu.W002" not in [m.id for m in run_checks()]
    # Per-process, file, database and no cache are correct across processes (the tokens are in
    # the database): nothing to refuse, nothing to say.
    for backend, location in [
        ("locmem.LocMemCache", ""),
        ("filebased.FileBasedCache", "/tmp/baucu-check-cache"),
        ("db.DatabaseCache", "baucu_cache"),
        ("dummy.DummyCache", ""),
    ]:
        config = {"BACKEND": f"django.core.cache.backends.{backend}", "LOCATION": location}
        with override_settings(CACHES={"default": config}):
            assert not [m for m in run_checks() if m.id.startswith("wagtail_baucu.")], backend


UNREACHABLE_DATABASE = """
from django.test import Client
client = Client(raise_request_exception=False)
for path in ("/healthz/", "/", "/tin-tuc/feed/atom/", "/api/v2/news/"):
    r = client.get(path)
    print(path, r.status_code, r.get("Retry-After"), r.get("Cache-Control"))
print(client.get("/healthz/").json())
print(client.get("/").content.decode())
"""


def test_a_database_that_does_not_answer_gives_clean_503s_with_retry_after():
    done = manage(
        "shell",
        "-c",
        UNREACHABLE_DATABASE,
        **{
            **PRODUCTION,
            "DATABASE_URL": "sqlite:////nonexistent-folder/db.sqlite3",
            "ALLOWED_HOSTS": "testserver",
        },
        DJANGO_SSL_REDIRECT="0",
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    statuses = [line for line in lines if line.startswith("/")]
    assert len(statuses) == 4, done.stdout
    for line in statuses:
        path, status, retry_after, cache_control = line.split(" ", 3)
        assert (status, retry_after) == ("503", "5"), line
        assert "no-store" in cache_control
    assert "{'status': 'down', 'database': 'down', 'cache': 'ok'}" in done.stdout
    assert "Hệ thống đang tạm gián đoạn" in done.stdout
    assert "Traceback" not in done.stdout
