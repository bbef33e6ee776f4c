"""Results as plain data for the API and as rows for the CSV download, from ``reading``.

One description of a published round (``round_data``) and one of its CSV rows (``csv_rows``),
so the two downloads never disagree.
"""

from __future__ import annotations

import csv
import io

from wagtail_baucu.results.models import FIGURES
from wagtail_baucu.results.reading import RoundReport, UnitReport

CSV_COLUMNS = (
    "co_quan",
    "so_don_vi",
    "ten_don_vi",
    "so_dai_bieu",
    "lan_bau",
    "cu_tri_danh_sach",
    "cu_tri_bo_phieu",
    "ty_le_di_bau",
    "phieu_hop_le",
    "phieu_khong_hop_le",
    "ho_ten",
    "so_phieu",
    "ty_le_phieu",
    "trung_cu",
    "co_quan_quyet_dinh",
    "can_cu",
    "cong_bo_luc",
)
# The spreadsheet's names of the rounds, as the import reads them.
ROUND_CELLS = {"first": "", "further": "them", "repeat": "lai"}


def _number(value):
    return float(value) if value is not None else None


def round_data(report: UnitReport, round_: RoundReport, request=None) -> dict:
    """One published round of a unit's result, as the API gives it."""
    result, outcome = round_.result, round_.outcome
    unit = report.unit
    unit_url = unit.get_full_url(request) or ""
    return {
        "body": {"code": result.body.code, "name": result.body.name},
        "unit": {
            "id": unit.pk,
            "number": unit.number,
            "title": unit.title,
            "seats": unit.seats,
            "html_url": unit_url,
        },
        "round": result.round,
        **{name: getattr(result, name) for name in FIGURES},
        "turnout": _number(outcome.turnout),
        "turnout_passed": outcome.turnout_passed,
        "counts": outcome.counts,
        "repeat_needed": outcome.repeat_needed,
        "seats_filled": outcome.seats_filled,
        "seats_unfilled": outcome.seats_unfilled,
        "undecided_seats": outcome.undecided_seats,
        "further_round": outcome.further_round,
        "candidates": [
            {
                "id": page.pk,
                "name": page.title,
                "votes": standing.candidate.votes,
                "share": _number(standing.share),
                "passed": standing.passed,
                "elected": standing.elected,
                "undecided": standing.undecided,
                "html_url": page.get_full_url(request) or "",
            }
            for page, standing in round_.rows
        ],
        "decided_by": result.decided_by,
        "decision_reference": result.decision_reference,
        "correction_note": result.correction_note,
        "first_published_at": result.first_published_at,
        "last_published_at": result.last_published_at,
        "history": [
            {
                "published_at": p.published_at,
                "decided_by": p.decided_by,
                "decision_reference": p.decision_reference,
                "correction_note": p.correction_note,
                "changes": [
                    change
                    for change in p.changes
                    if not change["field"].startswith("votes:")
                    or int(change["field"].split(":")[1]) in report.candidates
                ],
            }
            for p in round_.publications
        ],
    }


def _cell(value) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet must not run a cell as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_rows(reports) -> list[list[str]]:
    """One row per candidate and published round, in unit order, header first."""
    rows = [list(CSV_COLUMNS)]
    for report in reports:
        for round_ in report.rounds:
            result, outcome = round_.result, round_.outcome
            for page, standing in round_.rows:
                rows.append(
                    [
                        _cell(v)
                        for v in (
                            result.body.code,
                            report.unit.number,
                            report.unit.title,
                            report.unit.seats,
                            ROUND_CELLS[result.round],
                            result.voters_on_list,
                            result.voters_who_voted,
                            outcome.turnout,
                            result.valid_ballots,
                            result.invalid_ballots,
                            page.title,
                            standing.candidate.votes,
                            standing.share,
                            "x" if standing.elected else "",
                            result.decided_by,
                            result.decision_reference,
                            result.last_published_at.isoformat()
                            if result.last_published_at
                            else "",
                        )
                    ]
                )
    return rows


def write_csv(reports) -> bytes:
    """The CSV file (UTF-8 with a byte order mark, so spreadsheets read the accents)."""
    out = io.StringIO()
    csv.writer(out).writerows(csv_rows(reports))
    return ("\ufeff" + out.getvalue()).encode("utf-8")
