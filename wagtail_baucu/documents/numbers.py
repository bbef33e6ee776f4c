"""Official document reference numbers ("số, ký hiệu") as set by Nghị định 30/2020/NĐ-CP.

A reference is ``number/symbol``, with a year between them for legal documents:
``08/KH-UBBC`` (Kế hoạch 08 of the election committee), ``34/UBBC-TCTTT`` (a công văn,
which has no type code) and ``42/2022/NĐ-CP``. Laws and resolutions of the National Assembly
and its Standing Committee carry only the body and its term after the year: ``85/2015/QH13``
(a law), ``203/2025/QH15`` (a resolution); their symbol cannot tell which, so the parse lists
the ``possible_types`` and the document's type field decides.

Party documents use another form (``36-HD/VPTW``) and are not parsed:
``parse_document_number`` raises ``InvalidDocumentNumber`` for them, and the model layer
decides whether to keep such a reference as free text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

__all__ = [
    "COPY_TYPES",
    "DOCUMENT_TYPES",
    "LEGISLATURE_TYPES",
    "MAX_YEAR",
    "MIN_YEAR",
    "OFFICIAL_LETTER",
    "DocumentNumber",
    "InvalidDocumentNumber",
    "normalize_document_number",
    "parse_document_number",
]

# The kind of a document whose symbol has no type code.
OFFICIAL_LETTER = "CV"

# Codes are case-sensitive: "CT" is Chỉ thị, "CTr" Chương trình.
DOCUMENT_TYPES: dict[str, str] = {
    # Phụ lục III of Nghị định 30/2020/NĐ-CP.
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    # Legal documents (văn bản quy phạm pháp luật).
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    # Types of the documents whose symbol names no type (85/2015/QH13): never read from a
    # symbol, only chosen in the document's type field.
    "L": "Luật",
    "PL": "Pháp lệnh",
    # Listed so one dict can feed a choice field; parsed when an issuer still writes "CV-".
    OFFICIAL_LETTER: "Công văn",
}

# Copies get a number and symbol of their own (Phụ lục III); without these codes
# "05/SY-UBND" would read as a công văn from an issuer "SY".
COPY_TYPES: dict[str, str] = {
    "SY": "Bản sao y",
    "TrS": "Bản trích sao",
    "SL": "Bản sao lục",
}

# Keep in step with the year message below.
MIN_YEAR = 1945
MAX_YEAR = 2100
# More digits than any register reaches, and the value still fits a 32-bit integer column.
_MAX_NUMBER_DIGITS = 9

_FORMAT_MESSAGE = _(
    "Enter a reference number in the form number/symbol, e.g. 34/UBBC-TCTTT, 08/KH-UBBC "
    "or 42/2022/NĐ-CP: the number in digits, then the symbol in capitals, groups joined "
    "by '-', no spaces."
)
_SPACES_MESSAGE = _(
    "A reference number has no spaces inside, e.g. 34/UBBC-TCTTT, 08/KH-UBBC or 42/2022/NĐ-CP."
)
_CAPITALS_MESSAGE = _(
    "Write the symbol in capitals, e.g. 34/UBBC-TCTTT rather than 34/ubbc-tcttt; only "
    "codes such as QyĐ, CTr, TTr or TTg mix in small letters."
)
_NUMBER_MESSAGE = _(
    "The number before the first '/' is written in digits and starts from 1, e.g. 08 in 08/KH-UBBC."
)
_YEAR_MESSAGE = _(
    "The year in a reference number has four digits, from 1945 to 2100, e.g. 2022 in 42/2022/NĐ-CP."
)
_SYMBOL_MESSAGE = _(
    "The symbol needs at least two groups joined by '-': type and issuer as in 08/KH-UBBC, "
    "or issuer and unit as in 34/UBBC-TCTTT."
)


class InvalidDocumentNumber(ValueError):
    """A reference number that does not follow Nghị định 30/2020/NĐ-CP.

    ``message`` is a lazy translatable string explaining the expected form with examples;
    ``code`` names the problem ("invalid", "spaces", "capitals", "number", "year" or
    "symbol"), so a form can raise ``ValidationError(exc.message, code=exc.code)``.
    """

    def __init__(self, message: str | Promise = _FORMAT_MESSAGE, code: str = "invalid") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class DocumentNumber:
    """A parsed reference number such as ``08/KH-UBBC`` or ``42/2022/NĐ-CP``."""

    raw: str
    """The normalised reference, e.g. "08/KH-UBBC"."""
    number: int
    number_text: str
    """The number as written, with its leading zeros: "08"."""
    year: int | None
    type_code: str | None
    """``None`` for a công văn, whose symbol starts with the issuer."""
    issuer_code: str
    unit_code: str | None
    possible_types: tuple[str, ...] = ()
    """The type codes a symbol that names no type allows (``("L", "NQ")`` for 85/2015/QH13);
    empty when the symbol decides the type."""

    @property
    def type_name(self) -> str:
        """The Vietnamese name of the document type, "Công văn" when there is no type code,
        "Luật / Nghị quyết" when the symbol cannot tell."""
        if self.possible_types:
            return " / ".join(DOCUMENT_TYPES[code] for code in self.possible_types)
        code = self.type_code or OFFICIAL_LETTER
        return DOCUMENT_TYPES.get(code) or COPY_TYPES[code]

    @property
    def symbol(self) -> str:
        """The part after the last "/", e.g. "KH-UBBC"."""
        return self.raw.rsplit("/", 1)[-1]

    def __str__(self) -> str:
        return self.raw


_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_SLASHES = re.compile("[\u2044\u2215\uff0f]")
_SPACED_SEPARATOR = re.compile(r"\s*([/-])\s*")
# "Ð" (U+00D0, eth) looks the same as "Đ" (U+0110) and turns up in pasted or converted text.
_ETH_TO_D_STROKE = str.maketrans({"Ð": "Đ", "ð": "đ"})

_DIGITS = re.compile(r"[0-9]+")
_YEAR = re.compile(r"[0-9]{4}")
_GROUP = re.compile(r"[A-ZĐ][A-Za-zĐđ0-9]*")
# Codes only an editor gives: no real symbol writes "L-" for Luật or "PL-" for Pháp lệnh.
_UNWRITTEN_TYPE_CODES = frozenset({"L", "PL"})
_KNOWN_TYPE_CODES = (frozenset(DOCUMENT_TYPES) | frozenset(COPY_TYPES)) - _UNWRITTEN_TYPE_CODES
# The National Assembly (QH) and its Standing Committee (UBTVQH) with their term: QH15.
_LEGISLATURE = re.compile(r"(QH|UBTVQH)([0-9]{1,2})")
# What a legislature's symbol may number: laws and resolutions, ordinances and resolutions.
LEGISLATURE_TYPES: dict[str, tuple[str, ...]] = {"QH": ("L", "NQ"), "UBTVQH": ("PL", "NQ")}


def normalize_document_number(text: str) -> str:
    """Return ``text`` tidied for parsing, without judging it.

    NFC-normalises, drops invisible format characters (zero-width spaces from copy and
    paste), turns dash and slash look-alikes into "-" and "/", maps "Ð" (eth) to "Đ",
    removes spaces around "/" and "-", and trims. "34 / UBBC – TCTTT" gives "34/UBBC-TCTTT".
    """
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = _SLASHES.sub("/", _DASHES.sub("-", text)).translate(_ETH_TO_D_STROKE)
    return _SPACED_SEPARATOR.sub(r"\1", text).strip()


def _check_group(group: str) -> None:
    if not group:
        raise InvalidDocumentNumber(_FORMAT_MESSAGE, "invalid")
    upper = sum(ch.isupper() for ch in group)
    lower = sum(ch.islower() for ch in group)
    # Mixed-case codes (QyĐ, CTr, TTg) have more capitals than small letters; "ubbc" or
    # "Ubbc" is a symbol typed without caps lock.
    if lower > upper and _GROUP.fullmatch(group.upper()):
        raise InvalidDocumentNumber(_CAPITALS_MESSAGE, "capitals")
    if not _GROUP.fullmatch(group):
        raise InvalidDocumentNumber(_FORMAT_MESSAGE, "invalid")


def parse_document_number(text: str) -> DocumentNumber:
    """Parse a reference number such as "34/UBBC-TCTTT", "08/KH-UBBC" or "42/2022/NĐ-CP".

    The text goes through ``normalize_document_number`` first. The symbol is read by
    position, because type codes clash with agency abbreviations: when its first group is
    a known type code (``DOCUMENT_TYPES`` or ``COPY_TYPES``) it is the type, the second
    the issuer and any further groups the unit; otherwise the document is a công văn and
    the groups are issuer, then unit.

    Raises ``InvalidDocumentNumber`` for anything else, including party-style references
    such as "36-HD/VPTW", with a translatable message saying what is expected.
    """
    raw = normalize_document_number(text)
    if not raw:
        raise InvalidDocumentNumber(_FORMAT_MESSAGE, "invalid")
    if any(ch.isspace() for ch in raw):
        raise InvalidDocumentNumber(_SPACES_MESSAGE, "spaces")

    parts = raw.split("/")
    if len(parts) not in (2, 3):
        raise InvalidDocumentNumber(_FORMAT_MESSAGE, "invalid")
    number_text, symbol = parts[0], parts[-1]

    if not _DIGITS.fullmatch(number_text):
        raise InvalidDocumentNumber(_FORMAT_MESSAGE, "invalid")
    number = int(number_text)
    if number == 0 or len(number_text) > _MAX_NUMBER_DIGITS:
        raise InvalidDocumentNumber(_NUMBER_MESSAGE, "number")

    year: int | None = None
    if len(parts) == 3:
        if not _DIGITS.fullmatch(parts[1]):
            raise InvalidDocumentNumber(_FORMAT_MESSAGE, "invalid")
        if not _YEAR.fullmatch(parts[1]) or not MIN_YEAR <= int(parts[1]) <= MAX_YEAR:
            raise InvalidDocumentNumber(_YEAR_MESSAGE, "year")
        year = int(parts[1])

    groups = symbol.split("-")
    for group in groups:
        _check_group(group)
    legislature = _LEGISLATURE.fullmatch(symbol) if year is not None else None
    if legislature is not None:
        # A law or resolution of the National Assembly (or an ordinance of its Standing
        # Committee): the body and its term, nothing more.
        return DocumentNumber(
            raw=raw,
            number=number,
            number_text=number_text,
            year=year,
            type_code=None,
            issuer_code=symbol,
            unit_code=None,
            possible_types=LEGISLATURE_TYPES[legislature.group(1)],
        )
    if len(groups) < 2:
        raise InvalidDocumentNumber(_SYMBOL_MESSAGE, "symbol")

    if groups[0] in _KNOWN_TYPE_CODES:
        type_code: str | None = groups[0]
        issuer_code, unit_groups = groups[1], groups[2:]
    else:
        type_code = None
        issuer_code, unit_groups = groups[0], groups[1:]

    return DocumentNumber(
        raw=raw,
        number=number,
        number_text=number_text,
        year=year,
        type_code=type_code,
        issuer_code=issuer_code,
        unit_code="-".join(unit_groups) or None,
    )
