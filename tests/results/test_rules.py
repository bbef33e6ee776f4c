"""The law's rules on a unit's result, as a table (Articles 78 to 80 of Law 85/2015/QH13)."""

from datetime import date

import pytest
from django.utils import translation

from wagtail_baucu.results.rules import ImpossibleFigures, Minutes, Round, Votes, decide, refusals

OLD = date(1960, 1, 1)
MID = date(1970, 6, 15)
YOUNG = date(1985, 3, 3)


def votes(*rows):
    """(name, votes, born) rows; the name is the key."""
    return tuple(Votes(key=name, name=name, born=born, votes=n) for name, n, born in rows)


def minutes(seats, listed, voted, valid, invalid, *rows, **kw):
    return Minutes(seats, listed, voted, valid, invalid, votes(*rows), **kw)


# (case, minutes, winners, undecided, undecided seats, unfilled, further round, repeat needed)
TABLE = [
    (
        "below half turnout: nobody elected, the unit votes again",
        minutes(2, 1000, 500, 480, 20, ("An", 400, OLD), ("Bình", 300, MID), ("Chi", 200, YOUNG)),
        [],
        [],
        0,
        2,
        False,
        True,
    ),
    (
        "below half in a repeat election: the result counts",
        minutes(1, 1000, 400, 400, 0, ("An", 300, OLD), ("Bình", 100, MID), round=Round.REPEAT),
        ["An"],
        [],
        0,
        0,
        False,
        False,
    ),
    (
        "exactly the seats passing",
        minutes(2, 1000, 900, 880, 20, ("An", 600, YOUNG), ("Bình", 500, OLD), ("Chi", 300, MID)),
        ["An", "Bình"],
        [],
        0,
        0,
        False,
        False,
    ),
    (
        "more passing than seats: the most votes win",
        minutes(2, 1000, 900, 900, 0, ("An", 700, YOUNG), ("Bình", 600, MID), ("Chi", 500, OLD)),
        ["An", "Bình"],
        [],
        0,
        0,
        False,
        False,
    ),
    (
        "a tie for the last seat: the older wins",
        minutes(2, 1200, 1000, 1000, 0, ("An", 700, MID), ("Bình", 600, YOUNG), ("Chi", 600, OLD)),
        ["An", "Chi"],
        [],
        0,
        0,
        False,
        False,
    ),
    (
        "a tie within the seats: both win, age does not matter",
        minutes(3, 1000, 900, 900, 0, ("An", 700, MID), ("Bình", 600, YOUNG), ("Chi", 600, OLD)),
        ["An", "Chi", "Bình"],
        [],
        0,
        0,
        False,
        False,
    ),
    (
        "a tie for the last seat between people born the same day: undecided",
        minutes(2, 1200, 1000, 1000, 0, ("An", 700, MID), ("Bình", 600, OLD), ("Chi", 600, OLD)),
        ["An"],
        ["Bình", "Chi"],
        1,
        0,
        False,
        False,
    ),
    (
        "fewer passing than seats: a further round for the Assembly",
        minutes(3, 1000, 900, 900, 0, ("An", 700, MID), ("Bình", 450, OLD), ("Chi", 451, YOUNG)),
        ["An", "Chi"],
        [],
        0,
        1,
        True,
        False,
    ),
    (
        "fewer passing than seats, a council with two thirds filled: no further round",
        minutes(
            3,
            1000,
            900,
            900,
            0,
            ("An", 700, MID),
            ("Bình", 450, OLD),
            ("Chi", 451, YOUNG),
            council=True,
        ),
        ["An", "Chi"],
        [],
        0,
        1,
        False,
        False,
    ),
    (
        "a council below two thirds: a further round",
        minutes(3, 1000, 900, 900, 0, ("An", 700, MID), ("Bình", 450, OLD), council=True),
        ["An"],
        [],
        0,
        2,
        True,
        False,
    ),
    (
        "a further round still short: no second one",
        minutes(2, 1000, 900, 900, 0, ("An", 300, MID), round=Round.FURTHER),
        [],
        [],
        0,
        2,
        False,
        False,
    ),
    (
        "zero valid ballots: nobody passes",
        minutes(2, 1000, 600, 0, 600, ("An", 0, OLD), ("Bình", 0, MID)),
        [],
        [],
        0,
        2,
        True,
        False,
    ),
    (
        "exactly half of the valid ballots is not more than half",
        minutes(1, 1000, 800, 800, 0, ("An", 400, OLD), ("Bình", 400, OLD)),
        [],
        [],
        0,
        1,
        True,
        False,
    ),
]


@pytest.mark.parametrize(
    "case, given, winners, undecided, undecided_seats, unfilled, further, repeat",
    TABLE,
    ids=[row[0] for row in TABLE],
)
def test_rules(case, given, winners, undecided, undecided_seats, unfilled, further, repeat):
    outcome = decide(given)
    assert [v.name for v in outcome.winners] == winners
    assert [v.name for v in outcome.undecided] == undecided
    assert outcome.undecided_seats == undecided_seats
    assert outcome.seats_unfilled == unfilled
    assert outcome.further_round is further
    assert outcome.repeat_needed is repeat
    assert outcome.seats_filled == len(winners)
    elected = [s.candidate.name for s in outcome.standings if s.elected]
    assert sorted(elected) == sorted(winners)


def test_turnout_exactly_half_does_not_pass():
    outcome = decide(minutes(1, 1000, 500, 500, 0, ("An", 500, OLD)))
    assert outcome.turnout == 50 and not outcome.turnout_passed and outcome.repeat_needed


def test_figures_of_the_outcome():
    outcome = decide(minutes(2, 3000, 2001, 1990, 11, ("An", 1500, OLD), ("Bình", 996, MID)))
    assert str(outcome.turnout) == "66.70" and outcome.turnout_passed and outcome.counts
    assert [(s.candidate.name, str(s.share), s.passed) for s in outcome.standings] == [
        ("An", "75.38", True),
        ("Bình", "50.05", True),
    ]


def test_no_voters_on_the_list():
    outcome = decide(minutes(1, 0, 0, 0, 0))
    assert outcome.turnout is None and outcome.repeat_needed


REFUSED = [
    (
        "votes above the valid ballots",
        minutes(2, 1000, 900, 800, 100, ("An", 801, OLD)),
        {"votes:An": "801 phiếu cho An, nhiều hơn 800 phiếu hợp lệ."},
    ),
    (
        "valid and invalid not the ballots cast",
        minutes(2, 1000, 900, 800, 50),
        {
            "invalid_ballots": "Phiếu hợp lệ (800) và không hợp lệ (50) cộng lại là 850, "
            "không bằng 900 phiếu đã bỏ."
        },
    ),
    (
        "ballots cast above the voters on the list",
        minutes(2, 1000, 1001, 1001, 0),
        {
            "voters_who_voted": "Số cử tri đã bỏ phiếu (1001) nhiều hơn số cử tri trong danh "
            "sách (1000)."
        },
    ),
    (
        "more votes than the valid ballots can hold",
        minutes(1, 1000, 900, 900, 0, ("An", 900, OLD), ("Bình", 900, MID)),
        {
            "valid_ballots": "Tổng số phiếu bầu cho những người ứng cử (1800) vượt quá số "
            "900 phiếu hợp lệ có thể cho (mỗi phiếu tối đa 1 tên)."
        },
    ),
    (
        "one message per field",
        minutes(0, 10, 20, 5, -1, ("An", 6, OLD), ("An", 1, OLD)),
        {
            "seats": "Đơn vị bầu cử phải bầu ít nhất một đại biểu.",
            "voters_who_voted": "Số cử tri đã bỏ phiếu (20) nhiều hơn số cử tri trong danh "
            "sách (10).",
            "invalid_ballots": "Không được là số âm.",
            "votes:An": "Người ứng cử này được nhập hai lần.",
        },
    ),
]


@pytest.mark.parametrize("case, given, errors", REFUSED, ids=[row[0] for row in REFUSED])
def test_refusals_in_vietnamese(case, given, errors):
    with translation.override("vi"):
        assert refusals(given) == errors
        with pytest.raises(ImpossibleFigures) as raised:
            decide(given)
    assert raised.value.errors == errors
