"""The number of SQL queries of a listing does not grow with ``limit``."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.factories import local

pytestmark = pytest.mark.django_db

API = "/api/v2/"


@pytest.fixture
def many(demo):
    """Twelve more articles and documents, each with an image, a file, categories and links."""
    tree = demo.tree
    for day in range(1, 13):
        image = factories.make_image(f"Ảnh {day}", color="blue")
        file = factories.make_file(f"Công văn {day}/UBBC-VP")
        document = tree.document(
            f"{day}/UBBC-VP", issuer=demo.agencies["UBBC"], file=file, level="district"
        )
        article = tree.article(
            f"Tin số {day}",
            agency=demo.agencies["UBBC"] if day % 2 else demo.agencies["STTTT"],
            in_agency_space=bool(day % 2),
            categories=list(demo.categories.values())[: day % 3],
            lead_image=image,
            body=[
                (
                    "paragraph",
                    f'<p>Xem <a linktype="page" id="{document.pk}">văn bản</a> và '
                    f'<a linktype="document" id="{file.pk}">tệp</a>.</p>',
                ),
                ("image", {"image": image, "caption": f"Ảnh {day}", "alt_text": ""}),
                ("document", {"document": file, "title": ""}),
            ],
            when=local(2021, 4, day, 8, 0),
        )
        article.related_documents.set([document])
        factories.publish(article, when=local(2021, 4, day, 8, 0))
    return demo


LISTINGS = [
    "pages/",
    "pages/?fields=*",
    "news/",
    "news/?fields=*",
    "news/?fields=*&search=tin&agency=UBBC",
    "directives/?fields=*",
    "agencies/?fields=*",
    "images/?fields=*",
    "documents/?fields=*",
]


def test_listing_queries_do_not_grow_with_limit(many, client):
    counts = {}
    for listing in LISTINGS:
        joiner = "&" if "?" in listing else "?"
        # The first request makes the image renditions; later ones only read them.
        assert client.get(API + listing + joiner + "limit=100").status_code == 200
        # Both pages of results hold items with and without images, agencies and links.
        measured = []
        for limit in (5, 15):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(API + listing + joiner + f"limit={limit}")
            assert response.status_code == 200
            assert len(response.json()["items"]) == min(
                limit, response.json()["meta"]["total_count"]
            )
            measured.append(len(queries.captured_queries))
        counts[listing] = measured
    assert {listing: a for listing, (a, _b) in counts.items()} == {
        listing: b for listing, (_a, b) in counts.items()
    }, counts
