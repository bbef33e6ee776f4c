"""The examples in docs/api.md are real responses to the test content, and stay so.

Regenerate them after a change with ``BAUCU_WRITE_API_DOCS=1 pytest tests/api/test_docs.py``.
"""

import json
import os
import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = [
    pytest.mark.django_db,
    # A custom base page has other meta fields (no ``seo_title``, ...) than the documented pages.
    pytest.mark.skipif(
        getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page") != "wagtailcore.Page",
        reason="the examples show the package's pages on Wagtail's default page",
    ),
]

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
EXAMPLE = re.compile(
    r"(<!-- api-example: (?P<key>[\w-]+) -->\n)(?P<body>.*?)(<!-- /api-example -->)", re.S
)


def example_paths(demo) -> dict[str, str]:
    return {
        "news-list": "/api/v2/news/?order=published_at&limit=2",
        "news-detail": f"/api/v2/news/{demo.articles['first'].pk}/",
        "news-search": "/api/v2/news/?search=huong+dan+cu+tri&fields=_,title,published_at",
        "directives-filtered": (
            "/api/v2/directives/?issuer=UBBC&year=2021&order=issue_date"
            "&fields=_,document_number,number_parts,issue_date,file"
        ),
        "directive-detail": f"/api/v2/directives/{demo.documents['42'].pk}/",
        "agencies": "/api/v2/agencies/?kind=election_committee",
        "pages-tree": "/api/v2/pages/?child_of=root&fields=-first_published_at",
        "error": "/api/v2/news/?published_from=hom-qua",
    }


def render_example(client, path: str) -> str:
    response = client.get(path)
    body = json.dumps(response.json(), ensure_ascii=False, indent=2)
    status = f"HTTP/1.1 {response.status_code} {response.reason_phrase}"
    return f"```http\nGET {path}\n```\n\n```json\n// {status}\n{body}\n```\n"


# What changes from one run to the next: ids, stored file names, block ids, app labels.
VOLATILE = [
    (re.compile(r'"id": \d+'), '"id": 0'),
    (re.compile(r'"id": "[0-9a-f-]{36}"'), '"id": "uuid"'),
    (re.compile(r"/(pages|news|directives|agencies|images|documents|p)/\d+/"), r"/\1/0/"),
    (re.compile(r"(/api/v2/\w+/)\d+/"), r"\g<1>0/"),
    (re.compile(r"_[A-Za-z0-9]{7}(?=\.)"), ""),
    (re.compile(r'"type": "\w+\.'), '"type": "app.'),
]


def canonical(text: str) -> str:
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def test_docs_examples_are_real_responses(demo, client):
    text = DOC.read_text(encoding="utf-8")
    paths = example_paths(demo)
    found = {m.group("key"): m.group("body") for m in EXAMPLE.finditer(text)}
    assert set(found) == set(paths)
    rendered = {key: render_example(client, path) for key, path in paths.items()}
    if os.environ.get("BAUCU_WRITE_API_DOCS") == "1":
        text = EXAMPLE.sub(lambda m: m.group(1) + rendered[m.group("key")] + m.group(4), text)
        DOC.write_text(text, encoding="utf-8")
        return
    for key, body in found.items():
        assert canonical(body) == canonical(rendered[key]), key
