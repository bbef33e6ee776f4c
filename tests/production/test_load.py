"""Proofs 2 to 4: bounded load while an editor publishes every 2 s; then Redis stopped for
10 s, then PostgreSQL restarted, during the same load."""

import threading
import time

from tests.production.load import Publish, PublishLog, marker, run_load, summary
from tests.production.surfaces import LISTS

CONNECTIONS = 16
PUBLISH_EVERY = 2.0
FEEDS = [("feed", f"/tin-tuc/feed/{fmt}/") for fmt in ("rss", "atom", "json")] + [
    ("feed", f"/feed/{fmt}/") for fmt in ("rss", "atom", "json")
]


class Publisher(threading.Thread):
    """Publishes a new article every ``PUBLISH_EVERY`` seconds from the editor process."""

    def __init__(self, stack, first: int, log: PublishLog, seconds: float):
        super().__init__(daemon=True)
        self.stack, self.number, self.log, self.seconds = stack, first, log, seconds
        self.failed: list[tuple[int, str]] = []

    def run(self):
        deadline = time.monotonic() + self.seconds
        while time.monotonic() < deadline:
            started = time.monotonic()
            answer = self.stack.editor(
                op="publish", title=f"Kết quả {marker(self.number)}", slug=f"pm-{self.number}"
            )
            if "error" in answer:
                self.failed.append((self.number, answer["error"]))
            else:
                self.log.add(Publish(self.number, answer["url"], answer["committed"]))
            self.number += 1
            time.sleep(max(0.0, PUBLISH_EVERY - (time.monotonic() - started)))


def targets_for(log: PublishLog):
    """Pages, feeds and the API, the portal's QR code, and the newest article's QR code."""
    fixed = [(kind, path, None) for kind, path in LISTS + FEEDS] + [("qr", "/qr.png", None)]

    def targets():
        newest = log.entries[-1] if log.entries else None
        if newest is None:
            return fixed
        return fixed + [("qr", newest.url + "qr.png", newest.number)]

    return targets


def loaded(stack, first: int, seconds: float, fault=None):
    """Run the load and the publisher for ``seconds``; ``fault(t0)`` runs beside them."""
    log = PublishLog()
    publisher = Publisher(stack, first, log, seconds - 2)
    fault_thread = threading.Thread(target=fault, daemon=True) if fault else None
    publisher.start()
    if fault_thread:
        fault_thread.start()
    responses = run_load(stack.base, targets_for(log), seconds, CONNECTIONS)
    publisher.join()
    if fault_thread:
        fault_thread.join()
    return log, publisher, responses


def unclean(responses):
    """Answers other than 2xx/3xx/404, except 503 with Retry-After."""
    return [
        r
        for r in responses
        if not (200 <= r.status < 400 or r.status == 404)
        and not (r.status == 503 and r.retry_after is not None)
    ]


def test_load_while_publishing(stack, figures):
    log, publisher, responses = loaded(stack, 100, 30)
    figures["load"] = summary(responses, log)
    assert not publisher.failed
    # One every 2 s when the machine keeps up; a busy machine slows the editor, not the proof.
    assert len(log.entries) >= 5
    errors = [r for r in responses if r.status != 200]
    assert not errors, figures["load"]["statuses"]
    assert figures["load"]["stale"] == 0, figures["load"]


def test_redis_stopped_for_10_s_under_load(stack, figures):
    times = {}

    def outage():
        time.sleep(5)
        times["down"] = time.time()
        stack.redis.stop()
        time.sleep(10)
        stack.redis.start()
        times["up"] = time.time()

    log, publisher, responses = loaded(stack, 200, 25, outage)
    figures["redis_outage"] = summary(responses, log)
    during = [e for e in log.entries if times["down"] <= e.committed <= times["up"]]
    figures["redis_outage"]["publishes_during_outage"] = len(during)
    assert not publisher.failed, publisher.failed[:3]
    assert during, "no publish happened while Redis was down"
    bad = unclean(responses)
    assert not bad, sorted({(r.kind, r.status) for r in bad})
    assert figures["redis_outage"]["stale"] == 0, figures["redis_outage"]


def test_postgres_restarted_under_load(stack, figures):
    times = {}

    def restart():
        time.sleep(5)
        times["restart"] = time.time()
        stack.postgres.restart()
        times["restarted"] = time.time()

    log, publisher, responses = loaded(stack, 300, 20, restart)
    failing = [r for r in responses if r.status != 200]
    last_failure = max((r.sent for r in failing), default=times["restart"])
    figures["postgres_restart"] = summary(responses, log) | {
        "restart_s": round(times["restarted"] - times["restart"], 2),
        "recovered_after_s": round(max(0.0, last_failure - times["restart"]), 2),
        "publish_failures": len(publisher.failed),
        "task_worker_restarts": stack.restarts.get("worker", 0),
    }
    bad = unclean(responses)
    assert not bad, sorted({(r.kind, r.status) for r in bad})
    assert figures["postgres_restart"]["stale"] == 0, figures["postgres_restart"]
