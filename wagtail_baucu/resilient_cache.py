"""Django's cache, read as a miss and written as a no-op while it is unreachable.

Everything the package keeps in the cache can be computed again from the database, so a cache
that refuses connections or times out must cost speed, never an answer: each call is guarded,
a failure is logged once as a warning and the cache is left alone for
``CACHE_RETRY_INTERVAL`` seconds in this process, so a hung server costs one client timeout per
interval rather than one per call. ``cache`` is what the package's own code uses;
``RedisCache`` is Django's Redis backend with the same guard, for the project's ``CACHES``, so
Wagtail's own cache calls (site root paths, renditions) degrade the same way.
"""

from __future__ import annotations

import functools
import logging
import time
from typing import Any
from urllib.parse import urlsplit

from django.core.cache import cache as default_cache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from wagtail_baucu.conf import get_setting

logger = logging.getLogger(__name__)

# Monotonic time until which a cache alias is left alone, per process.
_down_until: dict[str, float] = {}


def _guarded(name: str, call, fallback, *args, **kwargs):
    if _down_until.get(name, 0.0) > time.monotonic():
        return fallback
    try:
        return call(*args, **kwargs)
    except Exception as error:  # any client's error: the database answers instead
        if name not in _down_until or _down_until[name] <= time.monotonic():
            logger.warning("Cache %s unreachable, answering without it: %r", name, error)
        _down_until[name] = time.monotonic() + get_setting("CACHE_RETRY_INTERVAL")
        return fallback


def cache_is_up(name: str = "default") -> bool:
    """False while the cache ``name`` is being left alone after a failure."""
    return _down_until.get(name, 0.0) <= time.monotonic()


class ResilientCache:
    """The few cache calls the package makes, each degrading rather than raising."""

    name = "default"

    def get(self, key: str, default: Any = None) -> Any:
        return _guarded(self.name, default_cache.get, default, key, default)

    def get_many(self, keys: list[str]) -> dict:
        return _guarded(self.name, default_cache.get_many, {}, keys)

    def set(self, key: str, value: Any, timeout: Any = None) -> None:
        _guarded(self.name, default_cache.set, None, key, value, timeout)

    def add(self, key: str, value: Any, timeout: Any = None) -> bool:
        return _guarded(self.name, default_cache.add, False, key, value, timeout)

    def delete(self, key: str) -> bool:
        return _guarded(self.name, default_cache.delete, False, key)

    def clear(self) -> None:
        _guarded(self.name, default_cache.clear, None)


cache = ResilientCache()

# What each guarded method of a backend answers while the cache is down.
_FALLBACKS = {
    "get": None,
    "get_many": {},
    "set": None,
    "add": False,
    "touch": False,
    "delete": False,
    "delete_many": None,
    "set_many": [],
    "has_key": False,
    "clear": None,
}


class RedisCache(DjangoRedisCache):
    """Django's Redis cache backend whose calls degrade as ``cache``'s do.

    Set ``socket_connect_timeout`` and ``socket_timeout`` in ``OPTIONS`` so a hung server is
    noticed in a fraction of a second (``docs/deployment.md``).
    """

    def _alias(self) -> str:
        # Host and port only: the URL may carry a password, and the alias is logged.
        server = urlsplit(self._servers[0])
        return f"redis://{server.hostname}:{server.port or 6379}"


def _guard_method(method_name: str):
    original = getattr(DjangoRedisCache, method_name)

    @functools.wraps(original)
    def guarded(self, *args, **kwargs):
        if method_name == "get":
            fallback = kwargs.get("default", args[1] if len(args) > 1 else None)
        else:
            fallback = _FALLBACKS[method_name]
        return _guarded(self._alias(), original, fallback, self, *args, **kwargs)

    return guarded


for _name in _FALLBACKS:
    setattr(RedisCache, _name, _guard_method(_name))
