"""Whole numbers read from request input (query strings, path segments): pure, no models.

``str.isdigit()`` accepts digits ``int()`` refuses (``²``) and ``int()`` accepts digits no
database column holds (``٣``, thousands of them): one parser, ASCII digits only, length capped
before anything is converted.
"""

from __future__ import annotations

import re

# Databases store 64-bit integers; anything larger is refused before it reaches them.
MAX_INTEGER = 2**63 - 1
_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_bounded_int(raw: str | None, low: int = 0, high: int = MAX_INTEGER) -> int | None:
    """``raw`` as an integer from ``low`` to ``high``; ``None`` if it is anything else.

    Only ASCII digits, no sign, no spaces, at most 19 of them.
    """
    if raw is None or not _ASCII_DIGITS.fullmatch(raw):
        return None
    value = int(raw)
    return value if low <= value <= high else None
