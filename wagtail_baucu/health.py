"""``/healthz/``: whether this process can answer, for load balancers and monitoring.

200 when the database answers, whatever the cache (a cache that is down makes the portal
slower, not wrong: status "degraded"); 503 when the database does not. Never cached, and it
names no host, URL or error text.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.core.cache.backends.dummy import DummyCache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from wagtail_baucu.unavailable import RETRY_AFTER_SECONDS


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any driver's error: the database does not answer
        return False


def cache_ok() -> bool:
    # A round trip through the raw backend: the degrading wrappers would hide the failure.
    key = f"baucu:healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=5)
        found = cache.get(key)
        cache.delete(key)
    except Exception:
        return False
    # A cache that stores nothing (DummyCache) or a degrading backend that is down reads None.
    return found == "1" or isinstance(cache, DummyCache)


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """JSON ``{"status", "database", "cache"}``; status ``ok``, ``degraded`` or ``down``."""
    db = database_ok()
    cached = cache_ok()
    status = "down" if not db else ("ok" if cached else "degraded")
    response = JsonResponse(
        {"status": status, "database": "ok" if db else "down", "cache": "ok" if cached else "down"},
        status=200 if db else 503,
    )
    if not db:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
