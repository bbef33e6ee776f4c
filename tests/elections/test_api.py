"""The election's API endpoints and downloads, through HTTP, compared with the database."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from wagtail.models import PageViewRestriction

from tests.elections.world import model
from wagtail_baucu.elections.opendata import BOM, CANDIDATE_HEAD, CANDIDATE_TAIL, UNIT_COLUMNS

pytestmark = pytest.mark.django_db

API = "/api/v2/"


@pytest.fixture
def lists(world):
    """Two units of the Assembly, one of the council, candidates in every state, polling areas."""
    one = world.unit(world.assembly, 1, area="Phường Minh Khai, phường Hoàng Văn Thụ")
    two = world.unit(world.assembly, 2, area="Quận Lê Chân")
    council = world.unit(world.council, 1, area="Phường Minh Khai")
    names = {
        "dat": world.candidate(one, "Trần Văn Đạt", residence="Số 9 Lạch Tray"),
        "anh": world.candidate(one, "Lê Thị Ánh", sex="female"),
        "an": world.candidate(one, "Vũ Văn Ân"),
        "binh": world.candidate(two, "Đỗ Văn Bình"),
        "chi": world.candidate(council, "Hoàng Thị Chi", sex="female"),
    }
    names["draft"] = world.candidate(one, "Ngô Văn Nháp", live=False)
    withdrawn = world.candidate(one, "Phan Văn Rút")
    withdrawn.status = "withdrawn"
    withdrawn.status_changed_on = date(2021, 5, 10)
    withdrawn.status_reason = "Xin rút theo nguyện vọng cá nhân"
    withdrawn.save_revision().publish()
    names["withdrawn"] = withdrawn
    areas = {
        "minh-khai": world.area("Phường Minh Khai", 1, [one, council], covers="Phố Lạch Tray"),
        "le-chan": world.area("Quận Lê Chân", 2, [two]),
        "draft": world.area("Phường Minh Khai", 3, [one], live=False),
    }
    return {"units": {"one": one, "two": two, "council": council}, "people": names, "areas": areas}


def ids(client, url: str) -> list[int]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return [item["id"] for item in response.json()["items"]]


def test_units_endpoint_lists_public_units_with_filters(client, lists, world):
    units = lists["units"]
    assert ids(client, API + "units/") == [units["one"].pk, units["two"].pk, units["council"].pk]
    assert ids(client, API + "units/?body=quoc-hoi") == [units["one"].pk, units["two"].pk]
    assert ids(client, API + "units/?level=tinh") == [units["council"].pk]
    assert ids(client, API + f"units/?election={world.election.pk}&body=hdnd-thanh-pho") == [
        units["council"].pk
    ]
    # Without diacritics, through the commune of a polling area or the area covered.
    assert ids(client, API + "units/?commune=minh khai") == [units["one"].pk, units["council"].pk]
    assert ids(client, API + "units/?commune=le chan") == [units["two"].pk]
    assert ids(client, API + "units/?search=hoang van thu") == [units["one"].pk]
    item = client.get(API + f"units/{units['one'].pk}/").json()
    assert item["body"]["code"] == "quoc-hoi" and item["seats"] == 3
    assert item["election"]["election_day"] == "2021-05-23"
    assert item["list_published_on"] == "2021-05-03" and item["list_changed_on"] == "2021-05-10"
    links = item["links"]
    assert links["print"].endswith(units["one"].url + "print/")
    assert links["qr_svg"].startswith("http://testserver/") and links["short"].endswith(
        f"/p/{units['one'].pk}/"
    )
    assert links["feeds"]["atom"] == "http://testserver" + units["one"].url + "feed/atom/"


def test_candidates_endpoint_official_order_filters_and_statuses(client, lists):
    people, units = lists["people"], lists["units"]
    # Unit by unit; within a unit, by given name: Ánh, Ân (a before â), Đạt.
    assert ids(client, API + "candidates/") == [
        people["anh"].pk,
        people["an"].pk,
        people["dat"].pk,
        people["binh"].pk,
        people["chi"].pk,
    ]
    assert ids(client, API + f"candidates/?unit={units['two'].pk}") == [people["binh"].pk]
    assert ids(client, API + "candidates/?level=tinh") == [people["chi"].pk]
    assert ids(client, API + "candidates/?search=tran van dat") == [people["dat"].pk]
    assert ids(client, API + "candidates/?commune=le chan") == [people["binh"].pk]
    assert ids(client, API + "candidates/?limit=2&offset=1") == [people["an"].pk, people["dat"].pk]
    # Who left the list: only when asked for, with the date and the reason.
    assert ids(client, API + "candidates/?status=withdrawn") == [people["withdrawn"].pk]
    assert people["withdrawn"].pk in ids(client, API + "candidates/?status=all")
    item = client.get(API + f"candidates/{people['withdrawn'].pk}/").json()
    assert item["status"] == {"code": "withdrawn", "name": "Đã rút khỏi danh sách"}
    assert item["status_changed_on"] == "2021-05-10"
    assert item["status_reason"] == "Xin rút theo nguyện vọng cá nhân"
    assert client.get(API + f"candidates/{people['draft'].pk}/").status_code == 404


def test_candidate_biography_is_limited_to_the_public_fields(client, lists, settings):
    dat = lists["people"]["dat"]
    item = client.get(API + f"candidates/{dat.pk}/").json()
    assert "residence" not in item["biography"] and "Lạch Tray" not in json.dumps(item)
    assert item["biography"]["date_of_birth"] == "1975-01-01"
    assert item["unit"]["id"] == lists["units"]["one"].pk
    settings.WAGTAIL_BAUCU = {"ELECTION_CANDIDATE_PUBLIC_FIELDS": ["residence"]}
    item = client.get(API + f"candidates/{dat.pk}/").json()
    assert item["biography"] == {"residence": "Số 9 Lạch Tray"}
    # Not a field filter either: what is not public cannot be probed.
    assert client.get(API + "candidates/?residence=x").status_code == 400


def test_polling_areas_endpoint_only_live_areas(client, lists, world):
    areas, units = lists["areas"], lists["units"]
    assert ids(client, API + "polling-areas/") == [areas["minh-khai"].pk, areas["le-chan"].pk]
    assert ids(client, API + "polling-areas/?commune=phuong minh khai") == [areas["minh-khai"].pk]
    assert ids(client, API + "polling-areas/?search=lach tray") == [areas["minh-khai"].pk]
    assert ids(client, API + f"polling-areas/?unit={units['two'].pk}") == [areas["le-chan"].pk]
    assert ids(client, API + "polling-areas/?body=hdnd-thanh-pho") == [areas["minh-khai"].pk]
    assert client.get(API + f"polling-areas/{areas['draft'].pk}/").status_code == 404
    item = client.get(API + f"polling-areas/{areas['minh-khai'].pk}/").json()
    assert item["opens_at"] == "07:00" and item["closes_at"] == "19:00"
    assert [u["body"]["code"] for u in item["units"]] == ["quoc-hoi", "hdnd-thanh-pho"]
    assert item["units"][0]["unit"]["html_url"] == "http://testserver" + units["one"].url


def test_elections_endpoint(client, lists, world):
    (item,) = client.get(API + "elections/").json()["items"]
    assert item["id"] == world.election.pk
    assert [b["code"] for b in item["bodies"]] == ["quoc-hoi", "hdnd-thanh-pho"]
    assert [level["code"] for level in item["levels"]] == ["tinh", "xa"]
    lists_ = item["lists"]
    assert lists_["candidates"]["csv"].endswith(
        f"/api/v2/candidates/download.csv?election={world.election.pk}"
    )
    assert lists_["feeds"]["rss"] == "http://testserver" + world.index.url + "feed/rss/"


@pytest.mark.parametrize(
    "query",
    [
        "units/?body=khong-co",
        "units/?body=Qu%E1%BB%91c",
        "units/?level=huyen",
        "units/?election=abc",
        "units/?election=999999",
        "units/?status=withdrawn",
        "units/?unit=-1",
        "units/?commune=%21%21",
        "units/?limit=1000",
        "units/?order=seats,nope",
        "candidates/?status=gone",
        "candidates/?type=wagtailcore.Page",
        "polling-areas/?status=on_list",
        "polling-areas/?search=%00",
        "polling-areas/?commune=" + "a" * 300,
        "candidates/download.csv?limit=5",
        "candidates/download.csv?body=x%20y",
    ],
)
def test_bad_parameters_are_400_with_a_message(client, lists, query):
    response = client.get(API + query)
    assert response.status_code == 400, (query, response.status_code)
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


def read_csv(response) -> list[dict]:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    text = data.decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_candidates_csv_is_the_official_list_as_in_the_database(client, lists):
    response = client.get(API + "candidates/download.csv?body=quoc-hoi")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    assert response["Content-Disposition"] == 'attachment; filename="candidates.csv"'
    rows = read_csv(response)
    header = list(rows[0])
    assert tuple(header[: len(CANDIDATE_HEAD)]) == CANDIDATE_HEAD
    assert tuple(header[-len(CANDIDATE_TAIL) :]) == CANDIDATE_TAIL
    assert "residence" not in header
    people = lists["people"]
    expected = [people[key] for key in ("anh", "an", "dat", "binh")]
    assert [int(row["id"]) for row in rows] == [p.pk for p in expected]
    for row, person in zip(rows, expected, strict=True):
        fresh = model("Candidate").objects.get(pk=person.pk)
        unit = fresh.get_parent().specific
        assert row["full_name"] == fresh.title
        assert row["date_of_birth"] == fresh.date_of_birth.isoformat()
        assert row["sex"] == fresh.sex and row["occupation"] == fresh.occupation
        assert row["unit_number"] == str(unit.number) and row["body_code"] == unit.body.code
        assert row["status"] == "on_list" and row["url"] == fresh.full_url


def test_json_download_matches_the_csv(client, lists, world):
    query = f"?election={world.election.pk}"
    for name in ("units", "candidates", "polling-areas"):
        csv_rows = read_csv(client.get(f"{API}{name}/download.csv{query}"))
        response = client.get(f"{API}{name}/download.json{query}")
        assert response["Content-Disposition"] == (
            f'attachment; filename="{name}-election-{world.election.pk}.json"'
        )
        document = response.json()
        assert document["columns"] == list(csv_rows[0]) if csv_rows else True
        assert [item["id"] for item in document["items"]] == [int(r["id"]) for r in csv_rows]
    units = json.loads(client.get(f"{API}units/download.json").content)
    assert units["columns"] == list(UNIT_COLUMNS)
    assert [u["id"] for u in units["items"]] == [u.pk for u in lists["units"].values()]
    areas = json.loads(client.get(f"{API}polling-areas/download.json").content)["items"]
    assert areas[0]["units"] == [
        {"body_code": "quoc-hoi", "unit_number": 1},
        {"body_code": "hdnd-thanh-pho", "unit_number": 1},
    ]
    rows = read_csv(client.get(f"{API}polling-areas/download.csv"))
    assert rows[0]["units"] == "quoc-hoi:1;hdnd-thanh-pho:1"


def test_download_etag_and_fresh_after_a_withdrawal(client, lists):
    url = API + "candidates/download.csv"
    first = client.get(url)
    etag = first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    anh = model("Candidate").objects.get(pk=lists["people"]["anh"].pk)
    anh.status = "removed"
    anh.status_changed_on = date(2021, 5, 12)
    anh.save_revision().publish()
    second = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert second.status_code == 200 and second["ETag"] != etag
    assert str(anh.pk) not in {row["id"] for row in read_csv(second)}
    assert anh.pk not in ids(client, API + "candidates/")


def test_download_follows_polling_area_changes(client, lists):
    url = API + "polling-areas/download.csv"
    assert len(read_csv(client.get(url))) == 2
    lists["areas"]["draft"].save_revision().publish()
    assert len(read_csv(client.get(url))) == 3


def test_private_unit_hides_its_candidates_everywhere(client, lists):
    one = lists["units"]["one"]
    PageViewRestriction.objects.create(
        page=one, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert one.pk not in ids(client, API + "units/")
    assert ids(client, API + "candidates/") == [
        lists["people"]["binh"].pk,
        lists["people"]["chi"].pk,
    ]
    text = client.get(API + "candidates/download.csv").content.decode()
    assert "Trần Văn Đạt" not in text
    assert client.get(API + f"candidates/{lists['people']['dat'].pk}/").status_code == 404


def test_an_election_of_a_portal_not_public_is_unknown(client, lists, world):
    assert client.get(API + f"units/?election={world.election.pk}").status_code == 200
    world.election.portal.unpublish()
    response = client.get(API + f"units/?election={world.election.pk}")
    assert response.status_code == 400 and response.json()["message"]
    assert ids(client, API + "polling-areas/") == []


def test_csv_cells_cannot_become_formulas(client, world):
    unit = world.unit(world.assembly, 1, area='=HYPERLINK("http://x")')
    row = read_csv(client.get(API + "units/download.csv"))[0]
    assert row["area_covered"].startswith("'=")
    assert row["id"] == str(unit.pk)
