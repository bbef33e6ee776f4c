import dataclasses
import os

import pytest
from django.utils import translation
from django.utils.functional import Promise
from hypothesis import given, settings
from hypothesis import strategies as st

from wagtail_baucu.documents.numbers import (
    COPY_TYPES,
    DOCUMENT_TYPES,
    OFFICIAL_LETTER,
    DocumentNumber,
    InvalidDocumentNumber,
    normalize_document_number,
    parse_document_number,
)


@pytest.fixture
def english():
    """Evaluate lazy messages in English; bare settings when run without pytest-django."""
    from django.conf import settings as django_settings

    if not django_settings.configured and "DJANGO_SETTINGS_MODULE" not in os.environ:
        django_settings.configure(USE_I18N=False)
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("text", "number", "number_text", "year", "type_code", "issuer", "unit", "type_name"),
    [
        ("34/UBBC-TCTTT", 34, "34", None, None, "UBBC", "TCTTT", "Công văn"),
        ("08/KH-UBBC", 8, "08", None, "KH", "UBBC", None, "Kế hoạch"),
        ("624/SVHTT-QLVH", 624, "624", None, None, "SVHTT", "QLVH", "Công văn"),
        ("42/2022/NĐ-CP", 42, "42", 2022, "NĐ", "CP", None, "Nghị định"),
        ("30/2020/NĐ-CP", 30, "30", 2020, "NĐ", "CP", None, "Nghị định"),
        ("12/CT-UBND", 12, "12", None, "CT", "UBND", None, "Chỉ thị"),
        ("05/QyĐ-UBBC", 5, "05", None, "QyĐ", "UBBC", None, "Quy định"),
        ("5/KH-UBBC", 5, "5", None, "KH", "UBBC", None, "Kế hoạch"),
        ("15/CT-TTg", 15, "15", None, "CT", "TTg", None, "Chỉ thị"),
        ("22/2023/TT-BTTTT", 22, "22", 2023, "TT", "BTTTT", None, "Thông tư"),
        ("101/QĐ-UBND-VX", 101, "101", None, "QĐ", "UBND", "VX", "Quyết định"),
        ("7/TTr-UBBC-TCTTT-HC", 7, "7", None, "TTr", "UBBC", "TCTTT-HC", "Tờ trình"),
        ("123/BCĐ389-VP", 123, "123", None, None, "BCĐ389", "VP", "Công văn"),
        ("12/CV-UBND", 12, "12", None, "CV", "UBND", None, "Công văn"),
        ("05/SY-UBND", 5, "05", None, "SY", "UBND", None, "Bản sao y"),
        ("1/1945/SL-CTN", 1, "1", 1945, "SL", "CTN", None, "Bản sao lục"),
        ("9/2100/NQ-HĐND", 9, "9", 2100, "NQ", "HĐND", None, "Nghị quyết"),
    ],
)
def test_valid_numbers(text, number, number_text, year, type_code, issuer, unit, type_name):
    parsed = parse_document_number(text)
    assert parsed == DocumentNumber(
        raw=text,
        number=number,
        number_text=number_text,
        year=year,
        type_code=type_code,
        issuer_code=issuer,
        unit_code=unit,
    )
    assert parsed.type_name == type_name
    assert str(parsed) == text


@pytest.mark.parametrize(
    ("text", "number", "year", "issuer", "possible", "type_name"),
    [
        ("85/2015/QH13", 85, 2015, "QH13", ("L", "NQ"), "Luật / Nghị quyết"),
        ("83/2025/QH15", 83, 2025, "QH15", ("L", "NQ"), "Luật / Nghị quyết"),
        ("203/2025/QH15", 203, 2025, "QH15", ("L", "NQ"), "Luật / Nghị quyết"),
        ("01/2022/UBTVQH15", 1, 2022, "UBTVQH15", ("PL", "NQ"), "Pháp lệnh / Nghị quyết"),
    ],
)
def test_a_legislature_symbol_leaves_the_type_open(text, number, year, issuer, possible, type_name):
    parsed = parse_document_number(text)
    assert (parsed.number, parsed.year, parsed.type_code) == (number, year, None)
    assert (parsed.issuer_code, parsed.unit_code) == (issuer, None)
    assert parsed.possible_types == possible
    assert parsed.type_name == type_name
    assert str(parsed) == text


def test_a_national_election_council_resolution_names_its_type():
    parsed = parse_document_number("151/NQ-HĐBCQG")
    assert (parsed.number, parsed.type_code, parsed.type_name) == (151, "NQ", "Nghị quyết")
    assert (parsed.issuer_code, parsed.possible_types) == ("HĐBCQG", ())


@pytest.mark.parametrize("text", ["85/QH13", "85/2015/QH", "85/2015/QH123", "85/2015/XQH13"])
def test_a_legislature_symbol_needs_its_year_and_term(text, english):
    with pytest.raises(InvalidDocumentNumber) as caught:
        parse_document_number(text)
    assert caught.value.code == "symbol"


def test_luat_and_phap_lenh_are_never_read_from_a_symbol():
    # No real symbol writes "L-" or "PL-": those groups are issuers, as in a công văn.
    for text in ("12/L-UBND", "12/PL-UBND"):
        parsed = parse_document_number(text)
        assert parsed.type_code is None
        assert parsed.type_name == "Công văn"


def test_type_code_is_read_by_position():
    # "CT" is Chỉ thị first, a unit code second.
    assert parse_document_number("12/CT-UBND").type_code == "CT"
    unit_ct = parse_document_number("12/UBND-CT")
    assert (unit_ct.type_code, unit_ct.issuer_code, unit_ct.unit_code) == (None, "UBND", "CT")


def test_symbol_property():
    assert parse_document_number("42/2022/NĐ-CP").symbol == "NĐ-CP"
    assert parse_document_number("34/UBBC-TCTTT").symbol == "UBBC-TCTTT"


def test_document_number_is_frozen():
    parsed = parse_document_number("08/KH-UBBC")
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.number = 9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  34/UBBC-TCTTT  ", "34/UBBC-TCTTT"),
        ("34 / UBBC - TCTTT", "34/UBBC-TCTTT"),
        ("42 /2022/ NĐ -CP", "42/2022/NĐ-CP"),
        ("34/UBBC\u2013TCTTT", "34/UBBC-TCTTT"),  # en dash from a word processor
        ("34\uff0fUBBC\u2014TCTTT", "34/UBBC-TCTTT"),  # full-width slash, em dash
        ("42/2022/N\u00d0-CP", "42/2022/NĐ-CP"),  # eth looks like Đ
        ("\ufeff34/UBBC\u200b-TCTTT", "34/UBBC-TCTTT"),  # BOM and zero-width space
        ("34\u00a0/\u00a0UBBC", "34/UBBC"),  # no-break spaces
        ("", ""),
    ],
)
def test_normalize_document_number(text, expected):
    assert normalize_document_number(text) == expected


def test_parse_normalises_first():
    parsed = parse_document_number(" 42 / 2022 / N\u00d0 \u2013 CP ")
    assert parsed.raw == "42/2022/NĐ-CP"
    assert (parsed.year, parsed.type_code, parsed.issuer_code) == (2022, "NĐ", "CP")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("36-HD/VPTW", "invalid"),  # party documents: free text, not parsed
        ("", "invalid"),
        ("   ", "invalid"),
        ("UBBC-TCTTT", "invalid"),
        ("34", "invalid"),
        ("34/", "invalid"),
        ("/KH-UBBC", "invalid"),
        ("3a/KH-UBBC", "invalid"),
        ("٣٤/KH-UBBC", "invalid"),  # Arabic-Indic digits
        ("34/UBBC-", "invalid"),
        ("34/-UBBC", "invalid"),
        ("34/UBBC--TCTTT", "invalid"),
        ("34/UBBC-TC_TTT", "invalid"),
        ("34/1UBBC-TCTTT", "invalid"),
        ("34/ỦBBC-TCTTT", "invalid"),
        ("34//UBBC-TCTTT", "invalid"),
        ("42/NĐ/CP-X", "invalid"),
        ("42/2022/2022/NĐ-CP", "invalid"),
        ("34/ubbc-tcttt", "capitals"),
        ("34/Ubbc-Tcttt", "capitals"),
        ("08/kh-UBBC", "capitals"),
        ("34/UB BC-TCTTT", "spaces"),
        ("34/UBBC-TC\tTTT", "spaces"),
        ("0/KH-UBBC", "number"),
        ("00/KH-UBBC", "number"),
        ("1234567890/KH-UBBC", "number"),
        ("42/1944/NĐ-CP", "year"),
        ("42/2101/NĐ-CP", "year"),
        ("42/22/NĐ-CP", "year"),
        ("42/20222/NĐ-CP", "year"),
        ("34/UBBC", "symbol"),
        ("42/2022/CP", "symbol"),
    ],
)
def test_invalid_numbers(text, code):
    with pytest.raises(InvalidDocumentNumber) as caught:
        parse_document_number(text)
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)
    # Lazy, so the message is translated when shown, in the reader's language.
    assert isinstance(caught.value.message, Promise)


@pytest.mark.usefixtures("english")
def test_default_message_explains_the_form_with_examples():
    with pytest.raises(InvalidDocumentNumber) as caught:
        parse_document_number("36-HD/VPTW")
    message = str(caught.value)
    assert message == str(caught.value.message)
    for example in ("34/UBBC-TCTTT", "08/KH-UBBC", "42/2022/NĐ-CP"):
        assert example in message


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("34/ubbc-tcttt", ("capitals", "34/UBBC-TCTTT")),
        ("34/UB BC-TCTTT", ("no spaces", "34/UBBC-TCTTT")),
        ("0/KH-UBBC", ("digits", "08/KH-UBBC")),
        ("42/1900/NĐ-CP", ("1945", "2100", "42/2022/NĐ-CP")),
        ("34/UBBC", ("two groups", "08/KH-UBBC", "34/UBBC-TCTTT")),
    ],
)
def test_specific_messages_say_what_to_fix(text, words):
    with pytest.raises(InvalidDocumentNumber) as caught:
        parse_document_number(text)
    for word in words:
        assert word in str(caught.value)


def test_document_types_hold_the_decree_list():
    assert set(DOCUMENT_TYPES) == {
        # Phụ lục III
        *("NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA"),
        *("BC", "BB", "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG"),
        *("PC", "PB"),
        # legal documents
        *("NĐ", "TT", "TTLT", "L", "PL"),
        OFFICIAL_LETTER,
    }
    assert OFFICIAL_LETTER == "CV"
    assert DOCUMENT_TYPES["CV"] == "Công văn"
    assert DOCUMENT_TYPES["QyĐ"] == "Quy định"
    assert DOCUMENT_TYPES["ĐA"] == "Đề án"
    assert DOCUMENT_TYPES["TTLT"] == "Thông tư liên tịch"
    assert set(COPY_TYPES) == {"SY", "TrS", "SL"}
    assert not set(COPY_TYPES) & set(DOCUMENT_TYPES)


@settings(deadline=None)
@given(
    st.text(st.characters(exclude_categories=()))
    | st.text(st.sampled_from("0123456789/-- ABCDHKNTUĐQyrgubc\u2013\u00d0"))
)
def test_parse_returns_or_raises_invalid_document_number(text):
    try:
        parsed = parse_document_number(text)
    except InvalidDocumentNumber:
        return
    assert parsed.raw == normalize_document_number(text)
    assert parse_document_number(parsed.raw) == parsed


GROUP = st.from_regex(r"[A-ZĐ][A-Z0-9Đ]{0,5}", fullmatch=True)


@settings(deadline=None)
@given(
    number=st.integers(min_value=1, max_value=99_999),
    year=st.none() | st.integers(min_value=1945, max_value=2100),
    # Luật and Pháp lệnh are chosen by editors, never written in a symbol.
    type_code=st.none() | st.sampled_from(sorted(set(DOCUMENT_TYPES) - {"L", "PL"})),
    groups=st.lists(GROUP, min_size=2, max_size=4),
)
def test_well_formed_numbers_round_trip(number, year, type_code, groups):
    if type_code is None and groups[0] in DOCUMENT_TYPES | COPY_TYPES:
        groups[0] = "X" + groups[0]  # not a công văn then
    symbol_groups = [type_code, *groups[:2]] if type_code else groups
    text = "/".join([f"{number:02d}", *([str(year)] if year else []), "-".join(symbol_groups)])
    parsed = parse_document_number(text)
    assert str(parsed) == text
    assert (parsed.number, parsed.year, parsed.type_code) == (number, year, type_code)
    assert parsed.issuer_code == symbol_groups[1 if type_code else 0]
