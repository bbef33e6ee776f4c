"""Results in the API (``/api/v2/results/``) and as a CSV download: published rounds of
public units only, with the outcome, the votes and the history."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import restrict
from wagtail_baucu.results.models import UnitResult

pytestmark = pytest.mark.django_db

API = "/api/v2/results/"


def csv_url(world):
    return reverse(
        "wagtail_baucu:results_csv", args=[world.elections.election.pk, world.unit.body.code]
    )


def test_api_lists_published_results_with_the_outcome(client, world):
    world.result(publish=False)
    assert client.get(API).json() == {"meta": {"total_count": 0}, "items": []}
    UnitResult.objects.get().save_revision().publish()
    data = client.get(API).json()
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item["body"] == {"code": "quoc-hoi", "name": "Quốc hội"}
    assert item["unit"]["number"] == 1 and item["unit"]["seats"] == 2
    assert item["turnout"] == 83.33 and item["turnout_passed"] is True
    assert [(c["name"], c["votes"], c["elected"]) for c in item["candidates"]] == [
        ("Nguyễn Văn An", 600, True),
        ("Trần Thị Bình", 500, True),
        ("Lê Minh Chi", 300, False),
    ]
    assert item["meta"]["html_url"].endswith("#ket-qua")
    assert len(item["history"]) == 1
    detail = client.get(item["meta"]["detail_url"]).json()
    assert detail["id"] == item["id"] and detail["candidates"] == item["candidates"]


def test_api_filters_and_refuses_unknown_parameters(client, world):
    world.result()
    assert client.get(API, {"body": "quoc-hoi", "unit": "1"}).json()["meta"]["total_count"] == 1
    assert client.get(API, {"body": "hdnd-thanh-pho"}).json()["meta"]["total_count"] == 0
    assert client.get(API, {"unit": "2"}).json()["meta"]["total_count"] == 0
    assert client.get(API, {"unit": "x"}).status_code == 400
    assert client.get(API, {"search": "An"}).status_code == 400
    assert client.get(API, {"body": "x" * 5000}).status_code == 200
    assert client.get(API + "999999999999999999999/").status_code == 404


def test_api_hides_results_of_private_units(client, world):
    result = world.result()
    restrict(world.unit)
    assert client.get(API).json()["meta"]["total_count"] == 0
    assert client.get(f"{API}{result.pk}/").status_code == 404


def test_api_gives_the_history_of_corrections(client, world):
    result = world.result()
    world.correct(
        result, note="Kiểm lại.", reference="QĐ 12", valid_ballots=985, invalid_ballots=15
    )
    history = client.get(f"{API}{result.pk}/").json()["history"]
    assert [h["decision_reference"] for h in history] == [
        "QĐ 12",
        "Biên bản xác định kết quả bầu cử ngày 24/5/2021",
    ]
    assert {"field": "valid_ballots", "before": 980, "after": 985} in history[0]["changes"]


def test_csv_download(client, world):
    response = client.get(csv_url(world))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 and rows[0][:3] == ["co_quan", "so_don_vi", "ten_don_vi"]
    world.result()
    rows = list(csv.DictReader(io.StringIO(client.get(csv_url(world)).content.decode("utf-8-sig"))))
    assert [(r["ho_ten"], r["so_phieu"], r["trung_cu"]) for r in rows] == [
        ("Nguyễn Văn An", "600", "x"),
        ("Trần Thị Bình", "500", "x"),
        ("Lê Minh Chi", "300", ""),
    ]
    assert rows[0]["ty_le_di_bau"] == "83.33" and rows[0]["cu_tri_bo_phieu"] == "1000"


def test_csv_leaves_out_private_units_and_drafts(client, world):
    world.result(publish=False)
    rows = client.get(csv_url(world)).content.decode("utf-8-sig").splitlines()
    assert len(rows) == 1
    UnitResult.objects.get().save_revision().publish()
    restrict(world.unit)
    assert len(client.get(csv_url(world)).content.decode("utf-8-sig").splitlines()) == 1
