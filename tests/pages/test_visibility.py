"""Nothing that is not public shows anywhere: lists, search, "other news", sitemap, URLs."""

from datetime import timedelta

import lxml.etree
import pytest
from django.utils import timezone

from tests.factories import expire, make_category, publish, restrict, schedule
from tests.pages.conftest import numbers_listed, texts, titles_listed

pytestmark = pytest.mark.django_db

LOGIN_REDIRECT = 302
HIDDEN_TITLE = "Tin mật về hòm phiếu"
HIDDEN_NUMBER = "99/UBBC-MAT"


def hide_page(kind: str, make, space=None):
    """Make a page with ``make(live=...)`` and hide it the way ``kind`` says.

    Returns the page and the status its URL answers to a visitor.
    """
    now = timezone.now()
    if kind == "draft":
        return make(live=False), 404
    if kind == "scheduled":
        return schedule(make(live=False), now + timedelta(days=1)), 404
    page = make(live=True)
    if kind == "private":
        restrict(page)
        return page, LOGIN_REDIRECT
    if kind == "private parent":
        restrict(space)
        return page, LOGIN_REDIRECT
    if kind == "expired":
        return expire(page, now - timedelta(minutes=1)), 404
    if kind == "unpublished":
        page.unpublish()
        return page, 404
    raise ValueError(kind)


ARTICLE_KINDS = ["draft", "private", "private parent", "scheduled", "expired", "unpublished"]
DOCUMENT_KINDS = ["draft", "private", "scheduled", "expired", "unpublished"]


def sitemap_locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = lxml.etree.fromstring(response.content)
    return tree.xpath(
        "//s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    )


@pytest.mark.parametrize("kind", ARTICLE_KINDS)
def test_a_hidden_article_shows_nowhere(client, site_tree, agencies, kind):
    campaign = make_category("Tuyên truyền")
    agency = agencies["UBBC"]
    space = site_tree.agency_page(agency)
    reader = site_tree.article("Tin công khai về hòm phiếu", agency=agency, categories=[campaign])
    hidden, status = hide_page(
        kind,
        lambda live: site_tree.article(
            HIDDEN_TITLE, agency=agency, categories=[campaign], in_agency_space=True, live=live
        ),
        space=space,
    )

    lists = [site_tree.portal.url, site_tree.news_index.url]
    if kind != "private parent":
        lists.append(space.url)
    for url in lists:
        listed = titles_listed(client.get(url))
        assert HIDDEN_TITLE not in listed, url
        assert "Tin công khai về hòm phiếu" in listed, url
    search = client.get(site_tree.portal.url + "tim-kiem/", {"q": "hom phieu"})
    assert titles_listed(search) == ["Tin công khai về hòm phiếu"]
    assert hidden.pk not in [page.pk for page in reader.other_news()]
    other_news = texts(client.get(reader.url), "//aside[contains(@class, 'baucu-other-news')]//a")
    assert HIDDEN_TITLE not in other_news

    locations = sitemap_locations(client)
    assert reader.full_url in locations
    assert hidden.full_url not in locations

    path = hidden.get_url_parts()[2]
    assert client.get(path).status_code == status
    assert client.get(path + "print/").status_code == status


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_a_hidden_document_shows_nowhere(client, site_tree, agencies, kind):
    shown = site_tree.document("34/UBBC-TCTTT", issuer=agencies["UBBC"])
    hidden, status = hide_page(
        kind,
        lambda live: site_tree.document(HIDDEN_NUMBER, issuer=agencies["UBBC"], live=live),
    )
    reader = site_tree.article("Tin có văn bản kèm theo")
    reader.related_documents.set([shown, hidden])
    publish(reader)

    for url in [site_tree.portal.url, site_tree.document_index.url]:
        assert numbers_listed(client.get(url)) == ["34/UBBC-TCTTT"], url
    search = client.get(site_tree.portal.url + "tim-kiem/", {"q": "UBBC"})
    assert numbers_listed(search) == ["34/UBBC-TCTTT"]
    indexed = client.get(site_tree.document_index.url, {"q": "UBBC"})
    assert numbers_listed(indexed) == ["34/UBBC-TCTTT"]
    related = texts(client.get(reader.url), "//section[@aria-labelledby='baucu-related-docs']//a")
    assert related == ["34/UBBC-TCTTT"]

    locations = sitemap_locations(client)
    assert shown.full_url in locations
    assert hidden.full_url not in locations

    path = hidden.get_url_parts()[2]
    assert client.get(path).status_code == status
    assert client.get(path + "print/").status_code == status


def test_a_private_index_hides_what_is_under_it(client, site_tree):
    site_tree.article(HIDDEN_TITLE)
    restrict(site_tree.news_index)
    assert titles_listed(client.get(site_tree.portal.url)) == []
    search = client.get(site_tree.portal.url + "tim-kiem/", {"q": "hom phieu"})
    assert titles_listed(search) == []
    assert client.get(site_tree.news_index.url).status_code == LOGIN_REDIRECT
