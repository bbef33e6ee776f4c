"""``docs/visibility.md`` shows the matrix the tests check, cell for cell."""

from pathlib import Path

from tests.visibility.matrix import MATRIX, SURFACES

DOC = Path(__file__).resolve().parents[2] / "docs" / "visibility.md"


def cells(line: str) -> list[str]:
    return [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]


def documented_matrix() -> tuple[list[str], dict]:
    rows = [cells(line) for line in DOC.read_text().splitlines() if line.startswith("|")]
    header, _rule, *body = rows
    assert header[0] == "State"
    return header[1:], {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in body}


def test_the_document_shows_the_tested_matrix():
    surfaces, matrix = documented_matrix()
    assert surfaces == SURFACES
    assert list(matrix) == list(MATRIX)
    assert matrix == MATRIX
