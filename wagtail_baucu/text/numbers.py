"""Numbers as Vietnamese readers write them: "1.234.567" and "83,33%". Pure, no Django."""

from __future__ import annotations

from decimal import Decimal


def number_vi(value: int | None) -> str:
    """``1234567`` → ``"1.234.567"`` (a dot between thousands); ``None`` → ``""``."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", ".")


def percent_vi(value: Decimal | float | None, places: int = 2) -> str:
    """``Decimal("83.33")`` → ``"83,33%"`` (a comma before decimals); ``None`` → ``"–"``."""
    if value is None:
        return "–"
    whole, _, fraction = f"{Decimal(value):.{places}f}".partition(".")
    text = number_vi(int(whole)) if whole.lstrip("-").isdigit() else whole
    return f"{text},{fraction}%" if fraction else f"{text}%"
