import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wagtail_baucu.text.slugs import vietnamese_slugify

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Every Unicode character, lone surrogates included, weighted towards Vietnamese letters.
ANY_TEXT = st.text(st.characters(exclude_categories=()) | st.sampled_from("ăâđêôơưĂÂĐÊÔƠƯàảãáạ ̣́-/"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bầu cử đại biểu Quốc hội", "bau-cu-dai-bieu-quoc-hoi"),
        ("HĐND", "hdnd"),
        (
            "Bầu cử đại biểu Quốc hội khóa XV và HĐND các cấp nhiệm kỳ 2021-2026",
            "bau-cu-dai-bieu-quoc-hoi-khoa-xv-va-hdnd-cac-cap-nhiem-ky-2021-2026",
        ),
        ("Ủy ban bầu cử thành phố", "uy-ban-bau-cu-thanh-pho"),
        ("Sở Văn hóa và Thể thao", "so-van-hoa-va-the-thao"),
        ("Đà Nẵng", "da-nang"),
        ("Công văn 34/UBBC-TCTTT", "cong-van-34-ubbc-tcttt"),
        ("  --Ngày bầu cử: 23/5/2021!--  ", "ngay-bau-cu-23-5-2021"),
        ("Tuyên truyền 😀 bầu cử", "tuyen-truyen-bau-cu"),
        ("đại\u200bbiểu", "daibieu"),
    ],
)
def test_examples(text, expected):
    assert vietnamese_slugify(text) == expected


def test_decomposed_input_gives_the_same_slug():
    text = "Bầu cử đại biểu Quốc hội"
    assert vietnamese_slugify(unicodedata.normalize("NFD", text)) == "bau-cu-dai-bieu-quoc-hoi"


@pytest.mark.parametrize(
    ("vowel", "base"), [(v, b) for v, b in zip("aăâeêioôơuưy", "aaaeeiooouuy", strict=True)]
)
def test_every_tone_on_every_vowel_is_stripped(vowel, base):
    # Grave, hook above, tilde, acute, dot below, in both cases.
    for tone in ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"):
        letter = unicodedata.normalize("NFC", vowel + tone)
        assert vietnamese_slugify(letter) == base
        assert vietnamese_slugify(letter.upper()) == base


@pytest.mark.parametrize("text", ["", "   ", "!!!", "-- / --", "—", "😀", "\x00\u200b"])
def test_text_without_letters_or_digits_gives_empty_slug(text):
    assert vietnamese_slugify(text) == ""


@pytest.mark.parametrize(
    ("max_length", "expected"),
    [
        (100, "bau-cu-dai-bieu"),
        (15, "bau-cu-dai-bieu"),
        (14, "bau-cu-dai"),
        (10, "bau-cu-dai"),
        (9, "bau-cu"),
        (4, "bau"),
        (3, "bau"),
        (2, "ba"),
        (1, "b"),
    ],
)
def test_cut_at_a_word_boundary(max_length, expected):
    assert vietnamese_slugify("Bầu cử đại biểu", max_length=max_length) == expected


def test_single_long_word_is_cut_mid_word():
    assert vietnamese_slugify("Nghiêngnghiêngnghiêng", max_length=8) == "nghiengn"


@pytest.mark.parametrize("max_length", [0, -1])
def test_max_length_below_one_is_rejected(max_length):
    with pytest.raises(ValueError):
        vietnamese_slugify("bầu cử", max_length=max_length)


@settings(deadline=None)
@given(text=ANY_TEXT, max_length=st.integers(min_value=1, max_value=300))
def test_slug_is_always_ascii_words_joined_by_hyphens(text, max_length):
    slug = vietnamese_slugify(text, max_length=max_length)
    assert slug == "" or SLUG.match(slug)
    assert len(slug) <= max_length


@settings(deadline=None)
@given(ANY_TEXT)
def test_slugify_is_idempotent(text):
    slug = vietnamese_slugify(text)
    assert vietnamese_slugify(slug) == slug
