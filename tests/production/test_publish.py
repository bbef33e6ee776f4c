"""Proof 1: a publish shows on the next request from every worker, and an unpublish removes it,
whichever process made the change (the admin over HTTP, ``publish_scheduled``, a script)."""

import time
from concurrent.futures import ThreadPoolExecutor

import requests

from tests.production.harness import Admin
from tests.production.load import fetch, marker
from tests.production.surfaces import LISTS, feeds_of, own_links

REQUESTS = 20


def next_requests(stack, surfaces, number: int | None = None):
    """``REQUESTS`` requests to each surface, four at a time, each on a new connection."""
    jobs = [(kind, path) for kind, path in surfaces for _ in range(REQUESTS)]
    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(lambda job: fetch(stack.base, *job, number), jobs))


def assert_everywhere(stack, surfaces, number: int):
    responses = next_requests(stack, surfaces)
    missing = sorted({(r.kind, r.status) for r in responses if number not in r.markers})
    assert not missing, f"{marker(number)} missing from {missing}"
    assert len({r.worker for r in responses}) >= 2, "the requests did not reach both workers"
    return responses


def assert_gone(stack, surfaces, page: dict, number: int):
    responses = next_requests(stack, surfaces)
    still = sorted({(r.kind, r.status) for r in responses if number in r.markers})
    assert not still, f"{marker(number)} still shown by {still}"
    links = next_requests(stack, own_links(page), number)
    assert {r.status for r in links} == {404}, sorted({(r.kind, r.status) for r in links})
    return responses + links


def counted(*groups) -> dict:
    """How many requests the proof sent, and how many answered other than 200, 302 or 404."""
    every = [r for group in groups for r in group]
    return {"requests": len(every), "errors": sum(r.status not in (200, 302, 404) for r in every)}


def test_admin_publish_and_unpublish_over_http(stack, figures):
    number = 1
    draft = stack.editor(op="draft", title=f"Kết quả kiểm phiếu {marker(number)}", slug="pm-1")
    surfaces = LISTS + feeds_of(stack, draft["id"])
    admin = Admin(stack.base, "admin", "baucu-demo")
    took = admin.publish(draft["id"])
    responses = assert_everywhere(stack, surfaces, number)
    links = next_requests(stack, own_links(draft), number)
    assert {r.status for r in links} <= {200, 302}, sorted({(r.kind, r.status) for r in links})

    admin.unpublish(draft["id"])
    gone = assert_gone(stack, surfaces, draft, number)
    figures["publish_admin"] = {
        "surfaces": len(surfaces),
        "requests_each": REQUESTS,
        "workers": len({r.worker for r in responses}),
        "publish_request_s": round(took, 3),
        **counted(responses, links, gone),
    }


def test_publish_scheduled_in_another_process(stack, figures):
    number = 2
    page = stack.editor(
        op="schedule", title=f"Kết quả kiểm phiếu {marker(number)}", slug="pm-2", in_seconds=1
    )
    assert not page["live"]
    surfaces = LISTS + feeds_of(stack, page["id"])
    # Warm every surface (and its cache) before the scheduled publish.
    assert all(number not in r.markers for r in next_requests(stack, surfaces[:3]))
    time.sleep(1.2)
    stack.manage("publish_scheduled")
    shown = assert_everywhere(stack, surfaces, number)

    # Unpublished from yet another process (a script), after its QR code was served.
    assert requests.get(stack.base + page["url"] + "qr.png", timeout=10).status_code == 200
    stack.editor(op="unpublish", id=page["id"])
    gone = assert_gone(stack, surfaces, page, number)
    figures["publish_scheduled"] = {
        "surfaces": len(surfaces),
        "requests_each": REQUESTS,
        "workers": len({r.worker for r in shown}),
        **counted(shown, gone),
    }
