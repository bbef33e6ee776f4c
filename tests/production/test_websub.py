"""Proof 5: a slow (10 s) or down WebSub hub does not slow publishing; the pings arrive once
the hub answers (the task worker retries them)."""

import statistics
import time

from tests.production.harness import Admin, wait_until
from tests.production.load import marker
from tests.production.surfaces import feeds_of

TOLERANCE = 0.2


def publish_times(stack, admin, first: int, count: int = 3) -> tuple[float, list[int]]:
    """The median time of ``count`` publishes through the admin, and the pages published."""
    took, pages = [], []
    for number in range(first, first + count):
        draft = stack.editor(op="draft", title=f"Kết quả {marker(number)}", slug=f"pm-{number}")
        took.append(admin.publish(draft["id"]))
        pages.append(draft["id"])
    return statistics.median(took), pages


def test_slow_or_down_hub_does_not_slow_publishing(stack, figures):
    admin = Admin(stack.base, "admin", "baucu-demo")
    hub = stack.hub
    hub.delay = 0.0
    normal, _pages = publish_times(stack, admin, 500)

    hub.delay = 10.0
    slow, slow_pages = publish_times(stack, admin, 510)
    hub.delay = 0.0
    hub.down()
    since = time.time()
    down, down_pages = publish_times(stack, admin, 520)
    figures["websub"] = {
        "publish_hub_answering_s": round(normal, 3),
        "publish_hub_slow_s": round(slow, 3),
        "publish_hub_down_s": round(down, 3),
        "task_worker": stack.task_worker,
    }
    hub.up()
    wanted = {url for page in down_pages for _kind, url in feeds_of(stack, page)}
    delivered = wait_until(
        lambda: (
            {u for u in wanted if any(p.endswith(u) for p in hub.pinged(since))} == wanted
            and time.time()
        ),
        60,
        "the pings of the articles published while the hub was down",
        interval=1,
    )
    figures["websub"]["pings_delivered_after_hub_up_s"] = round(delivered - since, 1)
    assert slow - normal < TOLERANCE, figures["websub"]
    assert down - normal < TOLERANCE, figures["websub"]
    slow_feeds = {url for page in slow_pages for _kind, url in feeds_of(stack, page)}
    assert all(any(p.endswith(u) for p in hub.pinged(0)) for u in slow_feeds)
