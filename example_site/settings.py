"""Settings of the example election portal, read from the environment.

Production unless ``DJANGO_DEBUG=1`` (``make demo`` sets it). Read from the environment:
DATABASE_URL (default: an SQLite file beside this project), SECRET_KEY (required in
production), ALLOWED_HOSTS and CSRF_TRUSTED_ORIGINS (comma-separated), REDIS_URL (optional:
the cache several workers share), DJANGO_BEHIND_TLS_PROXY=1 (a proxy in front terminates HTTPS
and sets X-Forwarded-Proto), DJANGO_HSTS_SECONDS, DJANGO_SECURE_COOKIES,
DJANGO_SSL_REDIRECT, DJANGO_TASKS_BACKEND ("database" or "immediate"), DJANGO_SERVE_MEDIA=1
(Django serves public images itself, for a single machine without a web server in front),
WAGTAILADMIN_BASE_URL. See docs/deployment.md.
"""

import os
from pathlib import Path

import dj_database_url
import django
from django.core.exceptions import ImproperlyConfigured


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("BAUCU_DATA_DIR", BASE_DIR / "var"))
# SQLite does not create the folder of its database file; a fresh clone has no var/.
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_flag("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. In production set it in the environment to a long random "
            "value (python -c 'import secrets; print(secrets.token_urlsafe(50))'); for a local "
            "demo set DJANGO_DEBUG=1 (make demo does)."
        )
    SECRET_KEY = "insecure-demo-key-only-with-django-debug"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# HTTPS: behind a proxy that terminates TLS, trust its X-Forwarded-Proto (and nothing else).
if env_flag("DJANGO_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("DJANGO_SSL_REDIRECT", not DEBUG)
# /healthz/ is asked by load balancers over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_flag("DJANGO_SECURE_COOKIES", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's admin previews pages in a frame
# Wagtail's admin previews in a frame of the same origin; HSTS preload is a choice per domain.
SILENCED_SYSTEM_CHECKS = ["security.W019", "security.W021"]

INSTALLED_APPS = [
    "wagtail_baucu",
    "wagtail_baucu.pages",
    "wagtail_baucu.elections",
    "wagtail_baucu.questions",
    "wagtail_baucu.admin_locale",
    "example_site.demo",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "wagtail.api.v2",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks_db",
]

# Wagtail's log-in form labels its password field with an untranslatable name.
WAGTAILADMIN_USER_LOGIN_FORM = "wagtail_baucu.admin_locale.forms.LoginForm"

MIDDLEWARE = [
    "wagtail_baucu.unavailable.DatabaseUnavailableMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "wagtail_baucu.language.ContentLanguageMiddleware",
]

ROOT_URLCONF = "example_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "example_site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ]
        },
    }
]

WSGI_APPLICATION = "example_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        # A connection kept from before a database restart is tested before use, not failed on.
        conn_health_checks=True,
    )
}

# SearchVectorField and GinIndex of Wagtail's search index are checked against this app.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")

# Without REDIS_URL: Django's per-process memory cache, correct across processes because the
# generation tokens live in the database (docs/deployment.md).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's Redis backend whose calls degrade to a miss while Redis is unreachable.
            "BACKEND": "wagtail_baucu.resilient_cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "baucu",
            # A hung Redis costs a fraction of a second, then is left alone for a while.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }

# Background tasks (WebSub pings, Wagtail's own): rows in the database run by
# "manage.py db_worker" in production; inline in the demo.
# django-tasks-db checks tasks against the django-tasks backport, while on Django 6 Wagtail and
# modelsearch enqueue Django's own ``django.tasks`` tasks, which it refuses: defer on Django 5.2.
DEFAULT_TASKS_BACKEND = "immediate" if DEBUG or django.VERSION >= (6, 0) else "database"
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("DJANGO_TASKS_BACKEND", DEFAULT_TASKS_BACKEND)]
    }
}

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
SERVE_MEDIA = env_flag("DJANGO_SERVE_MEDIA", DEBUG)
# WhiteNoise serves the collected static files with far-future caching of hashed names.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# A traceback (mailed or shown) must not show the cache's or database's URL and password.
DEFAULT_EXCEPTION_REPORTER_FILTER = "wagtail_baucu.unavailable.SecretsHidingFilter"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

WAGTAIL_SITE_NAME = "Cổng thông tin bầu cử"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_SERVE_METHOD = "serve_view"

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "bau-cu@example.invalid"

WAGTAIL_BAUCU = {}
