"""Every bad parameter is a 400 with a JSON message; no input gives a 5xx."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

API = "/api/v2/"

BAD_REQUESTS = [
    # Unknown parameters and fields.
    "news/?colour=red",
    "news/?fields=colour",
    "news/?fields=title(id)",
    "news/?fields=,,",
    "agencies/?fields=page(",
    "pages/?type=baucu_pages.Nothing",
    "pages/?type=wagtailimages.Image",
    "news/?type=baucu_pages.NewsArticlePage",
    "pages/?body=x",
    # Limits and offsets.
    "news/?limit=-1",
    "news/?limit=101",
    "news/?limit=99999999999999999999999",
    "news/?limit=1.5",
    "news/?limit=",
    "news/?offset=-3",
    "news/?offset=99999999999999999999",
    "images/?limit=1000",
    # Dates, years and ranges.
    "news/?published_from=yesterday",
    "news/?published_from=2021-02-30",
    "news/?published_to=2021-13-01",
    "news/?published_from=9999-12-31",
    "news/?published_from=2021-05-22&published_to=2021-05-20",
    "news/?published_from=2021-05-20T08:00:00 07:00",
    "news/?year=21",
    "news/?year=0000",
    "news/?year=3000",
    "directives/?issued_from=2021-1-1",
    "directives/?year=two",
    # Unknown filter values.
    "news/?agency=NOPE",
    "news/?agency=ủy ban",
    "news/?category=khong-co",
    "directives/?document_type=XX",
    "directives/?issuer=NOBODY",
    "directives/?level=galactic",
    "agencies/?kind=club",
    # Filters that do not apply.
    "news/?level=city",
    "pages/?agency=UBBC",
    "agencies/?agency=UBBC",
    "images/?level=city",
    # Malformed search.
    "news/?search=%00",
    "pages/?search=bau%00cu",
    "directives/?search=%01%02",
    "news/?search=" + "a" * 201,
    "news/?search=!!!",
    "images/?search=%00",
    "documents/?search=%7F",
    # Ordering.
    "news/?order=colour",
    "news/?order=random",
    "news/?order=-",
    "agencies/?order=title",
    # Field filters with bad values.
    "pages/?id=abc",
    "pages/?id=99999999999999999999999",
    "pages/?show_in_menus=maybe",
    "pages/?slug=a%00b",
    "directives/?issue_date=soon",
    "news/?lead_image=x",
    # Tree filters.
    "pages/?child_of=-1",
    "pages/?child_of=99999999999999999999999",
    "pages/?descendant_of=abc",
    "pages/?ancestor_of=root",
    "pages/?child_of=999999",
    # Rich text format.
    "pages/?rich_text_format=pdf",
    # Find.
    "pages/find/?id=abc",
    "pages/find/?html_path=/a%00b/",
    "agencies/find/?id=-1",
]


def test_bad_parameters_are_400_with_a_message(demo, get_json):
    wrong = []
    for path in BAD_REQUESTS:
        status, data = get_json(API + path)
        if status != 400 or not isinstance(data.get("message"), str) or not data["message"]:
            wrong.append((path, status, data))
    assert wrong == []


def test_a_detail_url_with_bad_parameters_is_400(demo, get_json):
    page = demo.tree.news_index
    for query in ["fields=colour", "colour=1", "rich_text_format=x"]:
        status, data = get_json(API + f"pages/{page.pk}/?{query}")
        assert status == 400, query
        assert data["message"]


def test_unknown_ids_are_404_with_a_message(demo, get_json):
    for endpoint in ["pages", "news", "directives", "agencies", "images", "documents"]:
        status, data = get_json(API + f"{endpoint}/999999/")
        assert status == 404
        assert data["message"]


ENDPOINTS = ["pages/", "news/", "directives/", "agencies/", "images/", "documents/", "pages/find/"]
PARAMETERS = [
    "limit",
    "offset",
    "fields",
    "order",
    "search",
    "type",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "agency",
    "category",
    "document_type",
    "issuer",
    "level",
    "year",
    "published_from",
    "published_to",
    "issued_from",
    "issued_to",
    "kind",
    "slug",
    "title",
    "id",
    "html_path",
    "show_in_menus",
    "issue_date",
    "document_number",
    "code",
    "rich_text_format",
    "format",
]
VALUES = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(["root", "*", "_", "-", "UBBC", "CV", "city", "2021", "tuyen-truyen", ""]),
    st.text(alphabet="\x00\x01\x7f\ud7ff\ufffd()*,-_ +", max_size=10),
)


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    endpoint=st.sampled_from(ENDPOINTS),
    query=st.lists(st.tuples(st.sampled_from(PARAMETERS), VALUES), max_size=4),
)
def test_no_query_gives_a_server_error(demo, client, endpoint, query):
    url = API + endpoint + "?" + urlencode(query)
    response = client.get(url)
    assert response.status_code < 500, url
    if response.status_code in (400, 404):
        assert response.json()["message"]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    endpoint=st.sampled_from(["pages", "news", "directives", "agencies", "images", "documents"]),
    pk=st.integers(min_value=0, max_value=2**70),
)
def test_no_id_gives_a_server_error(demo, client, endpoint, pk):
    response = client.get(API + f"{endpoint}/{pk}/")
    assert response.status_code in (200, 404)


def test_other_methods_are_refused_without_a_server_error(demo, client):
    page = demo.articles["first"]
    for path in ["news/", f"news/{page.pk}/", "agencies/", f"pages/find/?id={page.pk}"]:
        for method in ["post", "put", "patch", "delete"]:
            response = getattr(client, method)(API + path)
            assert response.status_code == 405, (method, path)
        assert client.head(API + path).status_code in (200, 302)
        assert client.options(API + path).status_code == 200
