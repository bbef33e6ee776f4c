"""Filters, search and ordering through query parameters."""

import pytest

pytestmark = pytest.mark.django_db

API = "/api/v2/"


def titles(get_json, url: str) -> list[str]:
    status, data = get_json(url)
    assert status == 200, data
    return [item["title"] for item in data["items"]]


def numbers(get_json, url: str) -> list[str]:
    status, data = get_json(url + ("&" if "?" in url else "?") + "fields=document_number")
    assert status == 200, data
    return [item["document_number"] for item in data["items"]]


def test_news_filters(demo, get_json):
    assert titles(get_json, API + "news/?agency=UBBC") == ["Hướng dẫn cử tri đi bầu"]
    assert titles(get_json, API + "news/?category=tuyen-truyen") == [
        "Tăng cường thông tin về cuộc bầu cử"
    ]
    assert titles(get_json, API + "news/?year=2021&order=published_at") == [
        "Tăng cường thông tin về cuộc bầu cử",
        "Hướng dẫn cử tri đi bầu",
        "Thành phố sẵn sàng cho ngày bầu cử",
    ]
    assert titles(get_json, API + "news/?year=2020") == []
    # On every page type at once, the year and range of first publication.
    status, data = get_json(API + "pages/?year=2022&published_to=2022-12-31")
    assert [item["title"] for item in data["items"]] == ["Nghị định về cổng thông tin điện tử"]


def test_date_range_is_inclusive_in_the_portal_time_zone(demo, get_json):
    url = API + "news/?published_from=2021-05-20&published_to=2021-05-22"
    assert titles(get_json, url) == [
        "Thành phố sẵn sàng cho ngày bầu cử",
        "Hướng dẫn cử tri đi bầu",
    ]
    # 07:30 in Hồ Chí Minh City is 00:30 UTC: a moment with an offset is compared as a moment.
    url = API + "news/?published_from=2021-05-20T07:31:00%2B07:00&published_to=2021-05-21"
    assert titles(get_json, url) == []
    url = API + "news/?published_from=2021-05-20T00:30:00Z&published_to=2021-05-20T00:30:00Z"
    assert titles(get_json, url) == ["Hướng dẫn cử tri đi bầu"]


def test_search_without_diacritics(demo, get_json):
    assert titles(get_json, API + "news/?search=huong dan cu tri") == ["Hướng dẫn cử tri đi bầu"]
    assert titles(get_json, API + "news/?search=Hướng DẪN") == ["Hướng dẫn cử tri đi bầu"]
    assert numbers(get_json, API + "directives/?search=34/ubbc") == ["34/UBBC-TCTTT"]
    found = titles(get_json, API + "pages/?search=ke hoach tuyen truyen")
    assert found == ["Kế hoạch tuyên truyền về cuộc bầu cử"]
    status, data = get_json(API + "agencies/?search=uy ban bau cu")
    assert [item["code"] for item in data["items"]] == ["UBBC"]


def test_directive_filters(demo, get_json):
    assert numbers(get_json, API + "directives/?document_type=KH") == ["08/KH-UBBC"]
    assert numbers(get_json, API + "directives/?document_type=NĐ") == ["42/2022/NĐ-CP"]
    assert numbers(get_json, API + "directives/?issuer=UBBC") == ["34/UBBC-TCTTT", "08/KH-UBBC"]
    assert numbers(get_json, API + "directives/?issuer=CP") == ["42/2022/NĐ-CP"]
    assert numbers(get_json, API + "directives/?level=central") == ["42/2022/NĐ-CP"]
    assert numbers(get_json, API + "directives/?year=2021") == ["34/UBBC-TCTTT", "08/KH-UBBC"]
    assert numbers(get_json, API + "directives/?issued_from=2021-02-01&issued_to=2021-12-31") == [
        "34/UBBC-TCTTT"
    ]
    assert numbers(get_json, API + "directives/?agency=UBBC") == []
    assert numbers(get_json, API + "directives/?document_number=08/KH-UBBC") == ["08/KH-UBBC"]


def test_ordering(demo, get_json):
    assert numbers(get_json, API + "directives/?order=number") == [
        "08/KH-UBBC",
        "34/UBBC-TCTTT",
        "42/2022/NĐ-CP",
    ]
    assert numbers(get_json, API + "directives/?order=issue_date") == [
        "08/KH-UBBC",
        "34/UBBC-TCTTT",
        "42/2022/NĐ-CP",
    ]
    # The collation is the database's; descending is the reverse of ascending on any of them.
    ascending = titles(get_json, API + "news/?order=title")
    assert ascending[0] == "Hướng dẫn cử tri đi bầu"
    assert titles(get_json, API + "news/?order=-title") == ascending[::-1]
    status, data = get_json(API + "agencies/?order=-code")
    assert [item["code"] for item in data["items"]] == ["UBBC", "SVHTT", "STTTT", "BCHQS"]


def test_filters_of_agencies(demo, get_json):
    status, data = get_json(API + "agencies/?kind=election_committee")
    assert [item["code"] for item in data["items"]] == ["UBBC"]
    status, data = get_json(API + "agencies/?code=STTTT")
    assert [item["code"] for item in data["items"]] == ["STTTT"]


def test_tree_filters_and_field_filters_of_wagtail(demo, get_json):
    index = demo.tree.document_index
    assert len(titles(get_json, API + f"pages/?child_of={index.pk}")) == 3
    assert titles(get_json, API + "pages/?child_of=root&order=title") == [
        "Cơ quan",
        "Tin tức",
        "Văn bản chỉ đạo",
    ]
    assert titles(get_json, API + "pages/?slug=tin-tuc") == ["Tin tức"]
    assert titles(get_json, API + "images/?search=co dong") == ["Ảnh cổ động bầu cử"]


def test_limit_and_offset(demo, get_json, settings):
    settings.WAGTAIL_BAUCU = {"API_MAX_LIMIT": 2, "API_DEFAULT_LIMIT": 1}
    status, data = get_json(API + "news/")
    assert status == 200
    assert data["meta"]["total_count"] == 3
    assert len(data["items"]) == 1
    status, data = get_json(API + "news/?limit=2&offset=2")
    assert len(data["items"]) == 1
    status, data = get_json(API + "news/?limit=3")
    assert status == 400
    assert "2" in data["message"]
