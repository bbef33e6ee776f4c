"""System checks (``manage.py check``) for what the package cannot make right by itself.

Every cache backend is correct across processes (the generation tokens live in the database),
so no cache is refused. What the package cannot fix: files handed out past its serve hook, and a
Redis client without timeouts (a hung Redis would hold every worker for the TCP timeout).
"""

from __future__ import annotations

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def check_document_serving(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Documents must go through Wagtail's serve view, where the package refuses files that no
    public page uses; "direct" links and "redirect" answers hand out the storage URL instead."""
    method = getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None)
    if method == "serve_view":
        return []
    return [
        checks.Warning(
            f"WAGTAILDOCS_SERVE_METHOD is {method!r}: documents of drafts and withdrawn pages "
            "can be downloaded by anyone who has their storage URL.",
            hint='Set WAGTAILDOCS_SERVE_METHOD = "serve_view" and do not let the web server '
            "serve MEDIA_ROOT/documents/ (see docs/installation.md, section Files).",
            id="wagtail_baucu.W001",
        )
    ]


REDIS_BACKENDS = (
    "django.core.cache.backends.redis.RedisCache",
    "wagtail_baucu.resilient_cache.RedisCache",
    "django_redis.cache.RedisCache",
)
TIMEOUTS = ("socket_connect_timeout", "socket_timeout")  # django-redis spells them in capitals


@checks.register(checks.Tags.caches)
def redis_timeouts(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    found = []
    for alias, config in getattr(settings, "CACHES", {}).items():
        if config.get("BACKEND") not in REDIS_BACKENDS:
            continue
        options = {key.lower(): value for key, value in config.get("OPTIONS", {}).items()}
        if not all(options.get(name) for name in TIMEOUTS):
            found.append(
                checks.Warning(
                    f"The Redis cache {alias!r} has no client timeouts: a hung Redis would "
                    "hold every worker.",
                    hint=(
                        'Set "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}'
                        " (django-redis: SOCKET_CONNECT_TIMEOUT, SOCKET_TIMEOUT); see "
                        "docs/deployment.md."
                    ),
                    id="wagtail_baucu.W002",
                )
            )
    return found
