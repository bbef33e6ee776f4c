import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wagtail_baucu.text.folding import MAX_QUERY_LENGTH, clean_query, fold, query_terms

# Every Unicode character, lone surrogates included, weighted towards Vietnamese text.
ANY_TEXT = st.text(
    st.characters(exclude_categories=()) | st.sampled_from("ăâđêôơưĂÂĐÊÔƠƯÐàảãáạ ̣́ \t\n\x00/-,.")
)
CONTROLS = frozenset(("Cc", "Cs"))


def assert_no_controls(text):
    assert not any(unicodedata.category(ch) in CONTROLS or ch in "\ufffe\uffff" for ch in text), (
        repr(text)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bầu cử Đại biểu Quốc hội", "bau cu dai bieu quoc hoi"),
        (
            "Bầu cử đại biểu Quốc hội khóa XV và HĐND các cấp nhiệm kỳ 2021-2026",
            "bau cu dai bieu quoc hoi khoa xv va hdnd cac cap nhiem ky 2021-2026",
        ),
        ("34/UBBC-TCTTT", "34/ubbc-tcttt"),
        ("Ủy ban MTTQ Việt Nam", "uy ban mttq viet nam"),
        ("  HĐND\t\n các   cấp ", "hdnd cac cap"),
        ("bầu\x00cử", "baucu"),
        ("\x00\x01\x7f", ""),
        ("ÐẠI BIỂU", "dai bieu"),  # "Ð" (eth) in text from old encodings
        ("ＨĐＮＤ ２０２１", "hdnd 2021"),  # full-width forms
        ("đại\u00adbiểu", "daibieu"),  # soft hyphen
        ("Москва 한국", "москва 한국"),  # other scripts keep their letters
        ("", ""),
    ],
)
def test_fold_examples(text, expected):
    assert fold(text) == expected


def test_fold_decomposed_input():
    text = unicodedata.normalize("NFD", "Bầu cử Đại biểu Quốc hội")
    assert fold(text) == "bau cu dai bieu quoc hoi"


@settings(deadline=None)
@given(ANY_TEXT)
def test_fold_never_leaves_marks_d_stroke_or_controls(text):
    folded = fold(text)
    assert not any(unicodedata.category(ch) == "Mn" for ch in folded), repr(folded)
    assert "đ" not in folded and "Đ" not in folded
    assert_no_controls(folded)
    assert folded == folded.strip()
    assert "  " not in folded
    assert fold(folded) == folded


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        ("\x00", ""),
        ("  Bầu   cử  ", "Bầu cử"),
        ("bầu\x00cử", "bầucử"),
        ("a\tb\nc\r\nd", "a b c d"),
        ("a\x7fb\ufffec\uffffd\ud800e\x80f", "abcdef"),
        ("34/UBBC-TCTTT", "34/UBBC-TCTTT"),
    ],
)
def test_clean_query_examples(raw, expected):
    assert clean_query(raw) == expected


def test_clean_query_composes_decomposed_text():
    assert clean_query(unicodedata.normalize("NFD", "Bầu cử")) == "Bầu cử"


def test_clean_query_cuts_long_input():
    assert MAX_QUERY_LENGTH == 200
    assert clean_query("a" * 10_000) == "a" * MAX_QUERY_LENGTH
    spaced = clean_query("bầu cử " * 2_000)
    assert len(spaced) <= MAX_QUERY_LENGTH
    assert spaced == spaced.strip()


@settings(deadline=None)
@given(ANY_TEXT)
def test_clean_query_output_is_always_clean(raw):
    cleaned = clean_query(raw)
    assert len(cleaned) <= MAX_QUERY_LENGTH
    assert_no_controls(cleaned)
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, []),
        ("", []),
        ("\x00", []),
        ("--- ,,, ...", []),
        ("Bầu cử Đại biểu Quốc hội", ["bau", "cu", "dai", "bieu", "quoc", "hoi"]),
        ("Bầu cử, HĐND bầu cử", ["bau", "cu", "hdnd"]),
        ("Công văn 34/UBBC-TCTTT.", ["cong", "van", "34/ubbc-tcttt"]),
        ("(HĐND) 2021-2026", ["hdnd", "2021-2026"]),
    ],
)
def test_query_terms_examples(raw, expected):
    assert query_terms(raw) == expected


def test_query_terms_keeps_the_first_ten_distinct_terms():
    raw = "a a b c d e f g h i j k l"
    assert query_terms(raw) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]


@settings(deadline=None)
@given(ANY_TEXT)
def test_query_terms_are_few_distinct_and_folded(raw):
    terms = query_terms(raw)
    assert len(terms) <= 10
    assert len(set(terms)) == len(terms)
    for term in terms:
        assert term and fold(term) == term
        assert not any(ch.isspace() for ch in term)
