"""WebSub: tell the hub (``WEBSUB_HUB``) which feeds changed, in the background.

The ping is a django-tasks task queued after the transaction commits (so the hub fetches the
new content). With a backend that defers (``django_tasks_db.DatabaseBackend`` and its
``db_worker``) publishing only writes a row: a slow or down hub never holds the editor's
request, and the feeds the hub did not take are tried again later with a doubling delay
(``WEBSUB_RETRY_DELAY``), at most ``WEBSUB_MAX_ATTEMPTS`` times. With the immediate backend
(tests, the demo) it runs inline once: the timeout is short, the first network error ends the
round, and no error ever reaches the publishing code.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from wagtail_baucu.conf import get_setting

logger = logging.getLogger(__name__)


def ping_hub(hub_url: str, feed_urls: list[str], timeout: float) -> int:
    """POST ``hub.mode=publish`` for each feed URL; returns how many the hub accepted, in order
    (the round stops at the first feed it did not accept)."""
    accepted = 0
    for feed_url in feed_urls:
        data = urlencode({"hub.mode": "publish", "hub.url": feed_url}).encode()
        request = Request(hub_url, data=data, method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with urlopen(request, timeout=timeout) as response:  # noqa: S310 (configured URL)
                if not 200 <= response.status < 300:
                    break
                accepted += 1
        except (URLError, OSError, ValueError) as error:
            # The hub is down or slow: give up this round rather than wait once per feed.
            logger.warning("WebSub hub %s unreachable: %s", hub_url, error)
            break
    return accepted


@task()
def ping_hub_task(hub_url: str, feed_urls: list[str], attempt: int = 1) -> int:
    """The background task around ``ping_hub``: what the hub did not take is queued again."""
    try:
        accepted = ping_hub(hub_url, feed_urls, get_setting("WEBSUB_TIMEOUT"))
    except Exception:  # never fail a worker (or, inline, a publish) because of the hub
        logger.exception("WebSub ping failed")
        accepted = 0
    remaining = feed_urls[accepted:]
    if remaining:
        retry(hub_url, remaining, attempt)
    return accepted


def retry_delay(attempt: int) -> timedelta:
    """How long after attempt number ``attempt`` failed the next one runs."""
    return timedelta(seconds=get_setting("WEBSUB_RETRY_DELAY") * 2 ** (attempt - 1))


def retry(hub_url: str, feed_urls: list[str], attempt: int) -> None:
    """Queue the next attempt for ``feed_urls``, if the backend defers and attempts are left."""
    if attempt >= get_setting("WEBSUB_MAX_ATTEMPTS"):
        logger.warning("WebSub hub %s: %d feeds not delivered", hub_url, len(feed_urls))
        return
    if not ping_hub_task.get_backend().supports_defer:
        return  # an inline backend would make the publishing request wait for the retry
    later = ping_hub_task.using(run_after=timezone.now() + retry_delay(attempt))
    later.enqueue(hub_url, feed_urls, attempt + 1)


def notify(feed_urls: list[str]) -> None:
    """Queue a ping for ``feed_urls`` once the current transaction commits."""
    hub_url = get_setting("WEBSUB_HUB")
    if not hub_url or not feed_urls:
        return
    urls = list(dict.fromkeys(feed_urls))

    def enqueue():
        try:
            ping_hub_task.enqueue(hub_url, urls)
        except Exception:  # a misconfigured task backend must not fail publishing
            logger.exception("WebSub ping could not be queued")

    transaction.on_commit(enqueue)
