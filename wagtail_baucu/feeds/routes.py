"""Feed routes of the pages that carry feeds, as routable-page mixins.

The page mixins in ``wagtail_baucu.pages.mixins`` put these first in their bases. The views
live in ``views.py`` and the feeds' definitions in ``sources.py``; both are imported when a
route is called, as they import the page mixins themselves.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from wagtail_baucu.feeds.items import FORMATS

FEED_PATHS = [f"feed/{fmt}/" for fmt in FORMATS]


class FeedRoutesMixin(RoutablePageMixin):
    """``<page URL>feed/<format>/`` and its monthly archives ``.../archive/<YYYY-MM>/``."""

    def feed_source(self):
        from wagtail_baucu.feeds.sources import own_source

        return own_source(self)

    @path("feed/<str:fmt>/", name="feed")
    def feed_view(self, request: HttpRequest, fmt: str) -> HttpResponse:
        from wagtail_baucu.feeds.views import serve_feed

        return serve_feed(request, self.feed_source(), fmt)

    @path("feed/<str:fmt>/archive/<str:month>/", name="feed_archive")
    def feed_archive_view(self, request: HttpRequest, fmt: str, month: str) -> HttpResponse:
        from wagtail_baucu.feeds.views import serve_feed

        return serve_feed(request, self.feed_source(), fmt, month)

    def get_feed_paths(self) -> list[str]:
        """Paths (relative to this page's URL) of the feeds this page serves."""
        return list(FEED_PATHS)

    def get_cached_paths(self) -> list[str]:
        # Wagtail's front-end cache purges these with the page itself.
        return list(super().get_cached_paths()) + self.get_feed_paths()


class PortalFeedsMixin(FeedRoutesMixin):
    """The portal's feed and the press page listing every feed of the portal."""

    @path("nguon-tin-bao-chi/", name="press_feeds")
    def press_feeds_view(self, request: HttpRequest) -> HttpResponse:
        from wagtail_baucu.feeds.sources import all_sources, portal_source

        return self.render(
            request,
            template="wagtail_baucu/feeds/press_feeds.html",
            context_overrides={
                "feed_sources": all_sources(self),
                "page_feed_sources": [portal_source(self)],
            },
        )

    def get_feed_paths(self) -> list[str]:
        return super().get_feed_paths() + ["nguon-tin-bao-chi/"]


class NewsIndexFeedsMixin(FeedRoutesMixin):
    """Adds a page and a feed per category: ``chuyen-muc/<slug>/`` and ``.../feed/<format>/``."""

    def category_source(self, slug: str):
        from wagtail_baucu.agencies.models import Category
        from wagtail_baucu.feeds.sources import category_source

        category = Category.objects.filter(slug=slug[:255]).first()
        if category is None:
            raise Http404("Unknown category")
        return category_source(self, category)

    @path("chuyen-muc/<str:slug>/", name="category")
    def category_view(self, request: HttpRequest, slug: str) -> HttpResponse:
        from wagtail_baucu.conf import get_setting
        from wagtail_baucu.pages.mixins import paginate

        source = self.category_source(slug)
        articles = self.news_queryset().filter(categories=source.news_filters["categories"])
        return self.render(
            request,
            context_overrides={
                "articles": paginate(articles, request, get_setting("NEWS_PER_PAGE")),
                "filters": {"category": source.news_filters["categories"].slug},
                "category": source.news_filters["categories"],
                "page_feed_sources": [source],
            },
        )

    @path("chuyen-muc/<str:slug>/feed/<str:fmt>/", name="category_feed")
    def category_feed_view(self, request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
        from wagtail_baucu.feeds.views import serve_feed

        return serve_feed(request, self.category_source(slug), fmt)

    @path("chuyen-muc/<str:slug>/feed/<str:fmt>/archive/<str:month>/", name="category_feed_archive")
    def category_feed_archive_view(
        self, request: HttpRequest, slug: str, fmt: str, month: str
    ) -> HttpResponse:
        from wagtail_baucu.feeds.views import serve_feed

        return serve_feed(request, self.category_source(slug), fmt, month)

    def get_feed_paths(self) -> list[str]:
        from wagtail_baucu.agencies.models import Category

        paths = super().get_feed_paths()
        for slug in Category.objects.values_list("slug", flat=True):
            paths += [f"chuyen-muc/{slug}/"] + [f"chuyen-muc/{slug}/{p}" for p in FEED_PATHS]
        return paths


class DocumentIndexFeedsMixin(FeedRoutesMixin):
    """Adds a page and a feed per document type: ``loai/<slug>/`` and ``.../feed/<format>/``."""

    def document_type_source(self, slug: str):
        from wagtail_baucu.feeds.sources import DOCUMENT_TYPE_BY_SLUG, document_type_source

        code = DOCUMENT_TYPE_BY_SLUG.get(slug)
        if code is None:
            raise Http404("Unknown document type")
        return document_type_source(self, code)

    @path("loai/<str:slug>/", name="document_type")
    def document_type_view(self, request: HttpRequest, slug: str) -> HttpResponse:
        from wagtail_baucu.conf import get_setting
        from wagtail_baucu.pages.mixins import paginate

        source = self.document_type_source(slug)
        code = source.document_filters["document_type"]
        documents = self.documents_queryset().filter(document_type=code)
        return self.render(
            request,
            context_overrides={
                "documents": paginate(documents, request, get_setting("DOCUMENTS_PER_PAGE")),
                "filters": {"type": code},
                "page_feed_sources": [source],
            },
        )

    @path("loai/<str:slug>/feed/<str:fmt>/", name="document_type_feed")
    def document_type_feed_view(self, request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
        from wagtail_baucu.feeds.views import serve_feed

        return serve_feed(request, self.document_type_source(slug), fmt)

    @path("loai/<str:slug>/feed/<str:fmt>/archive/<str:month>/", name="document_type_feed_archive")
    def document_type_feed_archive_view(
        self, request: HttpRequest, slug: str, fmt: str, month: str
    ) -> HttpResponse:
        from wagtail_baucu.feeds.views import serve_feed

        return serve_feed(request, self.document_type_source(slug), fmt, month)

    def get_feed_paths(self) -> list[str]:
        from wagtail_baucu.documents.numbers import DOCUMENT_TYPES
        from wagtail_baucu.feeds.sources import document_type_slug

        paths = super().get_feed_paths()
        for code in DOCUMENT_TYPES:
            slug = document_type_slug(code)
            paths += [f"loai/{slug}/"] + [f"loai/{slug}/{p}" for p in FEED_PATHS]
        return paths


class AgencyFeedsMixin(FeedRoutesMixin):
    """An agency's feed on its page: its news and the documents it contributed."""
