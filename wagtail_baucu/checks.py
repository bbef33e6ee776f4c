"""System checks (``manage.py check``) for what the package cannot make right by itself.

Every cache backend is correct across processes (the generation tokens live in the database),
so no cache is refused. What the package cannot fix is a Redis client without timeouts: a hung
Redis would then hold every worker for as long as the operating system's TCP timeout.
"""

from __future__ import annotations

from django.conf import settings
from django.core import checks

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
                    id="wagtail_baucu.W001",
                )
            )
    return found
