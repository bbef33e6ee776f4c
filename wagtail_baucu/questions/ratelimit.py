"""How many questions one address may send: counted in the cache, in the database while the
cache is unreachable, so a cache outage neither raises nor lifts the limit."""

from __future__ import annotations

import hashlib
import hmac
import time
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from wagtail_baucu.conf import get_setting
from wagtail_baucu.questions.models import SubmittedQuestion
from wagtail_baucu.resilient_cache import cache, cache_is_up


def sender_of(request: HttpRequest) -> str:
    """A keyed hash of the request's address: the same per address, never the address itself.

    ``REMOTE_ADDR`` as the server sees it: behind a proxy, the project sets it from the proxy's
    header (docs/deployment.md).
    """
    address = request.META.get("REMOTE_ADDR") or "unknown"
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, b"baucu-questions:" + address.encode(), hashlib.sha256).hexdigest()


def allow(sender: str) -> bool:
    """Count one attempt from ``sender``; whether it is within the limit of this window."""
    limit = get_setting("QUESTIONS_RATE_LIMIT")
    window = get_setting("QUESTIONS_RATE_WINDOW")
    if cache_is_up():
        slot = int(time.time() // window)
        key = f"baucu:questions:rate:{sender}:{slot}"
        if cache.add(key, 1, timeout=window + 1):
            return True
        count = cache.get(key)
        if count is not None:
            cache.set(key, count + 1, timeout=window + 1)
            return count + 1 <= limit
    # The cache is down (or lost the entry as it went down): the stored questions count.
    since = timezone.now() - timedelta(seconds=window)
    sent = SubmittedQuestion.objects.filter(sender=sender, submitted_at__gte=since).count()
    return sent < limit
