"""Nothing unpublished, private, expired, not yet live or of another site is listed or fetched."""

import pytest

pytestmark = pytest.mark.django_db

API = "/api/v2/"
HIDDEN = [
    "draft",
    "draft_document",
    "private",
    "expired",
    "future",
    "private_space",
    "under_private_parent",
    "unpublished",
    "other_site",
]


def listed_ids(get_json, url: str) -> set[int]:
    status, data = get_json(url + ("&" if "?" in url else "?") + "limit=100")
    assert status == 200, data
    assert data["meta"]["total_count"] == len(data["items"])
    return {item["id"] for item in data["items"]}


def test_hidden_pages_are_never_listed(demo, get_json):
    hidden = {demo.hidden[name].pk for name in HIDDEN}
    for url in [
        API + "pages/",
        API + "news/",
        API + "directives/",
        API + "news/?search=tin",
        API + "pages/?search=tin",
        API + f"pages/?descendant_of={demo.tree.portal.pk}",
        API + f"pages/?child_of={demo.tree.news_index.pk}",
    ]:
        ids = listed_ids(get_json, url)
        assert ids, url
        assert not ids & hidden, url


def test_hidden_pages_are_not_found_by_id(demo, get_json, client):
    for name in HIDDEN:
        page = demo.hidden[name]
        for endpoint in ["pages", "news", "directives"]:
            status, data = get_json(API + f"{endpoint}/{page.pk}/")
            assert status == 404, (name, endpoint)
            assert "message" in data
            response = client.get(API + f"{endpoint}/find/?id={page.pk}")
            assert response.status_code == 404, (name, endpoint)
        _site_id, _root, path = page.get_url_parts()
        response = client.get(API + f"pages/find/?html_path={path}")
        assert response.status_code == 404, name


def test_hidden_pages_do_not_show_through_related_content(demo, get_json):
    first = demo.articles["first"]
    first.related_documents.add(demo.hidden["draft_document"])
    first.save_revision().publish()
    status, data = get_json(API + f"news/{first.pk}/?fields=related_documents")
    assert [d["document_number"] for d in data["related_documents"]] == [
        "34/UBBC-TCTTT",
        "08/KH-UBBC",
    ]
    status, data = get_json(API + "news/?fields=related_documents")
    for item in data["items"]:
        assert "99/UBBC-VP" not in [d["document_number"] for d in item["related_documents"]]
    # A parent that is not public is not shown as the parent.
    page = demo.hidden["under_private_parent"]
    status, _ = get_json(API + f"pages/?ancestor_of={page.pk}")
    assert status == 400


def test_a_page_becomes_invisible_when_unpublished(demo, get_json):
    article = demo.articles["ready"]
    assert article.pk in listed_ids(get_json, API + "news/")
    article.unpublish()
    assert article.pk not in listed_ids(get_json, API + "news/")
    status, _ = get_json(API + f"pages/{article.pk}/")
    assert status == 404


def test_the_other_site_sees_its_own_pages(demo, get_json):
    other = demo.hidden["other_site"]
    status, data = get_json(API + "news/", HTTP_HOST="khac.example")
    assert status == 200
    assert [item["id"] for item in data["items"]] == [other.pk]
    assert data["items"][0]["meta"]["html_url"].startswith("http://khac.example/")
