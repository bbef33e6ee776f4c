import random
import unicodedata

import pytest

from wagtail_baucu.elections.ordering import name_sort_key, sort_names, split_name

# Each list is in the official order; the test shuffles it and sorts it back.
ORDERED_TABLES = {
    "a before ă before â before b": [
        "Trần Văn An",
        "Lê Thị Ăn",
        "Phạm Văn Ân",
        "Nguyễn Thị Ba",
    ],
    "d before đ before e": [
        "Hoàng Văn Dũng",
        "Nguyễn Văn Duy",
        "Trần Thị Đào",
        "Lê Văn Đạt",
        "Phạm Văn Em",
    ],
    "e ê, o ô ơ, u ư": [
        "Lê Văn Eo",
        "Lê Văn Êm",
        "Vũ Thị Oanh",
        "Đỗ Văn Ôn",
        "Bùi Văn Ơn",
        "Ngô Văn Uy",
        "Đinh Thị Ưng",
    ],
    "tones after letters: level, huyền, hỏi, ngã, sắc, nặng": [
        "Lê Văn Ba",
        "Lê Văn Bà",
        "Lê Văn Bả",
        "Lê Văn Bã",
        "Lê Văn Bá",
        "Lê Văn Bạ",
        "Lê Văn Bac",
    ],
    "letters of the whole word before any tone": [
        "Nguyễn Thị Hà",
        "Trần Văn Hai",
        "Lê Thị Hải",
        "Vũ Văn Hanh",
        "Phạm Thị Hạnh",
    ],
    "same given name ordered by the rest": [
        "Đặng Văn Hùng",
        "Lê Hùng",
        "Lê Mạnh Hùng",
        "Nguyễn Văn Hùng",
        "Nguyễn Việt Hùng",
    ],
    "given name decides before the family name": [
        "Vũ Thị Anh",
        "Trần Thị Ánh",
        "Bùi Văn Bình",
        "Ân Thị Chi",
    ],
    "ng, nh, ch, th, tr as plain letters": [
        "Lê Văn Chánh",
        "Lê Văn Châu",
        "Lê Văn Nga",
        "Lê Văn Ngân",
        "Lê Văn Nhân",
        "Lê Văn Thành",
        "Lê Văn Trí",
    ],
    "y last": ["Lê Văn Xuân", "Nguyễn Thị Yến"],
}


@pytest.mark.parametrize("table", ORDERED_TABLES.values(), ids=ORDERED_TABLES.keys())
def test_table_sorts_back_to_the_official_order(table):
    shuffled = table[:]
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert sort_names(shuffled) == table


def test_tones_of_the_same_letters_in_order():
    assert sort_names(["Lê Văn Bạ", "Lê Văn Bá", "Lê Văn Bã", "Lê Văn Bả", "Lê Văn Bà"]) == [
        "Lê Văn Bà",
        "Lê Văn Bả",
        "Lê Văn Bã",
        "Lê Văn Bá",
        "Lê Văn Bạ",
    ]


def test_nfd_and_nfc_give_the_same_key():
    for name in ["Nguyễn Thị Ánh Tuyết", "Đặng Văn Ửng", "Hồ Thị Hoà", "Lê Thị Hòa"]:
        nfd = unicodedata.normalize("NFD", name)
        assert nfd != name
        assert name_sort_key(nfd) == name_sort_key(name)


def test_nfd_names_sort_among_nfc_ones():
    names = ["Lê Văn Dũng", unicodedata.normalize("NFD", "Trần Văn Đạt"), "Lê Thị Duyên"]
    assert sort_names(names) == [names[0], names[2], names[1]]


def test_case_and_spaces_do_not_change_the_order():
    assert name_sort_key("NGUYỄN VĂN ĐẠT")[0][:2] == name_sort_key("nguyễn văn đạt")[0][:2]
    assert split_name("  Nguyễn   Văn  An ") == ("An", ["Nguyễn", "Văn"])


def test_eth_sorts_as_d_stroke():
    assert name_sort_key("Lê Văn ðạt")[0][:2] == name_sort_key("Lê Văn Đạt")[0][:2]


def test_key_of_items_through_a_name_function():
    rows = [{"name": "Trần Văn Đạt"}, {"name": "Lê Văn Dũng"}]
    assert sort_names(rows, name=lambda row: row["name"]) == rows[::-1]


def test_empty_and_foreign_names_do_not_fail():
    assert sort_names(["", "Lê Văn Zô", "Lê Văn Yên", "Ksor H'Bia", "Lê Văn 2"])[0] == ""
    assert sort_names(["Lê Văn Zô", "Lê Văn Yên"]) == ["Lê Văn Yên", "Lê Văn Zô"]
