"""Browser tests: Playwright for Python driving the system's Chromium, never a downloaded one."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

# Playwright's sync API leaves an asyncio loop running in this thread; Django would refuse its
# synchronous database calls during setup without this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    # Nothing leaves the machine: every host but the live server fails to resolve.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh browser contexts (separate cookies: one per person)."""
    contexts = []

    def open_page():
        context = browser.new_context(locale="vi-VN")
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def pytest_collection_modifyitems(items):
    # Live-server tests flush the database after each test; a serialized rollback puts back what
    # migrations made (the root page, the root collection) so the next test finds them.
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).parent == here:
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(autouse=True)
def browser_tree_roots(tree_roots):
    """Browser tests run against a live server, outside a test transaction."""
