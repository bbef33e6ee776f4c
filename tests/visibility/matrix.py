"""The visibility contract: what a visitor gets from every surface for a page in every state.

``MATRIX`` is the one table; ``docs/visibility.md`` shows it and ``test_doc`` keeps the two equal.
"""

from __future__ import annotations

from tests.visibility.scene import STATES

SURFACES = [
    "page",
    "print view",
    "qr.svg",
    "qr.png",
    "/p/<id>/",
    "RSS",
    "Atom",
    "JSON Feed",
    "monthly archives",
    "API pages/",
    "API news/",
    "API directives/",
    "API agencies/",
    "API images/",
    "API documents/",
    "API find/",
    "search",
    "sitemap",
    "home and index lists",
    "Tin khác",
    "press page",
    "document file",
    "original image",
]

# Surfaces answering for the page itself at its own URL (or id); the others list or serve it.
OWN_URL = {"page", "print view", "qr.svg", "qr.png", "/p/<id>/", "API find/"}
FILES = {"document file", "original image"}
# Surfaces that list feeds or agencies, never a page's text.
NO_PAGE_TEXT = {"API agencies/", "press page"}

# What the page's URL answers to an anonymous visitor when it is not public.
PAGE_ANSWER = {
    "private by password": "password form",
    "alias of a private page": "password form",
    "private by login": "login page",
    "private by group": "login page",
    "under a private parent": "login page",
    "moved under a private parent": "login page",
}
# States in which a public page stays: its published text (or the original's) shows.
SHOWN = {
    "public": "shown",
    "live with a newer draft": "published version only",
    "copied": "original only",
}


def expected(state: str, surface: str) -> str:
    if surface in NO_PAGE_TEXT:
        return "no page text"
    if surface in FILES:
        return "served" if state in SHOWN else "404"
    if state in SHOWN:
        return SHOWN[state]
    if surface in ("page", "print view"):
        return PAGE_ANSWER.get(state, "404")
    return "404" if surface in OWN_URL else "absent"


MATRIX = {state: {surface: expected(state, surface) for surface in SURFACES} for state in STATES}
