"""The visibility contract of the election's surfaces: candidates in every state that applies
to them, on every surface that shows a candidate.

``ELECTION_MATRIX`` is the one table; ``docs/visibility.md`` shows it (second table) and
``test_doc`` keeps the two equal.
"""

from __future__ import annotations

CANDIDATE_STATES = [
    "public",
    "withdrawn",
    "draft",
    "private by password",
    "expired",
    "unpublished",
    "under a private unit",
    "under an unpublished unit",
]

ELECTION_SURFACES = [
    "candidate page",
    "candidate print view",
    "unit page",
    "poster",
    "lookup",
    "API candidates/",
    "API units/",
    "CSV",
    "JSON download",
    "election feeds",
]

# What the candidate's own URL answers when the candidate is not public.
OWN_ANSWER = {"private by password": "password form", "under a private unit": "password form"}
OWN_SURFACES = {"candidate page", "candidate print view"}
WITHDRAWN = {
    "candidate page": "shown with the status",
    "candidate print view": "shown with the status",
    "unit page": "absent, date of the change",
    "poster": "absent, date of the change",
    "lookup": "absent",
    "API candidates/": "only with status=",
    "API units/": "date of the change",
    "CSV": "only with status=",
    "JSON download": "only with status=",
    "election feeds": "withdrawal item",
}


def expected(state: str, surface: str) -> str:
    if surface == "API units/" and state != "withdrawn":
        # Units carry no candidate's text; a hidden unit is not listed.
        return "no candidate text"
    if state == "public":
        return "shown"
    if state == "withdrawn":
        return WITHDRAWN[surface]
    if surface in OWN_SURFACES:
        return OWN_ANSWER.get(state, "404")
    return "absent"


ELECTION_MATRIX = {
    state: {surface: expected(state, surface) for surface in ELECTION_SURFACES}
    for state in CANDIDATE_STATES
}
