"""A portal's menu and indexes are found once per content change; every change shows at once."""

from datetime import timedelta

import lxml.html
import pytest
from django.utils import timezone

from tests.factories import expire, make_portal, model, publish, restrict

pytestmark = pytest.mark.django_db


def menu(client, url: str, **headers) -> list[str]:
    tree = lxml.html.fromstring(client.get(url, **headers).content)
    return [link.text_content() for link in tree.xpath("//nav[@class='baucu-nav']//a")]


def feed_titles(client, url: str) -> list[str]:
    tree = lxml.html.fromstring(client.get(url).content)
    return [link.get("title") for link in tree.xpath("//link[@rel='alternate']")]


MENU = ["Tin tức", "Văn bản chỉ đạo", "Cơ quan"]


def add_news_index(site_tree, title: str = "Tin địa phương", slug: str = "tin-dia-phuong"):
    index = model("NewsIndex")(title=title, slug=slug, live=False)
    site_tree.portal.add_child(instance=index)
    return publish(index)


def test_a_published_child_joins_the_menu_at_once(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    assert menu(client, article.url) == MENU
    add_news_index(site_tree)
    assert menu(client, article.url) == [*MENU, "Tin địa phương"]
    assert menu(client, "/") == [*MENU, "Tin địa phương"]


def test_unpublishing_or_restricting_a_child_takes_it_out_at_once(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    assert menu(client, article.url) == MENU
    site_tree.agency_index.unpublish()
    assert menu(client, article.url) == ["Tin tức", "Văn bản chỉ đạo"]
    restrict(site_tree.document_index)
    assert menu(client, article.url) == ["Tin tức"]


def test_an_expiry_takes_a_child_out_without_any_event(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    assert menu(client, article.url) == MENU
    # Written straight to the database: no signal, no new generation token.
    expire(site_tree.agency_index, timezone.now() - timedelta(minutes=1))
    assert menu(client, article.url) == ["Tin tức", "Văn bản chỉ đạo"]


def test_a_new_news_index_gets_its_feed_link_on_articles_at_once(client, site_tree):
    article = site_tree.article("Lịch bầu cử")
    before = feed_titles(client, article.url)
    add_news_index(site_tree)
    after = feed_titles(client, article.url)
    assert [title for title in after if title not in before] == [
        "Tin địa phương (RSS)",
        "Tin địa phương (Atom)",
        "Tin địa phương (JSON Feed)",
    ]
    assert "Tin tức (RSS)" in after


def test_the_portal_home_finds_its_indexes_again_after_a_change(client, site_tree):
    assert client.get("/").context["news_index"].pk == site_tree.news_index.pk
    site_tree.news_index.unpublish()
    assert client.get("/").context["news_index"] is None
    publish(site_tree.news_index)
    assert client.get("/").context["news_index"].pk == site_tree.news_index.pk


def test_each_portal_has_its_own_menu(client, site_tree):
    other = make_portal(hostname="khac.example", slug="bau-cu-khac")
    page = other.portal.add_child(
        instance=model("NewsIndex")(title="Chỉ ở cổng khác", slug="chi-o-cong-khac", live=False)
    )
    publish(page)
    assert menu(client, "/") == MENU
    assert menu(client, "/", HTTP_HOST="khac.example") == [*MENU, "Chỉ ở cổng khác"]
