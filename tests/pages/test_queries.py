"""The news index and an article page cost a fixed number of queries, however much content."""

import pytest

from tests.factories import local, make_category, make_image, publish

pytestmark = pytest.mark.django_db

# Measured; a change here means a listing or template started asking the database more.
# Renditions come from Wagtail's rendition cache once made, as they do on a running site.
NEWS_INDEX_QUERIES = 18  # the number of articles comes from the cache once counted
ARTICLE_QUERIES = 31  # "Tin khác": a window of ids, the ones sharing a category, then the chosen

SIZES = [(3, 1), (30, 5)]


@pytest.fixture
def news(request, site_tree, agencies, settings):
    """``articles`` articles with their own lead images; the newest with ``related`` categories,
    documents and body images."""
    articles, related = request.param
    settings.WAGTAIL_BAUCU = {"NEWS_PER_PAGE": 50, "OTHER_NEWS_COUNT": 6}
    categories = [make_category(f"Chuyên mục {i}") for i in range(related)]
    documents = [
        site_tree.document(f"{i}/UBBC-TCTTT", issuer=agencies["UBBC"])
        for i in range(1, related + 1)
    ]
    sources = list(agencies.values())
    for i in range(articles):
        article = site_tree.article(
            f"Tin số {i}",
            agency=sources[i % len(sources)],
            categories=categories[: 1 + i % related],
            lead_image=make_image(f"Ảnh {i}"),
            when=local(2021, 4, 1 + i % 28, 8, i % 60),
        )
    article.body = [
        ("image", {"image": make_image(f"Ảnh thân bài {i}"), "caption": f"Chú thích {i}"})
        for i in range(related)
    ]
    article.related_documents.set(documents)
    publish(article)
    return site_tree, article


def warm(client, url: str) -> None:
    """Make the renditions and fill Wagtail's site cache before counting."""
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("news", SIZES, indirect=True, ids=["3 articles", "30 articles"])
def test_news_index_queries(client, news, django_assert_num_queries):
    site, _article = news
    url = site.news_index.url
    warm(client, url)
    with django_assert_num_queries(NEWS_INDEX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    count = site.news_index.specific.news_queryset().count()
    assert len(response.context["articles"]) == count


@pytest.mark.parametrize("news", SIZES, indirect=True, ids=["1 related", "5 related"])
def test_article_queries(client, news, django_assert_num_queries):
    _site, article = news
    warm(client, article.url)
    with django_assert_num_queries(ARTICLE_QUERIES):
        response = client.get(article.url)
    assert response.status_code == 200
    assert len(response.context["related_documents"]) == article.related_documents.count()
    assert response.context["other_news"]
    assert response.content.decode().count("<figcaption>Chú thích") == len(article.body)
