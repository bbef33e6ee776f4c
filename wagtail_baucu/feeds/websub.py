"""WebSub: tell the hub (``WEBSUB_HUB``) which feeds changed, in the background.

The ping runs as a django-tasks task after the transaction commits (so the hub fetches the new
content). With the default backend it runs inline: the timeout is short, the first network
error ends the round, and no error ever reaches the publishing code.
"""

from __future__ import annotations

import logging
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.db import transaction
from django_tasks import task

from wagtail_baucu.conf import get_setting

logger = logging.getLogger(__name__)


def ping_hub(hub_url: str, feed_urls: list[str], timeout: float) -> int:
    """POST ``hub.mode=publish`` for each feed URL; returns how many the hub accepted."""
    accepted = 0
    for feed_url in feed_urls:
        data = urlencode({"hub.mode": "publish", "hub.url": feed_url}).encode()
        request = Request(hub_url, data=data, method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with urlopen(request, timeout=timeout) as response:  # noqa: S310 (configured URL)
                accepted += 200 <= response.status < 300
        except (URLError, OSError, ValueError) as error:
            # The hub is down or slow: give up this round rather than wait once per feed.
            logger.warning("WebSub hub %s unreachable: %s", hub_url, error)
            break
    return accepted


@task()
def ping_hub_task(hub_url: str, feed_urls: list[str]) -> int:
    """The background task around ``ping_hub``."""
    try:
        return ping_hub(hub_url, feed_urls, get_setting("WEBSUB_TIMEOUT"))
    except Exception:  # never fail a worker (or, inline, a publish) because of the hub
        logger.exception("WebSub ping failed")
        return 0


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
