"""From the API to the print views, QR codes, short links and feeds it advertises: all answer."""

import importlib.util

import pytest

from wagtail_baucu.api import filters

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        importlib.util.find_spec("wagtail_baucu.qr.urls") is None
        or importlib.util.find_spec("wagtail_baucu.feeds.routes") is None,
        reason="needs the QR and feed capabilities",
    ),
]

API = "/api/v2/"
HOST = "http://testserver"


def advertised_urls(get_json) -> set[str]:
    urls = set()
    for model in filters.baucu_page_models():
        label = f"{model._meta.app_label}.{model.__name__}"
        status, data = get_json(API + f"pages/?type={label}&fields=links&limit=100")
        assert status == 200, data
        for item in data["items"]:
            links = item["links"]
            urls.update(url for name, url in links.items() if name != "feeds")
            urls.update(links.get("feeds", {}).values())
    status, data = get_json(API + "agencies/?fields=feeds,page")
    for item in data["items"]:
        urls.update((item["feeds"] or {}).values())
    return urls


def test_every_advertised_url_answers(demo, client, get_json):
    urls = advertised_urls(get_json)
    kinds = {
        url.rsplit("/", 2)[-2] if url.endswith("/") else url.rsplit(".", 1)[-1] for url in urls
    }
    assert {"print", "rss", "atom", "json", "svg", "png"} <= kinds
    for url in sorted(urls):
        assert url.startswith(HOST + "/"), url
        response = client.get(url.removeprefix(HOST), follow=True)
        assert response.status_code == 200, url
    # The short link leads to the page itself.
    article = demo.articles["first"]
    response = client.get(f"/p/{article.pk}/")
    assert response.status_code in (301, 302)
    assert response["Location"].endswith(article.url)


def test_feeds_hold_what_the_api_lists(demo, client, get_json):
    import feedparser

    _status, data = get_json(API + f"pages/{demo.tree.news_index.pk}/?fields=links")
    feed = feedparser.parse(client.get(data["links"]["feeds"]["atom"].removeprefix(HOST)).content)
    _status, news = get_json(API + "news/?fields=html_url")
    assert {entry.link for entry in feed.entries} == {
        item["meta"]["html_url"] for item in news["items"]
    }
