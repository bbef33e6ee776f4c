"""The catalogues use the glossary's Vietnamese term wherever the English has its term."""

import re
from pathlib import Path

import polib
import pytest

import wagtail_baucu

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(wagtail_baucu.__file__).resolve().parent
CATALOGUES = {
    "package": PACKAGE / "locale" / "vi" / "LC_MESSAGES" / "django.po",
    "admin": PACKAGE / "admin_locale" / "locale" / "vi" / "LC_MESSAGES" / "django.po",
    "admin-js": PACKAGE / "admin_locale" / "locale" / "vi" / "LC_MESSAGES" / "djangojs.po",
}
# msgid → why the glossary's term does not apply there.
EXCEPTIONS = {
    "search must not contain control characters": "search is the API parameter's name",
    "search cannot be longer than %(max)d characters": "search is the API parameter's name",
    "search must contain at least one word": "search is the API parameter's name",
    "document": "the block attaching a file from Wagtail's library: tài liệu, as in the admin",
    "Document": "the block attaching a file from Wagtail's library: tài liệu, as in the admin",
}


# Placeholders and tags are not words of the text: "%(task)s" names no task.
MARKUP = re.compile(r"%\([^)]*\)[a-z]|\{[a-z_0-9]*\}|<[^>]*>")


def glossary() -> list[tuple[str, str, str]]:
    """``(english, vietnamese, scope)`` rows of the table in docs/glossary.md."""
    rows = []
    for line in (ROOT / "docs" / "glossary.md").read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[2] in {"admin", "package", "both"}:
            rows.append((cells[0], cells[1], cells[2]))
    return rows


def terms_for(scope: str) -> list[tuple[str, str]]:
    # Longest first, so "submit for moderation" claims its words before "moderation" does.
    wanted = {"package": {"package", "both"}, "admin": {"admin", "both"}}[scope]
    rows = [(en, vi) for en, vi, where in glossary() if where in wanted]
    return sorted(rows, key=lambda row: -len(row[0]))


def word(term: str) -> re.Pattern:
    return re.compile(r"\b" + re.escape(term) + r"(?:s|es|d|ed|ing)?\b", re.IGNORECASE)


def mismatches(path: Path, terms: list[tuple[str, str]]) -> list[str]:
    found = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete or not entry.msgid or entry.msgid in EXCEPTIONS:
            continue
        english = MARKUP.sub(" ", " ".join(filter(None, [entry.msgid, entry.msgid_plural])))
        vietnamese = " ".join([entry.msgstr, *entry.msgstr_plural.values()]).lower()
        for en, vi in terms:
            pattern = word(en)
            if pattern.search(english):
                english = pattern.sub(" ", english)
                if not any(option.lower() in vietnamese for option in vi.split(" / ")):
                    found.append(f"{entry.msgid!r}: {en} → {vi}")
    return found


def test_the_glossary_has_the_terms_editors_meet():
    english = {en for en, _, _ in glossary()}
    for term in ("page", "draft", "publish", "submit for moderation", "approve", "reject"):
        assert term in english
    for term in ("collection", "workflow", "task", "image", "document"):
        assert term in english


def test_the_term_matcher_takes_words_and_longest_terms_first(tmp_path):
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Unpublish the page", msgstr="Thu hồi xuất bản trang"))
    po.append(polib.POEntry(msgid="Submitted for moderation", msgstr="Đã gửi duyệt"))
    po.append(polib.POEntry(msgid="Two images", msgstr="Hai tấm hình"))
    po.save(str(tmp_path / "sample.po"))
    assert mismatches(tmp_path / "sample.po", terms_for("admin")) == ["'Two images': image → ảnh"]


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_entry_uses_the_glossary_terms(name):
    scope = "package" if name == "package" else "admin"
    assert mismatches(CATALOGUES[name], terms_for(scope)) == []
