"""Hostile query strings, path segments and headers on every public view: never a 5xx.

The views: the portal, its indexes and their filters, the search page, an agency's page, the
press page, an article and its print view, QR codes and short links, every feed and its monthly
archives, the sitemap, a file's download URL and an image's original, and every list and detail
of the API (``/api/v2/``). Bounded so the whole module runs in well under a minute.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories
from wagtail_baucu.files import original_image_url

pytestmark = pytest.mark.django_db

NASTY = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["²", "٣٠٠", "１２０", "\x00", "9" * 5000, "a" * 5000, "-1", "1e9", "%00", "ầ" * 300]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(alphabet="\x00\x01\x7f\ud7ff\ufffd\u0301()*,-_ +/", max_size=10),
)
PARAMS = [
    # The HTML pages' own.
    *["page", "size", "q", "agency", "category", "type", "issuer", "level", "year", "v"],
    # The API's.
    *["limit", "offset", "fields", "order", "search", "child_of", "descendant_of", "slug"],
    *["document_type", "published_from", "issued_to", "kind", "html_path", "format", "id"],
]
HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_IF_NONE_MATCH": st.sampled_from(['"', "W/", "*, x", '"a" "b"', "\x00", "é" * 300]),
        "HTTP_IF_MODIFIED_SINCE": st.sampled_from(
            ["yesterday", "Mon, 99 Foo 9999", "\x00", "", "Sun, 06 Nov 1994 08:49:37 GMT" * 50]
        ),
        "HTTP_ACCEPT": st.sampled_from(["*/*;q=x", "text/html;;;", "\x00", "a" * 5000, ";,;"]),
        "HTTP_ACCEPT_LANGUAGE": st.sampled_from(["vi;q=x", "\x00", "zz-" * 2000]),
    },
)
# A query string: parameters, some repeated, with hostile values.
QUERY = st.lists(st.tuples(st.sampled_from(PARAMS), NASTY), max_size=4).flatmap(
    lambda pairs: st.sampled_from([pairs, pairs + pairs])
)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
API_ENDPOINTS = ["pages", "news", "directives", "agencies", "images", "documents"]


@pytest.fixture
def world(site_tree, agencies):
    image, document = factories.make_image(), factories.make_file()
    agency = agencies["UBBC"]
    site_tree.agency_page(agency)
    article = site_tree.article(
        agency=agency, lead_image=image, categories=[factories.make_category()]
    )
    directive = site_tree.document(issuer=agency, file=document)
    site_tree.paths = public_paths(site_tree, article, directive, image, document)
    return site_tree


def public_paths(tree, article, directive, image, document) -> list[str]:
    base = article.get_url_parts()[2]
    month = article.first_published_at.strftime("%Y-%m")
    api = [f"/api/v2/{endpoint}/" for endpoint in API_ENDPOINTS]
    details = [
        f"/api/v2/pages/{article.pk}/",
        f"/api/v2/news/{article.pk}/",
        f"/api/v2/directives/{directive.pk}/",
        f"/api/v2/agencies/{article.agency_id}/",
        f"/api/v2/images/{image.pk}/",
        f"/api/v2/documents/{document.pk}/",
        "/api/v2/pages/find/?html_path=/",
    ]
    return [
        "/",
        "/tin-tuc/",
        "/tin-tuc/chuyen-muc/tuyen-truyen/",
        "/van-ban-chi-dao/",
        "/van-ban-chi-dao/loai/cv/",
        "/tim-kiem/",
        "/co-quan/",
        "/co-quan/ubbc/",
        "/nguon-tin-bao-chi/",
        "/feed/rss/",
        "/tin-tuc/feed/atom/",
        "/co-quan/ubbc/feed/json/",
        "/van-ban-chi-dao/loai/cv/feed/json/",
        f"/feed/rss/archive/{month}/",
        f"/tin-tuc/feed/atom/archive/{month}/",
        f"/van-ban-chi-dao/feed/json/archive/{month}/",
        base,
        base + "print/",
        base + "qr.svg",
        base + "qr.png",
        f"/p/{article.pk}/",
        "/sitemap.xml",
        document.url,
        original_image_url(image),
        *api,
        *details,
    ]


@FUZZ
@given(index=st.integers(min_value=0, max_value=10**6), query=QUERY, headers=HEADERS)
def test_no_query_or_header_gives_a_server_error(world, client, index, query, headers):
    cache.clear()
    path = world.paths[index % len(world.paths)]
    response = client.get(path, query, **headers)
    assert response.status_code < 500, (path, query, headers)


def test_every_fuzzed_path_answers_as_usual(world, client):
    # The fuzz only means something if the paths it starts from are the real ones.
    for path in world.paths:
        assert client.get(path).status_code in (200, 301, 302), path


SEGMENT_TEMPLATES = [
    "/tin-tuc/{}/",
    "/tin-tuc/chuyen-muc/{}/",
    "/tin-tuc/chuyen-muc/{}/feed/rss/",
    "/van-ban-chi-dao/loai/{}/",
    "/van-ban-chi-dao/loai/{}/feed/atom/archive/2021-03/",
    "/co-quan/{}/",
    "/co-quan/{}/feed/json/",
    "/feed/atom/archive/{}/",
    "/feed/{}/",
    "/tin-tuc/feed/rss/archive/{}/",
    "/{}/qr.svg",
    "/tin-tuc/{}/qr.png",
    "/p/{}/",
    "/documents/{}/van-ban.pdf",
    "/images/{}/anh.png",
    "/images/1/{}",
    "/api/v2/pages/{}/",
    "/api/v2/news/{}/",
    "/api/v2/directives/{}/",
    "/api/v2/agencies/{}/",
    "/api/v2/images/{}/",
    "/api/v2/documents/{}/",
    "/api/v2/{}/",
]


@settings(
    # Each example is one request per template.
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(segment=NASTY.filter(lambda s: "/" not in s and "?" not in s and "#" not in s))
def test_no_path_segment_gives_a_server_error(world, client, segment):
    for template in SEGMENT_TEMPLATES:
        path = template.format(segment)
        assert client.get(path).status_code < 500, path


@pytest.mark.django_db
def test_an_id_longer_than_python_converts_is_not_found(client):
    # Wagtail's document serve view hands any run of digits to the ORM, and int() refuses more
    # than 4,300 of them: a ValueError, a 500 before the package turned it into a 404.
    response = client.get("/documents/" + "9" * 5000 + "/van-ban.pdf")
    assert response.status_code == 404
