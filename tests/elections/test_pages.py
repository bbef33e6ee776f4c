"""What voters see, through HTTP: unit page, candidate page, posters and "Where do I vote?"."""

from datetime import date

import lxml.html
import pytest
from django.test import override_settings

from tests.factories import make_image
from tests.qr.scan import decode_svg, inline_svgs

pytestmark = pytest.mark.django_db

NAMES = ["Trần Văn Đạt", "Lê Thị Ánh", "Nguyễn Văn Dũng", "Phạm Thị Anh", "Vũ Văn Ân"]
OFFICIAL = ["Phạm Thị Anh", "Lê Thị Ánh", "Vũ Văn Ân", "Nguyễn Văn Dũng", "Trần Văn Đạt"]


def parse(response):
    assert response.status_code == 200, response.status_code
    return lxml.html.fromstring(response.content.decode())


def select(element, css_class: str, tag: str = "") -> list:
    """Elements of ``css_class`` (or their ``tag`` descendants), without a CSS library."""
    xpath = f'.//*[contains(concat(" ", @class, " "), " {css_class} ")]'
    return element.xpath(xpath + (f"//{tag}" if tag else ""))


def candidate_names(response) -> list[str]:
    return [a.text_content() for a in select(parse(response), "baucu-candidates", "a")]


@pytest.fixture
def unit(world):
    unit = world.unit(world.assembly, 1, seats=3, area="Quận Hồng Bàng, quận Ngô Quyền")
    for name in NAMES:
        world.candidate(unit, name, sex="female" if "Thị" in name else "male")
    return unit


def test_unit_page_lists_candidates_in_official_order(client, unit):
    response = client.get(unit.url)
    assert candidate_names(response) == OFFICIAL
    html = response.content.decode()
    assert "Danh sách chính thức những người ứng cử" in html  # Vietnamese labels
    assert "Quận Hồng Bàng, quận Ngô Quyền" in html and "Ban bầu cử Quốc hội" in html


def test_withdrawn_draft_and_unpublished_candidates_are_not_listed(client, world, unit):
    withdrawn = unit.get_children().get(title="Lê Thị Ánh").specific
    world.candidate(unit, "Đỗ Văn Bình", live=False)  # a draft
    assert "Đỗ Văn Bình" not in candidate_names(client.get(unit.url))
    withdrawn.status = "withdrawn"
    withdrawn.status_changed_on = date(2021, 5, 10)
    withdrawn.status_reason = "Xin rút theo nguyện vọng cá nhân"
    withdrawn.save_revision().publish()
    # The next request already shows the current list, and the date it changed.
    response = client.get(unit.url)
    assert "Lê Thị Ánh" not in candidate_names(response)
    assert "10/05/2021" in response.content.decode()
    # The candidate's own page stays, as a record of the change.
    page = client.get(withdrawn.url).content.decode()
    assert "Xin rút theo nguyện vọng cá nhân" in page
    unit.get_children().get(title="Vũ Văn Ân").specific.unpublish()
    assert candidate_names(client.get(unit.url)) == [
        "Phạm Thị Anh",
        "Nguyễn Văn Dũng",
        "Trần Văn Đạt",
    ]


def test_candidate_page_shows_only_public_fields(client, world, unit):
    candidate = world.candidate(
        unit,
        "Hoàng Thị Hải",
        residence="Số 12 ngõ 34 phố Bí Mật",
        place_of_origin="Xã Kiến Thụy, Hải Phòng",
        programme="<p>Chăm lo đời sống người cao tuổi</p>",
    )
    html = client.get(candidate.url).content.decode()
    assert "Xã Kiến Thụy, Hải Phòng" in html and "Chăm lo đời sống" in html
    assert "Đơn vị bầu cử số 1" in html
    # The residence is not on the posted list: not public unless the integrator says so.
    assert "Bí Mật" not in html
    with override_settings(WAGTAIL_BAUCU={"ELECTION_CANDIDATE_PUBLIC_FIELDS": ["residence"]}):
        html = client.get(candidate.url).content.decode()
    assert "Bí Mật" in html and "Xã Kiến Thụy" not in html


def test_example_candidates_say_so(client, world, unit):
    candidate = world.candidate(unit, "Lý Văn Mẫu", is_example=True)
    assert "người và tiểu sử này là hư cấu" in client.get(candidate.url).content.decode()


def test_unit_poster_is_the_official_list_with_a_qr_code_of_the_page(client, unit):
    response = client.get(unit.url + "print/")
    doc = parse(response)
    assert [h.text_content() for h in select(doc, "baucu-poster-candidate", "h2")] == OFFICIAL
    html = response.content.decode()
    assert "03/05/2021" in html  # date of publication
    codes = [decode_svg(svg) for svg in inline_svgs(html)]
    assert codes == ["http://testserver" + unit.url]


def test_candidate_biography_sheet(client, unit):
    candidate = unit.get_children().get(title="Nguyễn Văn Dũng").specific
    html = client.get(candidate.url + "print/").content.decode()
    assert "Nguyễn Văn Dũng" in html and "01/01/1975" in html
    assert [decode_svg(svg) for svg in inline_svgs(html)] == ["http://testserver" + candidate.url]


def test_index_lists_units_by_body(client, world, unit):
    world.unit(world.council, 2, seats=5)
    doc = parse(client.get(world.index.url))
    assert [h.text_content() for h in select(doc, "baucu-body", "h2")] == [
        "Quốc hội",
        "HĐND thành phố",
    ]


def lookup(client, world, query):
    return client.get(world.index.url + "tim-noi-bo-phieu/", {"q": query})


def test_where_do_i_vote_without_diacritics(client, world, unit):
    council_unit = world.unit(world.council, 4, seats=4)
    world.candidate(council_unit, "Đặng Thị Thu")
    world.area(
        "Phường Minh Khai",
        2,
        [unit, council_unit],
        covers="Tổ dân phố 3, phố Điện Biên Phủ",
        place_name="Trường Tiểu học Minh Khai",
        address="Số 5 phố Điện Biên Phủ",
    )
    world.area("Phường Hoàng Văn Thụ", 1, [unit])
    world.area("Phường Minh Khai", 9, [unit], live=False)  # not published yet
    doc = parse(lookup(client, world, "dien bien phu"))
    areas = select(doc, "baucu-area")
    assert len(areas) == 1
    text = areas[0].text_content()
    assert "Trường Tiểu học Minh Khai" in text and "07:00–19:00" in text
    ballots = select(areas[0], "baucu-ballot")
    assert [b.xpath(".//h3")[0].text_content() for b in ballots] == [
        "Quốc hội: Đơn vị bầu cử số 1",
        "HĐND thành phố: Đơn vị bầu cử số 4",
    ]
    assert [a.text_content() for a in ballots[0].xpath(".//li//a")] == OFFICIAL
    assert len(select(parse(lookup(client, world, "MINH KHAI")), "baucu-area")) == 1
    assert len(select(parse(lookup(client, world, "phuong")), "baucu-area")) == 2


@pytest.mark.parametrize("query", ["", "   ", "%%%", "\x00", "x" * 5000, "không có nơi này"])
def test_where_do_i_vote_with_odd_input(client, world, query):
    response = lookup(client, world, query)
    assert response.status_code == 200
    assert not select(parse(response), "baucu-area")


def test_lookup_does_not_show_other_elections_areas(client, world, unit):
    from tests.elections.world import make_election
    from tests.factories import make_portal

    other = make_election(make_portal("other.test", slug="bau-cu-2026"))
    other.area("Phường Lê Lợi", 1, [])
    assert not select(parse(lookup(client, world, "le loi")), "baucu-area")


def test_unit_page_shows_photos(client, world, unit):
    candidate = unit.get_children().get(title="Phạm Thị Anh").specific
    candidate.photo = make_image("Ảnh ứng cử viên")
    candidate.save_revision().publish()
    doc = parse(client.get(unit.url))
    assert select(doc, "baucu-candidate", "img")[0].get("alt") == "Phạm Thị Anh"
