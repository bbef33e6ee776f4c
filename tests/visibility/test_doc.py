"""``docs/visibility.md`` shows the matrix the tests check, cell for cell."""

from pathlib import Path

from tests.visibility.elections import ELECTION_MATRIX, ELECTION_SURFACES
from tests.visibility.matrix import MATRIX, SURFACES

DOC = Path(__file__).resolve().parents[2] / "docs" / "visibility.md"


def cells(line: str) -> list[str]:
    return [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]


def documented_matrix(first: str = "State") -> tuple[list[str], dict]:
    """The table of the document whose first column is headed ``first``."""
    tables: list[list[list[str]]] = []
    previous = ""
    for line in DOC.read_text().splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(cells(line))
        previous = line
    (rows,) = [table for table in tables if table[0][0] == first]
    header, _rule, *body = rows
    return header[1:], {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in body}


def test_the_document_shows_the_tested_matrix():
    surfaces, matrix = documented_matrix()
    assert surfaces == SURFACES
    assert list(matrix) == list(MATRIX)
    assert matrix == MATRIX


def test_the_document_shows_the_tested_election_matrix():
    surfaces, matrix = documented_matrix("Candidate state")
    assert surfaces == ELECTION_SURFACES
    assert matrix == ELECTION_MATRIX
