"""Redis as the cache several worker processes share, for tests of what crosses processes."""

import socket
import time

from django.core.cache import caches

REDIS = "redis://127.0.0.1:6379/15"


def redis_available() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


def redis_cache(prefix: str) -> dict:
    """``CACHES`` with Redis as the default cache, under a prefix of this run only."""
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": f"{prefix}-{time.time_ns()}",
        }
    }


def renew_connections() -> None:
    """Drop this process's cache connections, so what follows sees only what Redis holds."""
    caches.close_all()
    del caches["default"]
