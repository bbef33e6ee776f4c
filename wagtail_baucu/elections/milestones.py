"""Pure: the milestones the law sets from election day, for an election's proposed timeline.

Plain values in, plain values out (no models). Each milestone names the article it comes
from; only deadlines whose article was read in the law's text are here, so the committee can
cite them as they stand. Editors adjust the proposal in the admin (dates a committee decides
itself, such as a ceremony, are theirs to add).

- ``LAW_2015``: Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13
  (the 2016 and 2021 elections).
- ``LAW_2025``: the same law as amended by Luật số 83/2025/QH15 (from 1/7/2025: the 2026
  election and after), which rewrote Article 22 for the two-tier local government.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

LAW_2015 = "2015"
LAW_2025 = "2025"

LAWS: dict[str, str] = {
    LAW_2015: "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13",
    LAW_2025: (
        "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13, "
        "sửa đổi, bổ sung bởi Luật số 83/2025/QH15"
    ),
}


@dataclass(frozen=True)
class ProposedMilestone:
    """One deadline of the law, as a date (``ends_on`` set for a period)."""

    key: str
    name: str
    starts_on: datetime.date
    legal_basis: str
    ends_on: datetime.date | None = None


@dataclass(frozen=True)
class _Rule:
    key: str
    name: str
    # Days before election day the milestone falls on (or, for a period, starts on).
    days_before: int
    articles: dict[str, str]
    # Days before election day a period ends on; None for a single day.
    until_days_before: int | None = None


_AMENDED_22 = "Điều 22 (sửa đổi bởi khoản 7 Điều 1 Luật số 83/2025/QH15)"

# Ordered by date. Articles read in the law's text (Công báo and the amending law as
# published); where the two laws agree the unchanged article is cited for both.
_RULES: tuple[_Rule, ...] = (
    _Rule(
        "announce_election_day",
        "Hạn chót công bố ngày bầu cử",
        115,
        {LAW_2015: "Điều 5", LAW_2025: "Điều 5"},
    ),
    _Rule(
        "election_committees",
        "Hạn chót thành lập Ủy ban bầu cử",
        105,
        {LAW_2015: "Điều 22", LAW_2025: _AMENDED_22},
    ),
    _Rule(
        "official_candidate_lists",
        "Hạn chót công bố danh sách chính thức những người ứng cử",
        20,
        {LAW_2015: "khoản 7 Điều 57", LAW_2025: "khoản 7 Điều 57"},
    ),
    _Rule(
        "complaints_closed",
        "Ngừng xem xét, giải quyết khiếu nại, tố cáo, kiến nghị về người ứng cử",
        10,
        {LAW_2015: "khoản 2 Điều 61", LAW_2025: "khoản 2 Điều 61"},
        until_days_before=1,
    ),
    _Rule(
        "election_day",
        "Ngày bầu cử",
        0,
        {LAW_2015: "Điều 5", LAW_2025: "Điều 5"},
    ),
)


def propose_milestones(election_day: datetime.date, law: str) -> list[ProposedMilestone]:
    """The milestones of ``law`` (``LAW_2015`` or ``LAW_2025``) for ``election_day``, in order.

    Raises ``ValueError`` for an unknown law.
    """
    if law not in LAWS:
        raise ValueError(f"Unknown law {law!r}: choose one of {', '.join(LAWS)}")
    proposed = []
    for rule in _RULES:
        ends_on = None
        if rule.until_days_before is not None:
            ends_on = election_day - datetime.timedelta(days=rule.until_days_before)
        proposed.append(
            ProposedMilestone(
                key=rule.key,
                name=rule.name,
                starts_on=election_day - datetime.timedelta(days=rule.days_before),
                ends_on=ends_on,
                legal_basis=f"{rule.articles[law]} {LAWS[law]}",
            )
        )
    return proposed


def law_for(election_day: datetime.date) -> str:
    """The law in force on ``election_day`` (the amendment applies from 1/7/2025)."""
    return LAW_2025 if election_day >= datetime.date(2025, 7, 1) else LAW_2015
