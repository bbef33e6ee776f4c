"""The election's lists as open data: one row per unit, candidate or polling area.

The columns are a fixed, documented table (``docs/elections.md``): the CSV and JSON downloads
write them in this order, and a new column is only ever added at the end of its group. The
rows are built from objects the caller loaded (see ``wagtail_baucu.api.elections``); nothing
here queries the database.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from datetime import date, time
from decimal import Decimal

from wagtail_baucu.elections.mixins import public_biography_fields

UNIT_COLUMNS = (
    "id",
    "election_id",
    "body_code",
    "body_name",
    "level_code",
    "number",
    "title",
    "seats",
    "area_covered",
    "board_name",
    "voter_count",
    "list_published_on",
    "url",
)

# The candidate's columns before and after the biography; the biography columns between them
# are the public ones (ELECTION_CANDIDATE_PUBLIC_FIELDS), always in the form's order.
CANDIDATE_HEAD = (
    "id",
    "election_id",
    "body_code",
    "unit_number",
    "unit_id",
    "full_name",
)
CANDIDATE_TAIL = (
    "status",
    "status_changed_on",
    "status_reason",
    "is_example",
    "url",
)

POLLING_AREA_COLUMNS = (
    "id",
    "election_id",
    "commune",
    "number",
    "covers",
    "place_name",
    "address",
    "opens_at",
    "closes_at",
    "early_voting_date",
    "latitude",
    "longitude",
    "units",
)

# Excel reads a CSV file without a byte order mark in the machine's legacy code page (on a
# Vietnamese Windows, cp1258), which garbles every accented letter; the BOM makes it read UTF-8.
BOM = "\ufeff"


def candidate_columns() -> tuple[str, ...]:
    return CANDIDATE_HEAD + tuple(public_biography_fields()) + CANDIDATE_TAIL


def plain(value):
    """A value as JSON and CSV carry it: ISO dates and times, decimals as text."""
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def unit_row(unit, url: str | None) -> dict:
    body = unit.body
    return {
        "id": unit.pk,
        "election_id": body.election_id,
        "body_code": body.code,
        "body_name": body.name,
        "level_code": body.level.code if body.level_id else "",
        "number": unit.number,
        "title": unit.title,
        "seats": unit.seats,
        "area_covered": unit.area_covered,
        "board_name": unit.board_name,
        "voter_count": unit.voter_count,
        "list_published_on": plain(unit.list_published_on),
        "url": url,
    }


def candidate_row(candidate, unit, url: str | None) -> dict:
    """``unit`` is the candidate's (public) unit page, loaded with its body."""
    row = {
        "id": candidate.pk,
        "election_id": unit.body.election_id,
        "body_code": unit.body.code,
        "unit_number": unit.number,
        "unit_id": unit.pk,
        "full_name": candidate.title,
    }
    for name in public_biography_fields():
        row[name] = plain(getattr(candidate, name))
    row.update(
        {
            "status": candidate.status,
            "status_changed_on": plain(candidate.status_changed_on),
            "status_reason": candidate.status_reason,
            "is_example": candidate.is_example,
            "url": url,
        }
    )
    return row


def polling_area_row(area) -> dict:
    return {
        "id": area.pk,
        "election_id": area.election_id,
        "commune": area.commune,
        "number": area.number,
        "covers": area.covers,
        "place_name": area.place_name,
        "address": area.address,
        "opens_at": plain(area.opens_at),
        "closes_at": plain(area.closes_at),
        "early_voting_date": plain(area.early_voting_date),
        "latitude": plain(area.latitude),
        "longitude": plain(area.longitude),
        "units": [
            {"body_code": link.body.code, "unit_number": link.unit_number}
            for link in area.units.all()
        ],
    }


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):  # a polling area's units: "quoc-hoi:1;hdnd-thanh-pho:3"
        return ";".join(f"{item['body_code']}:{item['unit_number']}" for item in value)
    text = str(value)
    # A text starting with = + - @ is a formula to a spreadsheet: quoted (CSV injection).
    if text[:1] in _FORMULA_START and not _NUMBER.fullmatch(text):
        text = "'" + text
    return text


def write_csv(columns: Iterable[str], rows: Iterable[dict]) -> bytes:
    """UTF-8 with a byte order mark, CRLF line ends (RFC 4180), a header row of column names."""
    columns = list(columns)
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row[name]) for name in columns])
    return out.getvalue().encode("utf-8")


def write_json(kind: str, columns: Iterable[str], rows: Iterable[dict]) -> bytes:
    """``{"kind": ..., "columns": [...], "items": [...]}``, items with keys in column order."""
    columns = list(columns)
    document = {
        "kind": kind,
        "columns": columns,
        "items": [{name: row[name] for name in columns} for row in rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
