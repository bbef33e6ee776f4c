"""Settings for the benchmarks: the example portal in production shape.

DEBUG off, cached template loader, a real cache (local memory in one process; Redis when
``BAUCU_BENCH_REDIS_URL`` is set, for the served run with several workers). The database comes
from ``BAUCU_BENCH_DATABASE_URL`` (default: an SQLite file under ``var/bench``).
"""

import copy
import os
from pathlib import Path

import dj_database_url

# The example site refuses to start in production without a key.
os.environ.setdefault("SECRET_KEY", "benchmarks-only")

from example_site.settings import *  # noqa: F403, E402
from example_site.settings import BASE_DIR, TEMPLATES  # noqa: E402

BENCH_DIR = Path(os.environ.get("BAUCU_BENCH_DIR", BASE_DIR / "var" / "bench"))

DEBUG = False
SECRET_KEY = "benchmarks-only"
# The benchmark's requests are plain HTTP on loopback; tasks run inline as in the demo.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "bench.urls"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("BAUCU_BENCH_DATABASE_URL", f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}"),
        conn_max_age=600,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # What Django's documentation advises for SQLite in production.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

if os.environ.get("BAUCU_BENCH_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["BAUCU_BENCH_REDIS_URL"],
            "KEY_PREFIX": os.environ.get("BAUCU_BENCH_CACHE_PREFIX", "baucu-bench"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "baucu-bench",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }

# Templates compiled once per process, as in production.
TEMPLATES = copy.deepcopy(TEMPLATES)
TEMPLATES[0]["APP_DIRS"] = False
TEMPLATES[0]["OPTIONS"]["loaders"] = [
    (
        "django.template.loaders.cached.Loader",
        [
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    )
]

MEDIA_ROOT = Path(os.environ.get("BAUCU_BENCH_MEDIA_ROOT", BENCH_DIR / "media"))
STATIC_ROOT = BENCH_DIR / "static"
WAGTAILADMIN_BASE_URL = "http://localhost"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
