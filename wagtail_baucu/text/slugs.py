"""ASCII slugs for Vietnamese titles.

Django's ``slugify`` drops "đ" and Wagtail's admin JavaScript turns it into "dj", so slugs
for Vietnamese text are made here, on the server.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

__all__ = ["vietnamese_slugify"]

# "đ" is a letter of its own, not "d" plus a mark, so no Unicode decomposition reaches "d".
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})

# Emoji and other pictographs would become words like ":grinning:" through anyascii;
# invisible format and control characters have no place in a URL either.
_DROPPED_CATEGORIES = frozenset({"So", "Sk", "Cc", "Cf", "Cs", "Co", "Cn"})

_NON_ALNUM_RUN = re.compile(r"[^a-z0-9]+")


def vietnamese_slugify(text: str, max_length: int = 255) -> str:
    """Return an ASCII slug for ``text``: "Bầu cử đại biểu Quốc hội" -> "bau-cu-dai-bieu-quoc-hoi".

    Diacritics are stripped, "đ"/"Đ" become "d", the result is lowercased and every run of
    characters other than ``a-z0-9`` becomes a single "-". A slug longer than ``max_length``
    is cut at the last "-" that fits (or mid-word when a single word is too long) and never
    ends with "-". Text with no letters or digits gives "".

    Raises ``ValueError`` if ``max_length`` is less than 1.
    """
    if max_length < 1:
        raise ValueError("max_length must be at least 1")
    text = unicodedata.normalize("NFC", text).translate(_D_STROKE)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in _DROPPED_CATEGORIES)
    # anyascii also romanises other scripts, so a title in Chinese still gets a readable slug.
    slug = _NON_ALNUM_RUN.sub("-", anyascii(text).lower()).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    if slug[max_length] != "-":
        boundary = cut.rfind("-")
        if boundary > 0:
            cut = cut[:boundary]
    return cut.rstrip("-")
