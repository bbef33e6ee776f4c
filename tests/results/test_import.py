"""Import of results from the committee's spreadsheet through ``baucu_import results``: the
dry run, the apply, the refusals per row, a correction imported again, XLSX."""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from wagtail_baucu.results.models import ResultPublication, UnitResult

pytestmark = pytest.mark.django_db

HEADER = (
    "co_quan,so_don_vi,lan_bau,cu_tri_danh_sach,cu_tri_bo_phieu,phieu_hop_le,"
    "phieu_khong_hop_le,ho_ten,ngay_sinh,so_phieu,co_quan_quyet_dinh,can_cu\n"
)
MINUTES = "quoc-hoi,1,,1200,1000,980,20"
DECISION = "Ban bầu cử số 1,Biên bản ngày 24/5/2021"
GOOD = HEADER + "".join(
    f"{MINUTES},{name},{born},{votes},{DECISION}\n"
    for name, born, votes in [
        ("Nguyễn Văn An", "01/01/1960", 600),
        ("Trần Thị Bình", "15/06/1970", 500),
        ("Lê Minh Chi", "03/03/1985", 300),
    ]
)


def run(path, *args) -> str:
    out = io.StringIO()
    call_command("baucu_import", "results", str(path), *args, stdout=out)
    return out.getvalue()


def refused(path) -> str:
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("baucu_import", "results", str(path), stdout=out)
    return out.getvalue() + str(error.value)


def write(tmp_path, text, name="ket-qua.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_dry_run_then_apply_then_publish(world, tmp_path):
    path = write(tmp_path, GOOD)
    out = run(path, "--dry-run")
    assert "Dòng 2: tạo mới Nguyễn Văn An (đơn vị số 1, quoc-hoi)" in out
    assert "3 dòng: 3 tạo mới" in out and "Xem trước: chưa ghi gì." in out
    assert not UnitResult.objects.exists()
    run(path)
    result = UnitResult.objects.get()
    assert not result.live and result.latest_revision is not None  # waits for the moderators
    assert sorted(result.votes.values_list("votes", flat=True)) == [300, 500, 600]
    out = run(path, "--publish")
    assert "3 không thay đổi" in out
    result.latest_revision.publish()
    assert UnitResult.objects.get().live and ResultPublication.objects.count() == 1


def test_a_corrected_file_updates_and_keeps_the_history(world, tmp_path):
    run(write(tmp_path, GOOD), "--publish")
    corrected = GOOD.replace("1200,1000,980,20", "1200,1000,985,15").replace(
        "Biên bản ngày 24/5/2021", "Quyết định 12/QĐ-UBBC"
    )
    out = run(write(tmp_path, corrected), "--publish", "--dry-run")
    assert "Dòng 2: cập nhật" in out and "phieu_hop_le" in out and "can_cu" in out
    run(write(tmp_path, corrected), "--publish")
    assert UnitResult.objects.count() == 1
    history = list(ResultPublication.objects.order_by("published_at", "pk"))
    assert [p.decision_reference for p in history] == [
        "Biên bản ngày 24/5/2021",
        "Quyết định 12/QĐ-UBBC",
    ]
    assert {"field": "valid_ballots", "before": 980, "after": 985} in history[1].changes


def test_impossible_figures_are_refused_per_row_and_nothing_is_written(world, tmp_path):
    bad = (
        GOOD.replace("Trần Thị Bình,15/06/1970,500", "Trần Thị Bình,15/06/1970,990")
        + f"quoc-hoi,1,,1200,1000,980,20,Người Lạ,01/01/1990,10,{DECISION}\n"
        + f"quoc-hoi,7,,1200,1000,980,20,Nguyễn Văn An,01/01/1960,10,{DECISION}\n"
        + f"quoc-hoi,1,them,1200,1300,1300,0,Nguyễn Văn An,01/01/1960,10,{DECISION}\n"
        + f"quoc-hoi,1,sau,1200,1000,980,20,Nguyễn Văn An,01/01/1960,=1+1,{DECISION}\n"
    )
    text = refused(write(tmp_path, bad))
    assert "Dòng 3: từ chối" in text and "990 phiếu cho Trần Thị Bình" in text
    assert "Dòng 5: từ chối Người Lạ" in text and "không có người ứng cử này" in text
    assert "Dòng 6: từ chối" in text and "không có đơn vị bầu cử số 7 của Quốc hội" in text
    assert "Dòng 7: từ chối" in text and "cột cu_tri_bo_phieu: Số cử tri đã bỏ phiếu (1300)" in text
    assert "Dòng 8: từ chối" in text and "công thức" in text and "lan_bau" in text
    assert "Tệp có dòng bị từ chối: không thay đổi gì." in text
    assert not UnitResult.objects.exists()


def test_figures_that_differ_within_a_unit_are_refused(world, tmp_path):
    bad = GOOD.replace("1200,1000,980,20,Lê Minh Chi", "1200,1000,970,30,Lê Minh Chi")
    text = refused(write(tmp_path, bad))
    assert "Dòng 4: từ chối" in text and "phieu_hop_le, phieu_khong_hop_le khác với dòng 2" in text
    assert not UnitResult.objects.exists()


def test_xlsx_and_the_template(world, tmp_path):
    template = tmp_path / "mau.xlsx"
    run(template, "--template")
    sheet = openpyxl.load_workbook(template).active
    assert [c.value for c in sheet[1]][:3] == ["co_quan", "so_don_vi", "lan_bau"]
    book = openpyxl.Workbook()
    for line in GOOD.splitlines():
        book.active.append([int(v) if v.isdigit() else v for v in line.split(",")])
    path = tmp_path / "ket-qua.xlsx"
    book.save(path)
    out = run(path, "--publish")
    assert "3 tạo mới" in out
    assert UnitResult.objects.get().live
