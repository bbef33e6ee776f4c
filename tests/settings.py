"""Test settings.

DATABASE_URL chooses the database (default: SQLite in memory). BAUCU_CUSTOM_PAGE=1 runs the
suite with a custom base page (``WAGTAIL_PAGE_MODEL = "custompage.BasePage"``), as Wagtail's own
suite does, with concrete pages built from the package's mixins in ``tests/custompage``.
"""

import os
from pathlib import Path

import dj_database_url

# The example site refuses to start in production without a key.
os.environ.setdefault("SECRET_KEY", "tests")

from example_site.settings import *  # noqa: F403, E402
from example_site.settings import INSTALLED_APPS  # noqa: E402
from wagtail_baucu.setup import PAGES_APP, add_apps  # noqa: E402

BASE_DIR = Path(__file__).resolve().parent
CUSTOM_PAGE = os.environ.get("BAUCU_CUSTOM_PAGE") == "1"

SECRET_KEY = "tests"
DEBUG = False
ALLOWED_HOSTS = ["*"]
# Production's HTTPS settings would redirect the test client's plain-HTTP requests.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

DATABASES = {"default": dj_database_url.config(default="sqlite://:memory:")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("BAUCU_TEST_DB_NAME", "test_wagtail_baucu")
    }

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "example_site.demo"] + [
    "example_site.demo"
]
if CUSTOM_PAGE:
    WAGTAIL_PAGE_MODEL = "custompage.BasePage"
    INSTALLED_APPS = ["tests.custompage"] + add_apps(
        [a for a in INSTALLED_APPS if a != PAGES_APP], pages=False
    )

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "baucu-tests",
    }
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(os.environ.get("BAUCU_TEST_MEDIA", BASE_DIR.parent / "var" / "test-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAIL_BAUCU = {}
