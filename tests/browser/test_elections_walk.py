"""Two walks of the election: a voter on a phone, from the home page to a candidate, and a
moderator checking the committee's bad sample file in the admin's import."""

from datetime import date
from pathlib import Path

import pytest

from tests.agencies.world import build_world
from tests.browser.test_moderation_flow import log_in
from tests.elections.world import make_election

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
IMAGES = ROOT / "docs" / "images"
SAMPLES = ROOT / "example_site" / "demo" / "import"
PHONE = {"width": 390, "height": 844}
# WCAG 2.2's minimum target size, in CSS pixels.
TARGET = 24


def no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide"


def targets_are_big_enough(page, selector: str) -> None:
    for box in [item.bounding_box() for item in page.locator(selector).all()]:
        assert box and box["height"] >= TARGET and box["width"] >= TARGET, box


def shot(page, name: str) -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(IMAGES / name), full_page=True)


def test_a_voter_on_a_phone_finds_where_to_vote_and_who_stands(live_server, new_page, site_tree):
    world = make_election(site_tree)
    unit = world.unit(world.assembly, 1, area="Quận Hai Bà Trưng")
    council = world.unit(world.council, 4, seats=2)
    world.candidate(unit, "Trần Thị Ánh", date(1980, 7, 1))
    world.candidate(unit, "Lê Văn Đạt", date(1972, 3, 12))
    world.candidate(council, "Phạm Văn Bình", date(1968, 5, 9))
    world.area(
        "Phường Minh Khai",
        3,
        [unit, council],
        covers="Tổ dân phố 5, 6; phố Lạc Trung",
        place_name="Nhà văn hóa tổ dân phố 5",
    )

    page = new_page()
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    no_horizontal_scroll(page)
    shot(page, "bau-cu-cu-tri-1-trang-chu.png")
    page.locator("nav.baucu-nav").get_by_role("link", name="Đơn vị bầu cử").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Đơn vị bầu cử"
    # Typed without diacritics, as on a phone keyboard.
    page.fill("#baucu-lookup-q", "minh khai")
    targets_are_big_enough(page, "form.baucu-lookup input, form.baucu-lookup button")
    page.locator("form.baucu-lookup button").click()
    page.wait_for_url("**/tim-noi-bo-phieu/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Tôi bỏ phiếu ở đâu?"
    area = page.locator("article.baucu-area")
    assert area.get_by_role("heading", level=2).inner_text() == (
        "Phường Minh Khai: khu vực bỏ phiếu 3"
    )
    assert "Nhà văn hóa tổ dân phố 5" in area.inner_text() and "07:00–19:00" in area.inner_text()
    ballots = [h.inner_text() for h in area.get_by_role("heading", level=3).all()]
    assert ballots == ["Quốc hội: Đơn vị bầu cử số 1", "HĐND thành phố: Đơn vị bầu cử số 4"]
    # The official order: by given name (Ánh before Đạt).
    first = area.locator("section.baucu-ballot").first
    assert [li.inner_text() for li in first.locator("li").all()] == ["Trần Thị Ánh", "Lê Văn Đạt"]
    no_horizontal_scroll(page)
    shot(page, "bau-cu-cu-tri-2-tra-cuu.png")

    first.get_by_role("link", name="Đơn vị bầu cử số 1").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Đơn vị bầu cử số 1"
    assert "Quận Hai Bà Trưng" in page.inner_text("main")
    no_horizontal_scroll(page)
    shot(page, "bau-cu-cu-tri-3-don-vi.png")
    page.locator("main").get_by_role("link", name="Lê Văn Đạt").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Lê Văn Đạt"
    assert "Đơn vị bầu cử số 1" in page.inner_text("main")
    no_horizontal_scroll(page)
    shot(page, "bau-cu-cu-tri-4-nguoi-ung-cu.png")


def test_a_moderator_reads_the_dry_run_of_the_bad_sample(live_server, new_page, site_tree):
    build_world(site_tree)
    world = make_election(site_tree)
    for number in (1, 2):
        world.unit(world.assembly, number)
    page = new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server.url, "bbt.thu")
    page.goto(live_server.url + "/admin/")
    page.get_by_role("button", name="Bầu cử").click()
    page.get_by_role("link", name="Nhập đơn vị bầu cử và người ứng cử").click()
    page.select_option("#id_kind", "candidates")
    page.set_input_files("#id_file", str(SAMPLES / "nguoi-ung-cu-co-loi.csv"))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    page.wait_for_url("**/nhap-bau-cu/*/")
    rows = page.locator("table.baucu-import-rows tbody tr")
    text = rows.all_inner_texts()
    assert any("Dòng 2: từ chối" in row and "không có đơn vị bầu cử số 9" in row for row in text)
    assert any("Dòng 5: từ chối" in row and "công thức" in row for row in text)
    assert page.get_by_role("button", name="Nhập các dòng này").count() == 0
    assert "chưa ghi gì" in page.inner_text("main")
    shot(page, "bau-cu-nhap-xem-truoc.png")
