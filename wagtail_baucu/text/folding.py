"""Folding for search without diacritics: "Bầu cử Đại biểu" and "bau cu dai bieu" match.

SQLite's full-text search cannot fold "đ" and PostgreSQL needs the ``unaccent`` extension,
so the package stores a folded copy of searchable text and folds queries the same way.
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "MAX_QUERY_LENGTH",
    "MAX_QUERY_TERMS",
    "QueryOutOfBounds",
    "bounded_query",
    "clean_query",
    "fold",
    "query_terms",
]

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 10

# "đ" has no decomposition. "Ð"/"ð" (eth, U+00D0/U+00F0) look the same as "Đ"/"đ" and
# turn up in pasted or converted text, so they fold the same way.
_D_STROKE = str.maketrans({"đ": "d", "ð": "d"})

_NONCHARACTERS = frozenset({"\ufffe", "\uffff"})


def _is_control(ch: str) -> bool:
    # Cc covers U+0000-U+001F, U+007F and the C1 range; Cs the lone surrogates that
    # survive decoding with "surrogateescape" and that databases refuse.
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in _NONCHARACTERS


def _without_controls(text: str) -> str:
    # Tabs and newlines separate words: they become spaces, other controls go.
    return "".join(" " if ch.isspace() else "" if _is_control(ch) else ch for ch in text)


def _collapse_spaces(text: str) -> str:
    return " ".join(text.split())


def fold(text: str) -> str:
    """Return ``text`` folded for matching: "Bầu cử Đại biểu" -> "bau cu dai bieu".

    Lowercases (``casefold``), strips every diacritic, maps "đ" to "d", removes control
    and invisible format characters (zero-width spaces, soft hyphens), and collapses
    whitespace to single spaces. Punctuation is kept, so "34/UBBC-TCTTT" gives
    "34/ubbc-tcttt". Compatibility forms are unified too (full-width "ＨĐＮＤ" gives
    "hdnd"). Letters of non-Latin scripts are kept, without their marks.
    """
    # NFKD before and after casefold: casefold can produce letters with marks ("İ" -> "i̇").
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    text = "".join(
        ch for ch in text if unicodedata.category(ch) not in ("Mn", "Me", "Cf")
    ).translate(_D_STROKE)
    # Recompose what remains (Hangul syllables, for instance) so stored text stays compact.
    return _collapse_spaces(_without_controls(unicodedata.normalize("NFC", text)))


def clean_query(raw: str | None) -> str:
    """Return a search query safe to store, log and pass to a database backend.

    Removes control characters (U+0000-U+001F, U+007F, C1 controls, U+FFFE, U+FFFF and lone
    surrogates), turns tabs and newlines into spaces, collapses whitespace, trims, and cuts
    the result to ``MAX_QUERY_LENGTH`` characters. Diacritics and case are kept for display;
    ``None`` gives "". Never raises for a ``str``.
    """
    if not raw:
        return ""
    text = _collapse_spaces(_without_controls(raw))
    # NFC so that "ầ" typed as "a" + two combining marks counts as one character.
    text = unicodedata.normalize("NFC", text)
    return text[:MAX_QUERY_LENGTH].rstrip()


def _strip_edge_punctuation(term: str) -> str:
    # "cử," or "(HĐND)" should match "cử" and "HĐND"; "/" and "-" inside a term are kept.
    start, end = 0, len(term)
    while start < end and not term[start].isalnum():
        start += 1
    while end > start and not term[end - 1].isalnum():
        end -= 1
    return term[start:end]


def _distinct_terms(text: str, limit: int | None) -> list[str]:
    terms: list[str] = []
    for word in fold(text).split():
        term = _strip_edge_punctuation(word)
        if term and term not in terms:
            terms.append(term)
            if len(terms) == limit:
                break
    return terms


def query_terms(raw: str | None) -> list[str]:
    """Return the folded, distinct terms of a query, in order, at most ``MAX_QUERY_TERMS``.

    "Bầu cử, HĐND bầu cử" gives ["bau", "cu", "hdnd"]. Punctuation is stripped from the
    ends of each term but kept inside it, so "34/UBBC-TCTTT." gives ["34/ubbc-tcttt"].
    """
    return _distinct_terms(clean_query(raw), MAX_QUERY_TERMS)


class QueryOutOfBounds(ValueError):
    """A search longer than ``MAX_QUERY_LENGTH`` characters (``bound == "length"``) or with more
    than ``MAX_QUERY_TERMS`` distinct words (``bound == "terms"``); ``limit`` is the bound."""

    def __init__(self, bound: str, limit: int):
        super().__init__(f"{bound} > {limit}")
        self.bound, self.limit = bound, limit


def bounded_query(raw: str | None) -> str:
    """``clean_query(raw)``, or ``QueryOutOfBounds`` when the text is past the bounds.

    Checked before any query is made: a search is never silently cut. The length counts the
    characters left once controls go and spaces collapse (NFC, so a letter with its marks is
    one); the words are counted folded and distinct, as ``query_terms`` gives them.
    """
    if not raw:
        return ""
    text = unicodedata.normalize("NFC", _collapse_spaces(_without_controls(raw)))
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryOutOfBounds("length", MAX_QUERY_LENGTH)
    if len(_distinct_terms(text, MAX_QUERY_TERMS + 1)) > MAX_QUERY_TERMS:
        raise QueryOutOfBounds("terms", MAX_QUERY_TERMS)
    return text
