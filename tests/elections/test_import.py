"""Import of units and candidates from CSV and XLSX through the management command."""

import io
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from tests.elections.world import model

pytestmark = pytest.mark.django_db

UNITS = """co_quan,so_don_vi,ten_don_vi,so_dai_bieu,dia_ban,ban_bau_cu,so_cu_tri
quoc-hoi,1,,3,"Quận Hồng Bàng, quận Ngô Quyền",Ban bầu cử số 1,350000
quoc-hoi,2,,3,"Quận Lê Chân, quận Kiến An",,
hdnd-thanh-pho,1,,5,Quận Hồng Bàng,,
"""
CANDIDATES = """co_quan,so_don_vi,ho_ten,ngay_sinh,gioi_tinh,noi_cong_tac
quoc-hoi,1,Trần Văn Đạt,12/03/1970,Nam,Sở Nội vụ
quoc-hoi,1,Lê Thị Ánh,1980-07-01,Nữ,Trường Đại học Hải Phòng
quoc-hoi,2,Phạm Văn An,01/01/1965,nam,
"""


def run(kind, path, *args):
    out = io.StringIO()
    call_command("baucu_import", kind, str(path), *args, stdout=out)
    return out.getvalue()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(kind, path) -> str:
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("baucu_import", kind, str(path), stdout=out)
    return out.getvalue() + str(error.value)


def candidates():
    return sorted(model("Candidate").objects.values_list("title", flat=True))


@pytest.fixture
def imported_units(world, tmp_path):
    run("units", write(tmp_path, "units.csv", UNITS), "--publish")
    return world


def test_units_import_then_reimport_is_idempotent(imported_units, tmp_path):
    units = model("ElectoralUnit").objects.order_by("body__sort_order", "number")
    assert [(u.body.code, u.number, u.seats) for u in units] == [
        ("quoc-hoi", 1, 3),
        ("quoc-hoi", 2, 3),
        ("hdnd-thanh-pho", 1, 5),
    ]
    assert units[0].title == "Đơn vị bầu cử số 1" and units[0].voter_count == 350000
    out = run("units", write(tmp_path, "units.csv", UNITS), "--publish")
    assert out.count(": không thay đổi") == 3 and units.count() == 3


def test_dry_run_shows_each_row_and_writes_nothing(imported_units, tmp_path):
    out = run("candidates", write(tmp_path, "c.csv", CANDIDATES), "--dry-run")
    assert "Dòng 2: tạo mới Trần Văn Đạt (đơn vị số 1, quoc-hoi)" in out
    assert "3 dòng: 3 tạo mới" in out and "chưa ghi gì" in out
    assert candidates() == []


def test_candidates_import_and_corrected_reimport_updates(imported_units, tmp_path, client):
    run("candidates", write(tmp_path, "c.csv", CANDIDATES), "--publish")
    assert candidates() == ["Lê Thị Ánh", "Phạm Văn An", "Trần Văn Đạt"]
    unit = model("ElectoralUnit").objects.get(body__code="quoc-hoi", number=1)
    assert "Lê Thị Ánh" in client.get(unit.url).content.decode()
    corrected = CANDIDATES.replace("Sở Nội vụ", "Ủy ban nhân dân thành phố")
    out = run("candidates", write(tmp_path, "c2.csv", corrected), "--publish")
    assert "Dòng 2: cập nhật Trần Văn Đạt (đơn vị số 1, quoc-hoi): workplace" in out
    assert out.count(": không thay đổi") == 2
    assert candidates() == ["Lê Thị Ánh", "Phạm Văn An", "Trần Văn Đạt"]
    assert model("Candidate").objects.get(title="Trần Văn Đạt").workplace.startswith("Ủy ban")


def test_import_without_publish_leaves_drafts_for_moderators(imported_units, tmp_path, client):
    out = run("candidates", write(tmp_path, "c.csv", CANDIDATES))
    assert "chờ Ban biên tập duyệt" in out
    assert not model("Candidate").objects.filter(live=True).exists()


BAD_ROWS = {
    "unknown unit": ("quoc-hoi,9,Vũ Văn Bình,01/01/1970,Nam,", "không có đơn vị bầu cử số 9"),
    "unknown body": ("hdnd-xa,1,Vũ Văn Bình,01/01/1970,Nam,", 'không có cơ quan mã "hdnd-xa"'),
    "bad date": ("quoc-hoi,1,Vũ Văn Bình,31/02/1970,Nam,", '"31/02/1970" không phải ngày'),
    "unit not a number": ("quoc-hoi,một,Vũ Văn Bình,01/01/1970,Nam,", '"một" không phải số'),
    "formula": ('quoc-hoi,1,Vũ Văn Bình,01/01/1970,Nam,"=HYPERLINK(""x"")"', "công thức"),
    "empty name": ("quoc-hoi,1,,01/01/1970,Nam,", "cột ho_ten trống"),
    "bad sex": ("quoc-hoi,1,Vũ Văn Bình,01/01/1970,X,", "phải là Nam hoặc Nữ"),
    "duplicate": ("quoc-hoi,1,Trần Văn Đạt,12/03/1970,Nam,", "trùng với dòng 2"),
}


@pytest.mark.parametrize("row,message", BAD_ROWS.values(), ids=BAD_ROWS.keys())
def test_a_bad_row_is_explained_and_nothing_changes(imported_units, tmp_path, row, message):
    text = refused("candidates", write(tmp_path, "bad.csv", CANDIDATES + row + "\n"))
    assert "Dòng 5: từ chối" in text and message in text
    assert "không thay đổi gì" in text
    assert candidates() == []


def test_seats_not_a_number_and_missing_column(imported_units, tmp_path):
    text = refused(
        "units", write(tmp_path, "u.csv", UNITS + "quoc-hoi,3,,ba,Huyện Thủy Nguyên,,\n")
    )
    assert "Dòng 5: từ chối" in text and '"ba" không phải số' in text
    text = refused(
        "candidates", write(tmp_path, "c.csv", "co_quan,so_don_vi,ho_ten\nquoc-hoi,1,A\n")
    )
    assert "Thiếu cột: ngay_sinh" in text


def test_odd_files_are_refused_in_vietnamese(world, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("co_quan,ho_ten\nquoc-hoi,Đạt\n".encode("utf-16"))
    assert "UTF-8" in refused("candidates", path)
    assert "Chỉ nhận tệp" in refused("candidates", write(tmp_path, "c.txt", "x"))
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK not a workbook")
    assert "Không đọc được tệp XLSX" in refused("candidates", path)


def xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_import_and_formula_refused(imported_units, tmp_path):
    header = ["co_quan", "so_don_vi", "ho_ten", "ngay_sinh", "gioi_tinh"]
    path = tmp_path / "c.xlsx"
    path.write_bytes(xlsx([header, ["quoc-hoi", 1, "Đỗ Thị Hằng", "02/09/1985", "Nữ"]]))
    run("candidates", path, "--publish")
    assert candidates() == ["Đỗ Thị Hằng"]
    path.write_bytes(xlsx([header, ["quoc-hoi", "=1+0", "Bùi Văn Nam", "02/09/1985", "Nam"]]))
    text = refused("candidates", path)
    assert "Dòng 2: từ chối" in text and "công thức" in text
    assert candidates() == ["Đỗ Thị Hằng"]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_template_file_is_accepted_by_the_dry_run(imported_units, tmp_path, suffix):
    path = tmp_path / f"mau.{suffix}"
    run("candidates", path, "--template")
    out = run("candidates", path, "--dry-run")
    assert "Dòng 2: tạo mới Nguyễn Văn Ví Dụ" in out


# The time of a large import is measured by ``bench/import_bench.py`` (1,000 candidates), not
# here; this checks that many rows over several units import, once, in the official order.
COUNT = 60


def test_many_candidates_import_once(imported_units, tmp_path):
    rows = ["co_quan,so_don_vi,ho_ten,ngay_sinh,gioi_tinh"] + [
        f"quoc-hoi,{1 + i % 2},Nguyễn Văn Số {i},01/01/1970,Nam" for i in range(COUNT)
    ]
    path = write(tmp_path, "many.csv", "\n".join(rows) + "\n")
    run("candidates", path)
    assert model("Candidate").objects.count() == COUNT
    assert f"{COUNT} không thay đổi" in run("candidates", path, "--dry-run")


SAMPLES = Path(__file__).resolve().parents[2] / "example_site" / "demo" / "import"


def test_sample_files_import_and_the_bad_one_is_explained(world, tmp_path):
    run("units", SAMPLES / "don-vi-bau-cu.csv", "--publish")
    assert model("ElectoralUnit").objects.filter(body__code="quoc-hoi").count() == 3
    assert model("ElectoralUnit").objects.count() == 5
    for name in ["nguoi-ung-cu-vi-du.csv", "nguoi-ung-cu-vi-du.xlsx"]:
        assert "5 dòng: 5 tạo mới" in run("candidates", SAMPLES / name, "--dry-run")
    run("candidates", SAMPLES / "nguoi-ung-cu-vi-du.xlsx")
    text = refused("candidates", SAMPLES / "nguoi-ung-cu-co-loi.csv")
    for line, message in [
        (2, "không có đơn vị bầu cử số 9"),
        (3, "không phải ngày hợp lệ"),
        (4, "không phải số"),
        (5, "công thức"),
        (7, "trùng với dòng 6"),
    ]:
        assert f"Dòng {line}: từ chối" in text and message in text.split(f"Dòng {line}:")[1]
    assert model("Candidate").objects.filter(is_example=True).count() == 5
