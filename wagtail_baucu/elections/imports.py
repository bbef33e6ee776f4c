"""Import of the committee's spreadsheets (CSV, XLSX) of electoral units and candidates.

Files are read by tablib (XLSX through openpyxl). Every row is checked first and the plan
says, per row and in Vietnamese, what would be created, changed, left as it is or refused and
why; a file with one refused row changes nothing, and an accepted one is applied in one
transaction. Rows are matched by natural keys, so a corrected file imported again updates
instead of duplicating: a unit by body code and number, a candidate by unit, full name and date
of birth. Pages are saved as new revisions for the moderators to publish, unless ``publish``.
"""

from __future__ import annotations

import datetime
import io
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import openpyxl
import tablib
from django.db import transaction
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from wagtail_baucu.elections.mixins import (
    CandidateMixin,
    ElectoralUnitIndexMixin,
    ElectoralUnitMixin,
    Sex,
)
from wagtail_baucu.elections.models import Body, Election
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.text.slugs import vietnamese_slugify

__all__ = [
    "KINDS",
    "ImportKind",
    "ImportError_",
    "Progress",
    "check_columns",
    "Plan",
    "RowResult",
    "plan_import",
    "apply_plan",
    "parse_cell",
    "read_rows",
    "register_kind",
    "template_dataset",
]


class ImportError_(Exception):  # noqa: N801 (not the built-in ImportError)
    """The whole file is refused (unreadable, a required column missing)."""


@dataclass(frozen=True)
class Column:
    header: str  # as in the committee's spreadsheet, stable: the template's order
    field: str
    kind: str = "text"  # text, int, date, sex, flag
    required: bool = False


UNIT_COLUMNS = (
    Column("co_quan", "body", required=True),
    Column("so_don_vi", "number", "int", required=True),
    Column("ten_don_vi", "title"),
    Column("so_dai_bieu", "seats", "int", required=True),
    Column("dia_ban", "area_covered", required=True),
    Column("ban_bau_cu", "board_name"),
    Column("so_cu_tri", "voter_count", "int"),
    Column("ngay_cong_bo", "list_published_on", "date"),
)
CANDIDATE_COLUMNS = (
    Column("co_quan", "body", required=True),
    Column("so_don_vi", "unit", "int", required=True),
    Column("ho_ten", "title", required=True),
    Column("ngay_sinh", "date_of_birth", "date", required=True),
    Column("gioi_tinh", "sex", "sex"),
    Column("ten_goi_khac", "other_names"),
    Column("que_quan", "place_of_origin"),
    Column("noi_o_hien_nay", "residence"),
    Column("dan_toc", "ethnicity"),
    Column("ton_giao", "religion"),
    Column("giao_duc_pho_thong", "general_education"),
    Column("chuyen_mon", "professional_education"),
    Column("hoc_ham_hoc_vi", "academic_title"),
    Column("ly_luan_chinh_tri", "political_theory"),
    Column("ngoai_ngu", "foreign_languages"),
    Column("nghe_nghiep_chuc_vu", "occupation"),
    Column("noi_cong_tac", "workplace"),
    Column("ngay_vao_dang", "party_joined_on", "date"),
    Column("la_dai_bieu", "current_deputy"),
    Column("vi_du", "is_example", "flag"),
)
KINDS = {"units": UNIT_COLUMNS, "candidates": CANDIDATE_COLUMNS}


@dataclass(frozen=True)
class ImportKind:
    """A kind of spreadsheet another app imports through this machinery (results do)."""

    columns: tuple[Column, ...]
    plan: Callable[[bytes, str, Election], Plan]
    apply: Callable[[Plan, Election, bool], None]
    example: dict
    # Shown in the admin's import form ("The file holds"), and the template file's name.
    label: object = ""
    template_name: str = ""


# Kinds registered by other apps from their ready(): name -> ImportKind.
OTHER_KINDS: dict[str, ImportKind] = {}


def register_kind(name: str, kind: ImportKind) -> None:
    """Let ``manage.py baucu_import <name>`` (and ``plan_import``) read another kind of file."""
    OTHER_KINDS[name] = kind
    KINDS[name] = kind.columns


SEXES = {"nam": Sex.MALE, "nu": Sex.FEMALE, "nữ": Sex.FEMALE}
# "vi_du" (an example, invented for a demonstration) is true for these, false otherwise.
FLAG_TRUE = frozenset({"x", "có", "co", "1", "true"})
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y")
# Called with (rows done, rows in all) while a file is checked or applied, for a progress bar.
Progress = Callable[[int, int], None]
# How many rows between two calls of a Progress.
PROGRESS_EVERY = 25


@dataclass
class RowResult:
    line: int  # the row's line in the spreadsheet (the header is line 1)
    action: str  # "create", "update", "unchanged", "refused"
    label: str
    messages: list[str] = field(default_factory=list)
    values: dict = field(default_factory=dict)
    target: object = None

    def describe(self) -> str:
        words = {
            "create": "tạo mới",
            "update": "cập nhật",
            "unchanged": "không thay đổi",
            "refused": "từ chối",
        }
        text = f"Dòng {self.line}: {words[self.action]} {self.label}"
        return text + (": " + "; ".join(self.messages) if self.messages else "")


@dataclass
class Plan:
    kind: str
    rows: list[RowResult]

    @property
    def refused(self) -> list[RowResult]:
        return [row for row in self.rows if row.action == "refused"]

    def counts(self) -> dict[str, int]:
        found = {"create": 0, "update": 0, "unchanged": 0, "refused": 0}
        for row in self.rows:
            found[row.action] += 1
        return found

    def summary(self) -> str:
        c = self.counts()
        return (
            f"{len(self.rows)} dòng: {c['create']} tạo mới, {c['update']} cập nhật, "
            f"{c['unchanged']} không thay đổi, {c['refused']} bị từ chối."
        )


def _nfc(value) -> str:
    return unicodedata.normalize("NFC", str(value)).strip() if value is not None else ""


def read_rows(data: bytes, file_name: str) -> tuple[list[str], list[list], set[int]]:
    """Headers, rows and the lines holding a formula, of a CSV or XLSX file."""
    formula_lines: set[int] = set()
    if file_name.lower().endswith(".xlsx"):
        try:
            # tablib reads computed values only; formulas are found on the raw sheet.
            sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
            for line, row in enumerate(sheet.iter_rows(), start=1):
                if any(getattr(cell, "data_type", "") == "f" for cell in row):
                    formula_lines.add(line)
            dataset = tablib.Dataset().load(io.BytesIO(data), format="xlsx")
        except Exception as error:  # openpyxl raises many kinds on a damaged file
            raise ImportError_("Không đọc được tệp XLSX.") from error
    elif file_name.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportError_("Tệp CSV phải được lưu với bảng mã UTF-8.") from error
        try:
            dataset = tablib.Dataset().load(text, format="csv")
        except Exception as error:  # tablib raises its own and csv's errors
            raise ImportError_("Không đọc được tệp CSV.") from error
        for line, row in enumerate(dataset, start=2):
            if any(isinstance(v, str) and v.lstrip().startswith("=") for v in row):
                formula_lines.add(line)
    else:
        raise ImportError_("Chỉ nhận tệp .csv hoặc .xlsx.")
    headers = [_nfc(h).lower() for h in (dataset.headers or [])]
    return headers, [list(row) for row in dataset], formula_lines


def _parse(column: Column, raw) -> tuple[object, str | None]:
    if isinstance(raw, datetime.datetime):
        raw = raw.date()
    if column.kind == "date":
        if isinstance(raw, datetime.date):
            return raw, None
        text = _nfc(raw)
        if not text:
            return None, None
        for form in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, form).date(), None
            except ValueError:
                pass
        return None, f'cột {column.header}: "{text}" không phải ngày hợp lệ (ngày/tháng/năm)'
    if column.kind == "int":
        if isinstance(raw, int | float) and not isinstance(raw, bool) and raw == int(raw):
            return int(raw), None
        text = _nfc(raw)
        if not text:
            return None, None
        if text.isascii() and text.isdigit() and len(text) <= 9:
            return int(text), None
        return None, f'cột {column.header}: "{text}" không phải số'
    text = _nfc(raw)
    if column.kind == "flag":
        return text.casefold() in FLAG_TRUE, None
    if column.kind == "sex" and text:
        if text.lower() not in SEXES:
            return None, f'cột {column.header}: "{text}" phải là Nam hoặc Nữ'
        return SEXES[text.lower()], None
    return text, None


# The cell parser, for the kinds other apps register.
def parse_cell(column: Column, raw) -> tuple[object, str | None]:
    """A cell's value for ``column`` (text, int, date, sex, flag), or the error in Vietnamese."""
    return _parse(column, raw)


def check_columns(kind: str, headers: list[str]) -> None:
    """Refuse a file whose header lacks a required column of ``kind``."""
    missing = [c.header for c in KINDS[kind] if c.required and c.header not in headers]
    if missing:
        raise ImportError_("Thiếu cột: " + ", ".join(missing) + ".")


def plan_import(
    kind: str,
    data: bytes,
    file_name: str,
    election: Election,
    progress: Progress | None = None,
) -> Plan:
    """Check every row of the file against the election's data; nothing is written."""
    if kind in OTHER_KINDS:
        return OTHER_KINDS[kind].plan(data, file_name, election)
    columns = KINDS[kind]
    headers, rows, formula_lines = read_rows(data, file_name)
    check_columns(kind, headers)
    position = {header: i for i, header in enumerate(headers)}
    bodies = {body.code: body for body in Body.objects.filter(election=election)}
    units = {
        (unit.body_id, unit.number): unit
        for unit in page_model(ElectoralUnitMixin).objects.filter(body__election=election)
    }
    existing = _existing_candidates(units.values()) if kind == "candidates" else {}
    results: list[RowResult] = []
    seen: dict[tuple, int] = {}
    for line, row in enumerate(rows, start=2):
        if progress is not None and (line - 2) % PROGRESS_EVERY == 0:
            progress(line - 2, len(rows))
        if all(_nfc(v) == "" for v in row):
            continue
        values, messages = {}, []
        if line in formula_lines:
            messages.append("có ô chứa công thức; hãy dán giá trị thay cho công thức")
        for column in columns:
            raw = row[position[column.header]] if column.header in position else None
            value, error = _parse(column, raw)
            if error:
                messages.append(error)
            elif column.required and value in ("", None):
                messages.append(f"cột {column.header} trống")
            values[column.field] = value
        body = bodies.get(values.get("body"))
        if values.get("body") and body is None:
            messages.append(f'không có cơ quan mã "{values["body"]}" trong cuộc bầu cử này')
        if kind == "units":
            result = _plan_unit(line, values, body, units, messages)
        else:
            result = _plan_candidate(line, values, body, units, existing, messages)
        if result.action != "refused":
            previous = seen.setdefault(result.values["_key"], line)
            if previous != line:
                result.action = "refused"
                result.messages.append(f"trùng với dòng {previous}")
        results.append(result)
    return Plan(kind, results)


def _changes(target, values: dict) -> list[str]:
    """The fields a row would change on ``target``'s latest revision (drafts included)."""
    latest = target.get_latest_revision_as_object()
    return [
        name
        for name, value in values.items()
        if not name.startswith("_") and getattr(latest, name) != value
    ]


def _plan_unit(line, values, body, units, messages) -> RowResult:
    label = f"đơn vị bầu cử số {values.get('number')} ({values.get('body')})"
    if messages or body is None:
        return RowResult(line, "refused", label, messages)
    fields = {
        k: values[k]
        for k in ("seats", "area_covered", "board_name", "voter_count", "list_published_on")
    }
    fields["title"] = values["title"] or f"Đơn vị bầu cử số {values['number']}"
    fields["_key"] = ("unit", body.pk, values["number"])
    existing = units.get((body.pk, values["number"]))
    fields["_body"] = body
    fields["_number"] = values["number"]
    if existing is None:
        return RowResult(line, "create", label, [], fields)
    changed = _changes(existing, fields)
    return RowResult(
        line,
        "update" if changed else "unchanged",
        label,
        [", ".join(changed)] if changed else [],
        fields,
        existing,
    )


def _candidate_key(unit_pk: int, title: str, born) -> tuple:
    return (unit_pk, title.casefold(), born)


def _existing_candidates(units) -> dict[tuple, object]:
    """The candidates of ``units`` by natural key, in one query (not one per row)."""
    by_path = {unit.path: unit for unit in units}
    if not by_path:
        return {}
    model = page_model(CandidateMixin)
    queryset = model.objects.filter(
        depth__in={unit.depth + 1 for unit in by_path.values()},
        path__startswith=os.path.commonprefix(list(by_path)),
    )
    found = {}
    for page in queryset:
        unit = by_path.get(page.path[: -page.steplen])
        if unit is not None:
            found.setdefault(_candidate_key(unit.pk, page.title, page.date_of_birth), page)
    return found


def _plan_candidate(line, values, body, units, existing, messages) -> RowResult:
    unit_number = values.get("unit") if values.get("unit") is not None else "?"
    label = f"{values.get('title') or '?'} (đơn vị số {unit_number}, {values.get('body')})"
    unit = units.get((body.pk, values.get("unit"))) if body is not None else None
    if body is not None and values.get("unit") is not None and unit is None:
        messages.append(f"không có đơn vị bầu cử số {values['unit']} của {body.name}")
    if messages or unit is None:
        return RowResult(line, "refused", label, messages)
    fields = {k: v for k, v in values.items() if k not in ("body", "unit")}
    fields["_key"] = ("candidate", unit.pk, fields["title"].casefold(), fields["date_of_birth"])
    fields["_unit"] = unit
    found = existing.get(_candidate_key(unit.pk, fields["title"], fields["date_of_birth"]))
    if found is None:
        return RowResult(line, "create", label, [], fields)
    changed = _changes(
        found,
        {k: ("" if v is None and k != "party_joined_on" else v) for k, v in fields.items()},
    )
    return RowResult(
        line,
        "update" if changed else "unchanged",
        label,
        [", ".join(changed)] if changed else [],
        fields,
        found,
    )


def apply_plan(
    plan: Plan,
    election: Election,
    publish: bool = False,
    progress: Progress | None = None,
    user=None,
) -> None:
    """Write an accepted plan in one transaction; a plan with a refused row is not applied."""
    if plan.kind in OTHER_KINDS:
        return OTHER_KINDS[plan.kind].apply(plan, election, publish)
    if plan.refused:
        raise ImportError_("Tệp có dòng bị từ chối: không thay đổi gì.")
    written = []
    # Each page is saved twice (tree insert, then its revision): its references are indexed
    # once, after both, rather than once per save.
    with transaction.atomic(), disable_reference_index_auto_update():
        index = page_model(ElectoralUnitIndexMixin).objects.child_of(election.portal).first()
        if plan.kind == "units" and index is None:
            raise ImportError_("Cổng thông tin chưa có trang Đơn vị bầu cử.")
        for done, row in enumerate(plan.rows):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, len(plan.rows))
            if row.action == "unchanged":
                continue
            fields = {k: v for k, v in row.values.items() if not k.startswith("_")}
            if plan.kind == "candidates":
                fields = {
                    k: ("" if v is None and k != "party_joined_on" else v)
                    for k, v in fields.items()
                }
            page = row.target
            if page is None:
                if plan.kind == "units":
                    model = page_model(ElectoralUnitMixin)
                    body = row.values["_body"]
                    page = model(
                        body=body,
                        number=row.values["_number"],
                        live=False,
                        slug=f"{body.code}-{row.values['_number']}",
                    )
                    parent = index
                else:
                    model = page_model(CandidateMixin)
                    page = model(
                        live=False,
                        slug=vietnamese_slugify(fields["title"])
                        + "-"
                        + fields["date_of_birth"].strftime("%Y%m%d"),
                    )
                    parent = row.values["_unit"]
                for name, value in fields.items():
                    setattr(page, name, value)
                parent.add_child(instance=page)
            else:
                page = page.get_latest_revision_as_object()
                for name, value in fields.items():
                    setattr(page, name, value)
            revision = page.save_revision(user=user)
            if publish:
                revision.publish(user=user)
            written.append(page)
        for page in written:
            ReferenceIndex.create_or_update_for_object(page)


def template_dataset(kind: str) -> tablib.Dataset:
    """An empty spreadsheet with the columns of ``kind`` in their stable order, and one example."""
    columns = KINDS[kind]
    dataset = tablib.Dataset(headers=[c.header for c in columns])
    if kind in OTHER_KINDS:
        dataset.append([OTHER_KINDS[kind].example.get(c.header, "") for c in columns])
        return dataset
    example = {
        "co_quan": "quoc-hoi",
        "so_don_vi": 1,
        "ten_don_vi": "Đơn vị bầu cử số 1",
        "so_dai_bieu": 3,
        "dia_ban": "Quận Hồng Bàng, quận Ngô Quyền",
        "ban_bau_cu": "Ban bầu cử đại biểu Quốc hội đơn vị số 1",
        "ho_ten": "Nguyễn Văn Ví Dụ",
        "ngay_sinh": "01/01/1975",
        "gioi_tinh": "Nam",
        "dan_toc": "Kinh",
        "ton_giao": "Không",
    }
    dataset.append([example.get(c.header, "") for c in columns])
    return dataset
