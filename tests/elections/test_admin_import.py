"""The admin's import over HTTP: upload, dry run per row, apply, template files, refusals."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
import tablib
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from tests.elections.world import model
from wagtail_baucu.agencies.onboarding import add_contributor, ensure_moderators, onboard_agency
from wagtail_baucu.elections.imports import CANDIDATE_COLUMNS, UNIT_COLUMNS
from wagtail_baucu.elections.models import Election, ImportRun

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "example_site" / "demo" / "import"
FORM_URL = "/admin/baucu/nhap-bau-cu/"


def user(username: str):
    return get_user_model().objects.create_user(username, password="x")


def client_of(account) -> Client:
    client = Client()
    client.force_login(account)
    return client


@pytest.fixture
def moderator(world):
    account = user("bbt.thu")
    account.groups.add(ensure_moderators())
    return client_of(account)


@pytest.fixture
def contributor(world):
    onboard_agency("SVHTT", "Sở Văn hóa và Thể thao", kind="department")
    account = user("svhtt.lan")
    add_contributor("SVHTT", "svhtt.lan")
    return client_of(account)


def upload(client, path_or_name, content=None, kind="candidates", publish=False, election=None):
    if content is None:
        content = Path(path_or_name).read_bytes()
        path_or_name = Path(path_or_name).name
    data = {
        "kind": kind,
        "election": election or Election.objects.get().pk,
        "file": SimpleUploadedFile(path_or_name, content),
    }
    if publish:
        data["publish"] = "on"
    return client.post(FORM_URL, data)


def run_page(client, response) -> tuple[ImportRun, str]:
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response["Location"])
    assert page.status_code == 200
    return ImportRun.objects.get(pk=response["Location"].rstrip("/").split("/")[-1]), (
        page.content.decode()
    )


def test_moderator_checks_then_imports_units_and_candidates(moderator, world):
    assert moderator.get(FORM_URL).status_code == 200
    run, html = run_page(
        moderator, upload(moderator, SAMPLES / "don-vi-bau-cu.csv", kind="units", publish=True)
    )
    assert run.status == "checked" and "Dòng 2: tạo mới đơn vị bầu cử số 1 (quoc-hoi)" in html
    assert "5 dòng: 5 tạo mới" in html and "Nhập các dòng này" in html
    assert not model("ElectoralUnit").objects.exists()  # a dry run writes nothing
    response = moderator.post(reverse("baucu_elections_import:apply", args=(run.pk,)))
    run, html = run_page(moderator, response)
    assert run.status == "applied" and "Đã nhập" in html
    assert model("ElectoralUnit").objects.live().count() == 5
    # The XLSX sample, as drafts for the moderation.
    run, html = run_page(moderator, upload(moderator, SAMPLES / "nguoi-ung-cu-vi-du.xlsx"))
    assert "5 dòng: 5 tạo mới" in html
    run_page(moderator, moderator.post(reverse("baucu_elections_import:apply", args=(run.pk,))))
    candidates = model("Candidate").objects.all()
    assert candidates.count() == 5 and not candidates.live().exists()
    assert {c.latest_revision.user.username for c in candidates} == {"bbt.thu"}
    # The same file again: nothing to do, and applying it changes nothing.
    run, html = run_page(moderator, upload(moderator, SAMPLES / "nguoi-ung-cu-vi-du.xlsx"))
    assert "5 không thay đổi" in html
    status = moderator.get(reverse("baucu_elections_import:status", args=(run.pk,))).json()
    assert status == {"status": "checked", "done": 5, "total": 5}


def test_the_bad_sample_is_explained_per_row_and_cannot_be_applied(moderator, world):
    for number in (1, 2):
        world.unit(world.assembly, number)
    run, html = run_page(moderator, upload(moderator, SAMPLES / "nguoi-ung-cu-co-loi.csv"))
    for line, message in [
        (2, "không có đơn vị bầu cử số 9"),
        (3, "không phải ngày hợp lệ"),
        (4, "không phải số"),
        (5, "công thức"),
        (7, "trùng với dòng 6"),
    ]:
        assert f"Dòng {line}: từ chối" in html and message in html.split(f"Dòng {line}:")[1]
    assert "Nhập các dòng này" not in html and "chưa ghi gì" in html
    # A forged apply is ignored: still nothing written.
    run, html = run_page(
        moderator, moderator.post(reverse("baucu_elections_import:apply", args=(run.pk,)))
    )
    assert run.status == "checked" and not model("Candidate").objects.exists()


def test_a_row_refused_at_apply_time_writes_nothing(moderator, world):
    unit = world.unit(world.assembly, 1)
    good = (
        "co_quan,so_don_vi,ho_ten,ngay_sinh\n"
        "quoc-hoi,1,Trần Văn Đạt,12/03/1970\nquoc-hoi,1,Lê Thị Ánh,01/07/1980\n"
    )
    run, html = run_page(moderator, upload(moderator, "ds.csv", good.encode()))
    assert "2 tạo mới" in html
    unit.delete()  # the unit is gone between the dry run and the import
    run, html = run_page(
        moderator, moderator.post(reverse("baucu_elections_import:apply", args=(run.pk,)))
    )
    assert run.status == "checked" and "Dữ liệu đã thay đổi" in html
    assert not model("Candidate").objects.exists()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("ds.pdf", b"%PDF-1.4", "Chỉ nhận tệp .csv hoặc .xlsx"),
        ("ds.csv", b"ho_ten,ngay_sinh\nA,01/01/1970\n", "Thiếu cột: co_quan, so_don_vi"),
        ("ds.xlsx", b"not a workbook", "Không đọc được tệp XLSX"),
        ("ds.csv", "co_quan,so_don_vi\n".encode("utf-16"), "UTF-8"),
        ("ds.csv", b"", "Tập tin được gửi là rỗng"),
    ],
)
def test_bad_files_get_a_form_error_and_keep_the_options(moderator, world, name, content, message):
    response = upload(moderator, name, content, kind="units", publish=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert '<option value="units" selected>' in html
    assert re.search(r'<input type="checkbox" name="publish"[^>]* checked>', html)
    assert not ImportRun.objects.exists()


@override_settings(WAGTAIL_BAUCU={"ELECTION_IMPORT_MAX_BYTES": 100})
def test_a_file_too_large_gets_a_form_error(moderator, world):
    response = upload(moderator, "ds.csv", b"co_quan,so_don_vi\n" + b"quoc-hoi,1\n" * 20)
    assert response.status_code == 200 and "Tệp quá lớn" in response.content.decode()
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize(
    "kind, columns", [("units", UNIT_COLUMNS), ("candidates", CANDIDATE_COLUMNS)]
)
def test_template_files_have_the_documented_columns(moderator, world, kind, columns):
    headers = [c.header for c in columns]
    csv = moderator.get(reverse("baucu_elections_import:template", args=(kind, "csv")))
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    assert "attachment" in csv["Content-Disposition"]
    text = csv.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert tablib.Dataset().load(text.lstrip("\ufeff"), format="csv").headers == headers
    xlsx = moderator.get(reverse("baucu_elections_import:template", args=(kind, "xlsx")))
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert [cell.value for cell in next(sheet.iter_rows())] == headers
    # The template, as downloaded, is accepted by the form (its example row is checked).
    run, html = run_page(moderator, upload(moderator, f"mau.{'xlsx'}", xlsx.content, kind=kind))
    assert "Dòng 2:" in html
    assert moderator.get(f"{FORM_URL}mau/other.csv").status_code == 404


def test_a_contributor_is_refused_everywhere(contributor, moderator, world):
    run, _html = run_page(moderator, upload(moderator, SAMPLES / "nguoi-ung-cu-vi-du.csv"))
    urls = [
        FORM_URL,
        reverse("baucu_elections_import:run", args=(run.pk,)),
        reverse("baucu_elections_import:status", args=(run.pk,)),
        reverse("baucu_elections_import:template", args=("units", "csv")),
    ]
    for url in urls:
        response = contributor.get(url)
        assert response.status_code in (302, 403), url
    assert upload(contributor, SAMPLES / "don-vi-bau-cu.csv", kind="units").status_code in (
        302,
        403,
    )
    contributor.post(reverse("baucu_elections_import:apply", args=(run.pk,)))
    assert ImportRun.objects.count() == 1 and not model("ElectoralUnit").objects.exists()
    assert "nhap-bau-cu" not in contributor.get("/admin/").content.decode()
    assert "nhap-bau-cu" in moderator.get("/admin/").content.decode()


def test_publish_at_once_needs_the_right_to_publish(world):
    """Only a user who may publish in the portal gets "publish at once"."""
    staff = user("ubbc.staff")

    staff.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_importrun"),
    )
    response = upload(client_of(staff), SAMPLES / "don-vi-bau-cu.csv", kind="units", publish=True)
    assert response.status_code == 200
    assert "Bạn không được xuất bản" in response.content.decode()


def sidebar_labels(html: str) -> set[str]:
    """Every menu label of the admin's sidebar (its props are JSON in the page)."""
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    found: set[str] = set()

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("label"), str):
                found.add(value["label"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(props.group(1)))
    return found


def test_the_elections_menu_reads_vietnamese(moderator, world):
    labels = sidebar_labels(moderator.get("/admin/").content.decode())
    assert {
        "Bầu cử",
        "Cuộc bầu cử",
        "Cơ quan được bầu",
        "Khu vực bỏ phiếu",
        "Nhập đơn vị bầu cử và người ứng cử",
    } <= labels
    assert not {"Elections", "Elected bodies", "Polling areas", "Import"} & labels
    html = moderator.get(FORM_URL).content.decode()
    for words in ["Tệp chứa", "Tệp CSV hoặc XLSX", "Tệp mẫu", "Kiểm tra tệp", "Đơn vị bầu cử"]:
        assert words in html
