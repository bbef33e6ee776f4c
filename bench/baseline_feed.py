"""The baseline the feed benchmark compares against: a ``django.contrib.syndication`` feed.

What an integrator would write over the same pages with Django's own tools: the 50 newest
public articles of a news index, newest first, each with its full content (lead and rendered
body), date, agency and categories, RSS 2.0 from Django's ``feedgenerator``. No cache and no
conditional requests: Django's ``Feed`` has neither.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import path
from django.utils.feedgenerator import Atom1Feed

from wagtail_baucu.pages.mixins import NewsArticleMixin, NewsIndexMixin
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.public import public_pages

ITEMS = 50


class BaselineNewsFeed(Feed):
    """RSS 2.0 of a news index with ``django.contrib.syndication``."""

    def get_object(self, request, index_id: int):
        page = public_pages(page_model(NewsIndexMixin).objects.filter(pk=index_id)).first()
        if page is None:
            raise Http404
        self.request = request
        return page

    def title(self, index):
        return index.title

    def link(self, index):
        return index.url

    def description(self, index):
        return index.title

    def items(self, index):
        articles = public_pages(page_model(NewsArticleMixin).objects.all(), within=index.portal)
        return (
            articles.select_related("agency")
            .prefetch_related("categories")
            .order_by("-first_published_at", "-pk")[:ITEMS]
        )

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return f"<p><strong>{article.lead}</strong></p>{article.body}"

    def item_link(self, article):
        return article.get_url(self.request)

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return article.agency.name if article.agency else None

    def item_categories(self, article):
        return [category.name for category in article.categories.all()]


class BaselineAtomFeed(BaselineNewsFeed):
    """The same feed as Atom 1.0 (``django.contrib.syndication`` has no JSON Feed writer)."""

    feed_type = Atom1Feed


BASELINE_PATH = "__bench/syndication/<int:index_id>/"
BASELINES = {"rss": BaselineNewsFeed, "atom": BaselineAtomFeed}


def baseline_url(index_id: int, fmt: str = "rss") -> str | None:
    """The baseline feed in ``fmt``, or ``None`` when Django has no writer for it."""
    if fmt not in BASELINES:
        return None
    return f"/__bench/syndication/{index_id}/" + ("" if fmt == "rss" else f"{fmt}/")


urlpatterns = [path(BASELINE_PATH, BaselineNewsFeed())] + [
    path(f"{BASELINE_PATH}{fmt}/", feed()) for fmt, feed in BASELINES.items() if fmt != "rss"
]
