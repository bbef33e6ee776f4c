"""Where a published article shows: lists, the feeds that carry it, the API, its QR code and
short link."""

from __future__ import annotations

from urllib.parse import urlsplit

LISTS = [("list", "/"), ("list", "/tin-tuc/"), ("api", "/api/v2/news/")]


def feeds_of(stack, page_id: int) -> list[tuple[str, str]]:
    """The feeds that carry the article, as the package lists them for the WebSub hub."""
    answer = stack.editor(op="feeds", id=page_id)
    return [("feed", urlsplit(url).path) for url in answer["feeds"]]


def own_links(page: dict) -> list[tuple[str, str]]:
    return [("qr", page["url"] + "qr.png"), ("qr", page["url"] + "qr.svg")] + [
        ("short", f"/p/{page['id']}/")
    ]
