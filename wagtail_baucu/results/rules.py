"""The law's rules on a unit's result: pure, plain values in, a frozen ``Outcome`` out.

No models, no database. Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số
85/2015/QH13 (amended by 83/2025/QH15, which leaves these articles' rules as they were):

- Article 78(1): the result counts only if more than half of the voters on the list voted,
  except in a repeat election (bầu cử lại), whose result counts whatever the turnout.
- Article 78(2): a winner has more than half of the valid ballots.
- Article 78(3): more passing than seats: those with more votes win.
- Article 78(4): equal votes for the last seats: the older candidate wins.
- Article 79: fewer winners than seats: a further round (bầu cử thêm) for the missing seats;
  for a People's Council only when fewer than two thirds of the seats are filled; never a
  second further round.
- Article 80: turnout not above half: the unit votes again (bầu cử lại), once.

Candidates born on the same day with equal votes for the last seat: the law says nothing, so
the package decides no one and reports the seats as undecided for the committee to settle
(the board records it in the minutes and reports to the committee above, as for any matter
the law leaves open).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from django.utils.translation import gettext as _


class Round(StrEnum):
    FIRST = "first"
    FURTHER = "further"  # bầu cử thêm (Article 79)
    REPEAT = "repeat"  # bầu cử lại (Article 80)


@dataclass(frozen=True)
class Votes:
    """The votes of one candidate in a unit's minutes."""

    key: object  # what the caller knows the candidate by (a page's primary key)
    name: str
    born: datetime.date
    votes: int


@dataclass(frozen=True)
class Minutes:
    """The figures of a unit's minutes (biên bản xác định kết quả bầu cử)."""

    seats: int
    voters_on_list: int
    voters_who_voted: int  # the ballots cast
    valid_ballots: int
    invalid_ballots: int
    votes: tuple[Votes, ...] = ()
    round: Round = Round.FIRST
    council: bool = False  # a People's Council (Article 79's two thirds), not the Assembly


@dataclass(frozen=True)
class Standing:
    """One candidate's place in the outcome."""

    candidate: Votes
    share: Decimal | None  # percent of the valid ballots, two decimals
    passed: bool  # more than half of the valid ballots
    elected: bool  # trúng cử
    undecided: bool  # tied for the last seat with someone born the same day


@dataclass(frozen=True)
class Outcome:
    """What the rules make of a unit's minutes."""

    turnout: Decimal | None  # percent of the voters on the list, two decimals
    turnout_passed: bool
    counts: bool  # the result is recognised (Article 78(1))
    repeat_needed: bool  # bầu cử lại (Article 80)
    standings: tuple[Standing, ...]  # by votes, then age
    winners: tuple[Votes, ...]
    undecided: tuple[Votes, ...]
    undecided_seats: int
    seats: int
    seats_unfilled: int
    further_round: bool  # bầu cử thêm may be held (Article 79)

    @property
    def seats_filled(self) -> int:
        return len(self.winners)


class ImpossibleFigures(ValueError):
    """Figures that cannot be: one message per field (``"votes:<key>"`` for a candidate)."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def _percent(part: int, whole: int) -> Decimal | None:
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _more_than_half(part: int, whole: int) -> bool:
    return whole > 0 and part * 2 > whole


def refusals(minutes: Minutes) -> dict[str, str]:
    """The figures that cannot be, one message per field, in the active language."""
    errors: dict[str, str] = {}
    for name in ("seats", "voters_on_list", "voters_who_voted", "valid_ballots", "invalid_ballots"):
        if getattr(minutes, name) < 0:
            errors[name] = _("Cannot be negative.")
    if minutes.seats == 0 and "seats" not in errors:
        errors["seats"] = _("A unit elects at least one deputy.")
    if "voters_who_voted" not in errors and minutes.voters_who_voted > minutes.voters_on_list:
        errors["voters_who_voted"] = _(
            "More voters voted (%(voted)s) than there are on the list (%(listed)s)."
        ) % {"voted": minutes.voters_who_voted, "listed": minutes.voters_on_list}
    if not {"valid_ballots", "invalid_ballots", "voters_who_voted"} & errors.keys() and (
        minutes.valid_ballots + minutes.invalid_ballots != minutes.voters_who_voted
    ):
        errors["invalid_ballots"] = _(
            "Valid (%(valid)s) and invalid (%(invalid)s) ballots make %(total)s, "
            "not the %(voted)s ballots cast."
        ) % {
            "valid": minutes.valid_ballots,
            "invalid": minutes.invalid_ballots,
            "total": minutes.valid_ballots + minutes.invalid_ballots,
            "voted": minutes.voters_who_voted,
        }
    seen = set()
    for votes in minutes.votes:
        name = f"votes:{votes.key}"
        if votes.key in seen:
            errors[name] = _("This candidate is entered twice.")
        elif votes.votes < 0:
            errors[name] = _("Cannot be negative.")
        elif votes.votes > minutes.valid_ballots:
            errors[name] = _(
                "%(votes)s votes for %(name)s, more than the %(valid)s valid ballots."
            ) % {"votes": votes.votes, "name": votes.name, "valid": minutes.valid_ballots}
        seen.add(votes.key)
    total = sum(max(v.votes, 0) for v in minutes.votes)
    if minutes.seats > 0 and total > minutes.valid_ballots * minutes.seats:
        # A valid ballot leaves at most as many names as there are seats.
        errors.setdefault(
            "valid_ballots",
            _(
                "The candidates have %(total)s votes in all, more than %(valid)s valid "
                "ballots of at most %(seats)s names each can give."
            )
            % {"total": total, "valid": minutes.valid_ballots, "seats": minutes.seats},
        )
    return errors


def decide(minutes: Minutes) -> Outcome:
    """Apply Articles 78 to 80 to a unit's minutes; ``ImpossibleFigures`` if they cannot be."""
    errors = refusals(minutes)
    if errors:
        raise ImpossibleFigures(errors)
    turnout_passed = _more_than_half(minutes.voters_who_voted, minutes.voters_on_list)
    counts = turnout_passed or minutes.round == Round.REPEAT
    ranked = sorted(minutes.votes, key=lambda v: (-v.votes, v.born, str(v.key)))
    passing = [v for v in ranked if _more_than_half(v.votes, minutes.valid_ballots)]
    winners: list[Votes] = []
    undecided: list[Votes] = []
    if counts:
        if len(passing) <= minutes.seats:
            winners = passing
        else:
            last = passing[minutes.seats - 1]
            tie = (last.votes, last.born)
            winners = [v for v in passing if (-v.votes, v.born) < (-tie[0], tie[1])]
            undecided = [v for v in passing if (v.votes, v.born) == tie]
            if len(winners) + len(undecided) <= minutes.seats:
                # The tie ends within the seats: everyone in it wins.
                winners, undecided = winners + undecided, []
    undecided_seats = minutes.seats - len(winners) if undecided else 0
    unfilled = minutes.seats - len(winners) - undecided_seats if counts else minutes.seats
    if minutes.council:
        short = 3 * (len(winners) + undecided_seats) < 2 * minutes.seats
    else:
        short = unfilled > 0
    further = counts and unfilled > 0 and short and minutes.round == Round.FIRST
    elected = {v.key for v in winners}
    tied = {v.key for v in undecided}
    return Outcome(
        turnout=_percent(minutes.voters_who_voted, minutes.voters_on_list),
        turnout_passed=turnout_passed,
        counts=counts,
        repeat_needed=not counts,
        standings=tuple(
            Standing(
                candidate=v,
                share=_percent(v.votes, minutes.valid_ballots),
                passed=_more_than_half(v.votes, minutes.valid_ballots),
                elected=v.key in elected,
                undecided=v.key in tied,
            )
            for v in ranked
        ),
        winners=tuple(winners),
        undecided=tuple(undecided),
        undecided_seats=undecided_seats,
        seats=minutes.seats,
        seats_unfilled=unfilled,
        further_round=further,
    )
