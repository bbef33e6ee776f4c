"""Import of results from the committee's spreadsheet, through the elections' import machinery.

One row per candidate of a unit: the minutes' figures repeated on each row of the unit, the
candidate's name, date of birth and votes. Rows are grouped by body, unit and round into one
result; the figures must agree within a group, the candidate must be on the unit's list, and
the law's rules (``rules.refusals``) must accept the group, or every row of it is refused with
the reason. The plan, its per-row lines in Vietnamese, the dry run and the all-or-nothing
transaction are those of ``wagtail_baucu.elections.imports``.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import translation
from django.utils.translation import pgettext_lazy

from wagtail_baucu.elections.imports import (
    Column,
    ImportError_,
    ImportKind,
    Plan,
    RowResult,
    parse_cell,
    read_rows,
)
from wagtail_baucu.elections.models import Body, Election
from wagtail_baucu.results.models import FIGURES, ResultRound, UnitResult
from wagtail_baucu.results.rules import Minutes, Round, Votes, refusals
from wagtail_baucu.results.units import candidates_of, unit_pages

RESULT_COLUMNS = (
    Column("co_quan", "body", required=True),
    Column("so_don_vi", "unit", "int", required=True),
    Column("lan_bau", "round"),
    Column("cu_tri_danh_sach", "voters_on_list", "int", required=True),
    Column("cu_tri_bo_phieu", "voters_who_voted", "int", required=True),
    Column("phieu_hop_le", "valid_ballots", "int", required=True),
    Column("phieu_khong_hop_le", "invalid_ballots", "int", required=True),
    Column("ho_ten", "name", required=True),
    Column("ngay_sinh", "date_of_birth", "date", required=True),
    Column("so_phieu", "votes", "int", required=True),
    Column("co_quan_quyet_dinh", "decided_by", required=True),
    Column("can_cu", "decision_reference", required=True),
    Column("noi_dung_dinh_chinh", "correction_note"),
)
# "lan_bau": empty or "dau" for the first round, "them" (bầu cử thêm), "lai" (bầu cử lại).
ROUNDS = {"": ResultRound.FIRST, "dau": ResultRound.FIRST, "đầu": ResultRound.FIRST}
ROUNDS.update({"them": ResultRound.FURTHER, "thêm": ResultRound.FURTHER})
ROUNDS.update({"lai": ResultRound.REPEAT, "lại": ResultRound.REPEAT})
GROUP_FIELDS = FIGURES + ("decided_by", "decision_reference", "correction_note")
# The rules' field names as the spreadsheet's columns, for the refusals.
HEADER_OF = {column.field: column.header for column in RESULT_COLUMNS}
EXAMPLE = {
    "co_quan": "quoc-hoi",
    "so_don_vi": 1,
    "lan_bau": "",
    "cu_tri_danh_sach": 1200,
    "cu_tri_bo_phieu": 1000,
    "phieu_hop_le": 980,
    "phieu_khong_hop_le": 20,
    "ho_ten": "Nguyễn Văn Ví Dụ",
    "ngay_sinh": "01/01/1975",
    "so_phieu": 600,
    "co_quan_quyet_dinh": "Ban bầu cử đại biểu Quốc hội đơn vị số 1",
    "can_cu": "Biên bản xác định kết quả bầu cử ngày 16/3/2026",
}


def _read(data: bytes, file_name: str, bodies: dict):
    headers, rows, formula_lines = read_rows(data, file_name)
    missing = [c.header for c in RESULT_COLUMNS if c.required and c.header not in headers]
    if missing:
        raise ImportError_("Thiếu cột: " + ", ".join(missing) + ".")
    position = {header: i for i, header in enumerate(headers)}
    for line, row in enumerate(rows, start=2):
        if all(parse_cell(Column("x", "x"), v)[0] == "" for v in row):
            continue
        values, messages = {}, []
        if line in formula_lines:
            messages.append("có ô chứa công thức; hãy dán giá trị thay cho công thức")
        for column in RESULT_COLUMNS:
            raw = row[position[column.header]] if column.header in position else None
            value, error = parse_cell(column, raw)
            if error:
                messages.append(error)
            elif column.required and value in ("", None):
                messages.append(f"cột {column.header} trống")
            values[column.field] = value
        round_text = (values.get("round") or "").casefold()
        if round_text not in ROUNDS:
            messages.append(f'cột lan_bau: "{values["round"]}" phải để trống, "them" hoặc "lai"')
        values["round"] = ROUNDS.get(round_text, ResultRound.FIRST)
        if values.get("body") and values["body"] not in bodies:
            messages.append(f'không có cơ quan mã "{values["body"]}" trong cuộc bầu cử này')
        yield line, values, messages


def plan_results(data: bytes, file_name: str, election: Election) -> Plan:
    """Check every row against the election's units, candidates and the law's rules."""
    bodies = {body.code: body for body in Body.objects.filter(election=election)}
    read = list(_read(data, file_name, bodies))
    pairs = {(bodies[v["body"]].pk, v["unit"]) for _l, v, _m in read if v.get("body") in bodies}
    units = unit_pages(pairs)
    candidates = candidates_of(units.values())
    existing = {
        (r.body_id, r.unit_number, r.round): r
        for r in UnitResult.objects.filter(body__election=election).prefetch_related("votes")
    }
    groups: dict[tuple, list] = {}
    rows: list[RowResult] = []
    for line, values, messages in read:
        body = bodies.get(values.get("body"))
        label = (
            f"{values.get('name') or '?'} (đơn vị số {values.get('unit')}, {values.get('body')})"
        )
        unit = units.get((body.pk, values["unit"])) if body and values.get("unit") else None
        if body is not None and values.get("unit") is not None and unit is None:
            messages.append(f"không có đơn vị bầu cử số {values['unit']} của {body.name}")
        page = None
        if unit is not None and values.get("name") and values.get("date_of_birth"):
            page = next(
                (
                    p
                    for p in candidates[unit.pk].values()
                    if p.title.casefold() == values["name"].casefold()
                    and p.date_of_birth == values["date_of_birth"]
                ),
                None,
            )
            if page is None:
                messages.append("không có người ứng cử này (họ tên, ngày sinh) trong đơn vị")
        row = RowResult(line, "refused" if messages else "create", label, messages, values)
        rows.append(row)
        if unit is not None:
            values["_unit"], values["_body"], values["_page"] = unit, body, page
            groups.setdefault((body.pk, unit.number, values["round"]), []).append(row)
    for key, members in groups.items():
        _check_group(key, members, existing.get(key))
    return Plan("results", rows)


def _rules_refusals(first: RowResult, members: list[RowResult]) -> dict[str, str]:
    """The law's refusals of a unit's figures, over the rows whose candidate was found; none
    while a figure is missing or rows disagree (those rows say so already)."""
    if any(first.values[name] is None for name in FIGURES) or any(
        "khác với dòng" in message for row in members for message in row.messages
    ):
        return {}
    counted, seen = [], set()
    for row in members:
        page = row.values.get("_page")
        if page is None or row.values["votes"] is None or page.pk in seen:
            continue
        seen.add(page.pk)
        counted.append(Votes(page.pk, page.title, page.date_of_birth, row.values["votes"]))
    minutes = Minutes(
        seats=first.values["_unit"].seats,
        **{name: first.values[name] for name in FIGURES},
        votes=tuple(counted),
        round=Round(first.values["round"]),
        council=first.values["_body"].kind == "peoples_council",
    )
    with translation.override("vi"):
        return refusals(minutes)


def _check_group(key, members: list[RowResult], existing: UnitResult | None) -> None:
    first = members[0]
    for row in members[1:]:
        differ = [
            HEADER_OF[name] for name in GROUP_FIELDS if row.values[name] != first.values[name]
        ]
        if differ:
            row.messages.append(f"{', '.join(differ)} khác với dòng {first.line}")
            row.action = "refused"
    seen: dict[int, int] = {}
    for row in members:
        page = row.values.get("_page")
        if page is not None and seen.setdefault(page.pk, row.line) != row.line:
            row.messages.append(f"trùng với dòng {seen[page.pk]}")
            row.action = "refused"
    errors = _rules_refusals(first, members)
    for name, message in errors.items():
        if name.startswith("votes:"):
            concerned = [
                r
                for r in members
                if r.values.get("_page") is not None and f"votes:{r.values['_page'].pk}" == name
            ]
        else:
            concerned = members
        for row in concerned:
            row.messages.append(f"cột {HEADER_OF.get(name.split(':')[0], name)}: {message}")
            row.action = "refused"
    if any(row.action == "refused" for row in members):
        for row in members:
            if row.action != "refused":
                row.action = "refused"
                row.messages.append("đơn vị có dòng khác bị từ chối")
        return
    if existing is not None:
        before = existing.get_latest_revision_as_object()
        changed = [
            HEADER_OF[name]
            for name in GROUP_FIELDS
            if getattr(before, name) != first.values[name]
            and not (
                name == "correction_note" and not first.values[name] and not getattr(before, name)
            )
        ]
        old_votes = {v.candidate_id: v.votes for v in before.votes.all()}
        new_votes = {r.values["_page"].pk: r.values["votes"] for r in members}
        if old_votes != new_votes:
            changed.append("so_phieu")
        for row in members:
            row.target = existing
            row.action = "update" if changed else "unchanged"
        if changed:
            first.messages.append(", ".join(changed))


def apply_results(plan: Plan, election: Election, publish: bool = False) -> None:
    """Write an accepted plan in one transaction: one revision per unit's result."""
    if plan.refused:
        raise ImportError_("Tệp có dòng bị từ chối: không thay đổi gì.")
    groups: dict[tuple, list[RowResult]] = {}
    for row in plan.rows:
        if row.action != "unchanged":
            key = (row.values["_body"].pk, row.values["_unit"].number, row.values["round"])
            groups.setdefault(key, []).append(row)
    with transaction.atomic():
        for (_body_pk, number, round_), members in groups.items():
            first = members[0]
            fields = {name: first.values[name] for name in GROUP_FIELDS}
            fields["correction_note"] = fields["correction_note"] or ""
            if first.target is None:
                result = UnitResult(
                    body=first.values["_body"],
                    unit_number=number,
                    round=round_,
                    live=False,
                    **fields,
                )
            else:
                result = first.target.get_latest_revision_as_object()
                for name, value in fields.items():
                    setattr(result, name, value)
            result.votes = [
                result.votes.model(candidate=row.values["_page"], votes=row.values["votes"])
                for row in members
            ]
            if result.pk is None:
                result.save()
            revision = result.save_revision()
            if publish:
                revision.publish()


RESULTS_KIND = ImportKind(
    RESULT_COLUMNS,
    plan_results,
    apply_results,
    EXAMPLE,
    label=pgettext_lazy("import kind", "Election results"),
    template_name="mau-ket-qua-bau-cu",
)
