"""Pure: where an election stands on a given day: the next milestone and the days left.

Takes plain values (dates and milestone-like objects with ``starts_on``, ``ends_on`` and
``done``), so it is tested without a database or a clock.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TimelineState:
    """What the portal home shows above the timeline."""

    today: datetime.date
    election_day: datetime.date
    # Whole days from ``today`` to election day: 0 on the day, negative after it.
    days_left: int
    # The first milestone not done whose last day is today or later, else None.
    next_milestone: Any | None

    @property
    def before(self) -> bool:
        return self.days_left > 0

    @property
    def is_election_day(self) -> bool:
        return self.days_left == 0


def last_day(milestone: Any) -> datetime.date:
    return milestone.ends_on or milestone.starts_on


def timeline_state(
    milestones: Sequence[Any], election_day: datetime.date, today: datetime.date
) -> TimelineState:
    """Where the election stands on ``today`` (a local date, in Vietnam time)."""
    upcoming = [m for m in milestones if not m.done and last_day(m) >= today]
    upcoming.sort(key=lambda m: (m.starts_on, last_day(m)))
    return TimelineState(
        today=today,
        election_day=election_day,
        days_left=(election_day - today).days,
        next_milestone=upcoming[0] if upcoming else None,
    )


def milestone_status(milestone: Any, today: datetime.date) -> str:
    """``done``, ``current`` (today is within it), ``past`` (over, not done) or ``future``."""
    if milestone.done:
        return "done"
    if milestone.starts_on <= today <= last_day(milestone):
        return "current"
    return "past" if last_day(milestone) < today else "future"
