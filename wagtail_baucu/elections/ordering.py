"""Official order of candidates' names, a pure function: no models, no database.

The official list of a unit is ordered "theo vần chữ cái A, B, C": by the given name (the last
word), then the rest of the name, in Vietnamese alphabetical order. Databases cannot do it (the
collations of SQLite and PostgreSQL differ from each other and from this), so the package sorts
in Python with :func:`name_sort_key`.

Letters come first: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f, j, w and z
of foreign names in their Latin places). Tones only decide between words of the same letters,
in the order level, huyền, hỏi, ngã, sắc, nặng. Input may be NFC or NFD, any case.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TypeVar

__all__ = ["ALPHABET", "TONES", "name_sort_key", "sort_names", "split_name"]

T = TypeVar("T")

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Combining marks of the tones, in the order of the official list; no mark is the level tone.
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
# Marks that make another letter (ă â ê ô ơ ư) rather than a tone.
_LETTER_MARKS = frozenset("\u0306\u0302\u031b")
_TONE_RANK = {mark: rank for rank, mark in enumerate(TONES)}
_LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}
# Eth looks like đ and turns up in converted text, as in ``text.folding``.
_SAME_LETTER = {"ð": "đ"}


def _word_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    letters: list[int] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFC", word.casefold()):
        char = _SAME_LETTER.get(char, char)
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        tone = 0
        for mark in marks:
            if mark in _LETTER_MARKS:
                base += mark
            elif mark in _TONE_RANK:
                tone = _TONE_RANK[mark]
        letter = unicodedata.normalize("NFC", base)
        # Letters outside the alphabet (digits, other scripts) sort after it, by code point.
        letters.append(_LETTER_RANK.get(letter, len(ALPHABET) + ord(letter[0])))
        tones.append(tone)
    # Letters decide first, then tones, then the exact spelling, so the order is total.
    return tuple(letters), tuple(tones), unicodedata.normalize("NFC", word)


def split_name(full_name: str) -> tuple[str, list[str]]:
    """The given name (last word) and the words before it: "Nguyễn Văn An" -> ("An", [...])."""
    words = unicodedata.normalize("NFC", full_name).split()
    if not words:
        return "", []
    return words[-1], words[:-1]


def name_sort_key(full_name: str) -> tuple:
    """Sort key of a full name in the official order: given name, then the rest, word by word."""
    given, rest = split_name(full_name)
    return (_word_key(given), tuple(_word_key(word) for word in rest))


def sort_names(items: Iterable[T], name=lambda item: item) -> list[T]:
    """``items`` in the official order of ``name(item)`` (the items themselves by default)."""
    return sorted(items, key=lambda item: name_sort_key(name(item)))
