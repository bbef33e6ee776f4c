"""Which feeds exist, where they live, and which items each one holds.

Every feed belongs to a page and lives under that page's URL:

==============================  ==============================================================
the whole portal                ``<portal URL>feed/<format>/``
a news index                    ``<news index URL>feed/<format>/``
a category                      ``<news index URL>chuyen-muc/<slug>/feed/<format>/``
an agency                       ``<agency page URL>feed/<format>/``
the directive documents         ``<document index URL>feed/<format>/``
one document type               ``<document index URL>loai/<type slug>/feed/<format>/``
==============================  ==============================================================

``<format>`` is ``rss``, ``atom`` or ``json``; each has monthly archives at
``.../feed/<format>/archive/<YYYY-MM>/`` (RFC 5005).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from wagtail_baucu.conf import get_setting
from wagtail_baucu.documents.numbers import DOCUMENT_TYPES
from wagtail_baucu.feeds.builder import (
    FeedItemBuilder,
    article_queryset,
    document_queryset,
    question_queryset,
)
from wagtail_baucu.feeds.items import (
    FeedAuthor,
    FeedItem,
    FeedMeta,
    month_label,
    tag_uri,
)
from wagtail_baucu.pages import mixins, structure
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.public import make_absolute, public_pages, site_root_url
from wagtail_baucu.questions.mixins import QuestionIndexMixin, QuestionPageMixin


def document_type_slug(code: str) -> str:
    """The URL segment of a document type: ASCII, lower case, "Đ" as "dd" (``QĐ`` → ``qdd``)."""
    return code.replace("Đ", "DD").replace("đ", "dd").lower()


DOCUMENT_TYPE_BY_SLUG = {document_type_slug(code): code for code in DOCUMENT_TYPES}


def _zone() -> ZoneInfo:
    return ZoneInfo(get_setting("TIME_ZONE"))


def _month_range(year: int, month: int) -> tuple[datetime, datetime]:
    zone = _zone()
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start, end


@dataclass
class FeedSource:
    """One feed: its owner page, the path under it, and the filters that choose its items."""

    page: object
    key: str
    title: str
    description: str
    subpath: str = ""
    news: bool = True
    documents: bool = True
    questions: bool = False
    filters: dict = field(default_factory=dict)
    news_filters: dict = field(default_factory=dict)
    document_filters: dict = field(default_factory=dict)
    # Set by items(): the soonest expiry of a page in the feed, when its cached copy goes stale.
    expires_at: datetime | None = None

    # Where ------------------------------------------------------------------------------

    @cached_property
    def portal(self):
        return self.page.portal or self.page

    def page_url(self, request: HttpRequest | None = None) -> str:
        return self.page.get_full_url(request) or ""

    def html_url(self, request: HttpRequest | None = None) -> str:
        return self.page_url(request) + self.subpath

    def feed_path(self, fmt: str, month: str | None = None) -> str:
        """The feed's path relative to its page's URL."""
        path = f"{self.subpath}feed/{fmt}/"
        return f"{path}archive/{month}/" if month else path

    def feed_url(
        self, fmt: str, request: HttpRequest | None = None, month: str | None = None
    ) -> str:
        return self.page_url(request) + self.feed_path(fmt, month)

    @property
    def cache_id(self) -> str:
        return f"{self.page.pk}:{self.key}"

    # What -------------------------------------------------------------------------------

    def news_pages(self) -> QuerySet | None:
        if not self.news:
            return None
        model = page_model(mixins.NewsArticleMixin)
        queryset = public_pages(model.objects.all(), within=self.portal)
        return queryset.filter(
            first_published_at__isnull=False, **self.filters, **self.news_filters
        )

    def document_pages(self) -> QuerySet | None:
        if not self.documents:
            return None
        model = page_model(mixins.DirectiveDocumentMixin)
        queryset = public_pages(model.objects.all(), within=self.portal)
        return queryset.filter(
            first_published_at__isnull=False, **self.filters, **self.document_filters
        )

    def question_pages(self) -> QuerySet | None:
        if not self.questions:
            return None
        model = page_model(QuestionPageMixin)
        queryset = public_pages(model.objects.all(), within=self.page)
        return queryset.filter(first_published_at__isnull=False, **self.filters)

    def _edge_month(
        self, *, before: datetime | None = None, since: datetime | None = None
    ) -> tuple[int, int] | None:
        """The month of the newest item published before ``before`` (of the newest of all
        without it), or of the oldest published at or after ``since``; ``None`` if none is.

        One query per kind of item, ordered by date and stopped at the first row, so the cost
        does not grow with the archive as listing every month would.
        """
        moments = []
        for queryset in (self.news_pages(), self.document_pages(), self.question_pages()):
            if queryset is None:
                continue
            if since is not None:
                queryset = queryset.filter(first_published_at__gte=since)
                queryset = queryset.order_by("first_published_at")
            else:
                if before is not None:
                    queryset = queryset.filter(first_published_at__lt=before)
                queryset = queryset.order_by("-first_published_at")
            moment = queryset.values_list("first_published_at", flat=True).first()
            if moment is not None:
                moments.append(moment)
        if not moments:
            return None
        moment = (min if since is not None else max)(moments).astimezone(_zone())
        return moment.year, moment.month

    def neighbour_months(
        self, month: tuple[int, int] | None
    ) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """The archive months a document links to (RFC 5005): the previous and the next month
        with items around ``month``; for the live feed (``None``), the newest month and none."""
        if month is None:
            return self._edge_month(), None
        start, end = _month_range(*month)
        return self._edge_month(before=start), self._edge_month(since=end)

    def builder(self, request: HttpRequest | None) -> FeedItemBuilder:
        portal_url = self.portal.get_full_url(request) or ""
        news_index = structure.find_child(self.portal, mixins.NewsIndexMixin)
        document_index = structure.find_child(self.portal, mixins.DocumentIndexMixin)
        return FeedItemBuilder(
            root_url=site_root_url(self.page, request) or "",
            request=request,
            portal_url=portal_url,
            category_scheme=(news_index.get_full_url(request) + "chuyen-muc/")
            if news_index
            else "",
            document_type_scheme=(document_index.get_full_url(request) + "loai/")
            if document_index
            else "",
            fallback_author=self.portal_author(request),
        )

    def portal_author(self, request: HttpRequest | None) -> FeedAuthor:
        return FeedAuthor(name=self.portal.title, uri=self.portal.get_full_url(request) or "")

    def items(
        self, request: HttpRequest | None, month: tuple[int, int] | None = None
    ) -> list[FeedItem]:
        """The newest items (``FEED_SIZE``), or every item published in ``month``; newest first."""
        size = get_setting("FEED_SIZE")
        # The feed's own page may expire too; no event will say so.
        self.expires_at = self.page.expire_at
        builder = self.builder(request)
        items: list[FeedItem] = []
        for queryset, prepare, build in (
            (self.news_pages(), article_queryset, builder.articles),
            (self.document_pages(), document_queryset, builder.documents),
            (self.question_pages(), question_queryset, builder.questions),
        ):
            if queryset is None:
                continue
            if month is not None:
                start, end = _month_range(*month)
                queryset = queryset.filter(
                    first_published_at__gte=start, first_published_at__lt=end
                )
            queryset = prepare(queryset.order_by("-first_published_at", "-pk"))
            if month is None:
                queryset = queryset[:size]
            pages = list(queryset)
            expiries = [page.expire_at for page in pages if page.expire_at is not None]
            if expiries:
                soonest = min(expiries)
                self.expires_at = min(soonest, self.expires_at or soonest)
            items += build(pages)
        items.sort(key=lambda item: (item.published, item.id), reverse=True)
        return items if month is not None else items[:size]

    def meta(
        self,
        fmt: str,
        request: HttpRequest | None,
        *,
        month: tuple[int, int] | None = None,
        prev_month: tuple[int, int] | None = None,
        next_month: tuple[int, int] | None = None,
    ) -> FeedMeta:
        """What the document says about itself, with its RFC 5005 history links."""
        root_url = site_root_url(self.page, request) or ""
        authority = get_setting("FEED_ID_AUTHORITY") or _host(root_url)
        minted = (self.page.first_published_at or datetime(2000, 1, 1)).date()
        portal_title = self.portal.title
        title = (
            self.title
            if self.page.pk == self.portal.pk and not self.subpath
            else (f"{self.title} – {portal_title}")
        )

        def archive(m):
            return self.feed_url(fmt, request, month_label(*m)) if m else ""

        return FeedMeta(
            id=tag_uri(authority, minted, f"feed/{self.page.pk}/{self.key}"),
            title=title,
            subtitle=self.description,
            self_url=self.feed_url(fmt, request, month_label(*month) if month else None),
            html_url=self.html_url(request),
            author=self.portal_author(request),
            language="vi",
            rights=get_setting("FEED_RIGHTS") or f"© {portal_title}",
            logo_url=_asset_url(get_setting("FEED_LOGO"), root_url),
            icon_url=_asset_url(get_setting("FEED_ICON"), root_url),
            hub_url=get_setting("WEBSUB_HUB") or "",
            archive=month is not None,
            current_url=self.feed_url(fmt, request) if month is not None else "",
            prev_archive_url=archive(prev_month),
            next_archive_url=archive(next_month),
        )


def _host(root_url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(root_url).hostname or "localhost"


def _asset_url(path: str, root_url: str) -> str:
    if not path:
        return ""
    if path.startswith(("http://", "https://")):
        return path
    return make_absolute(static(path), root_url)


# The feeds of each kind of page ------------------------------------------------------------


def portal_source(portal) -> FeedSource:
    return FeedSource(
        page=portal,
        key="portal",
        title=portal.title,
        description=_("All news and directive documents of %(portal)s") % {"portal": portal.title},
    )


def news_index_source(index) -> FeedSource:
    return FeedSource(
        page=index,
        key="news",
        title=index.title,
        description=_("All news of %(portal)s") % {"portal": (index.portal or index).title},
        documents=False,
    )


def category_source(index, category) -> FeedSource:
    return FeedSource(
        page=index,
        key=f"category:{category.slug}",
        title=category.name,
        description=category.description
        or _("News in the category “%(category)s”") % {"category": category.name},
        subpath=f"chuyen-muc/{category.slug}/",
        documents=False,
        news_filters={"categories": category},
    )


def agency_source(agency_page) -> FeedSource:
    agency = agency_page.agency
    return FeedSource(
        page=agency_page,
        key="agency",
        title=agency.name,
        description=_("News and directive documents from %(agency)s") % {"agency": agency.name},
        filters={"agency_id": agency.pk},
    )


def documents_source(index) -> FeedSource:
    return FeedSource(
        page=index,
        key="documents",
        title=index.title,
        description=_("Directive documents of %(portal)s")
        % {"portal": (index.portal or index).title},
        news=False,
    )


def document_type_source(index, code: str) -> FeedSource:
    name = DOCUMENT_TYPES.get(code, code)
    return FeedSource(
        page=index,
        key=f"type:{code}",
        title=name,
        description=_("Directive documents of the type “%(type)s”") % {"type": name},
        subpath=f"loai/{document_type_slug(code)}/",
        news=False,
        document_filters={"document_type": code},
    )


def questions_source(index) -> FeedSource:
    return FeedSource(
        page=index,
        key="questions",
        title=index.title,
        description=_("Questions from voters answered by the election committee of %(portal)s")
        % {"portal": (index.portal or index).title},
        news=False,
        documents=False,
        questions=True,
    )


def own_source(page) -> FeedSource | None:
    """The feed a page carries at ``<its URL>feed/<format>/``, if it carries one."""
    if isinstance(page, mixins.ElectionPortalMixin):
        return portal_source(page)
    if isinstance(page, mixins.NewsIndexMixin):
        return news_index_source(page)
    if isinstance(page, mixins.DocumentIndexMixin):
        return documents_source(page)
    if isinstance(page, mixins.AgencyPageMixin):
        return agency_source(page)
    if isinstance(page, QuestionIndexMixin):
        return questions_source(page)
    return None


def agency_page_for(portal, agency_id: int | None):
    if portal is None or not agency_id:
        return None
    model = page_model(mixins.AgencyPageMixin)
    queryset = public_pages(model.objects.filter(agency_id=agency_id), within=portal)
    return queryset.select_related("agency").order_by("path").first()


def sources_for_item(page, portal=None) -> list[FeedSource]:
    """The feeds an article or document appears in (for autodiscovery, WebSub and purging).

    ``portal``: the portal to look in instead of the page's own (where a moved page was).
    """
    portal = portal or page.portal
    if portal is None:
        return []
    found = [portal_source(portal)]
    if isinstance(page, mixins.NewsArticleMixin):
        for index in structure.indexes(portal, mixins.NewsIndexMixin):
            found.append(news_index_source(index))
            found += [category_source(index, c) for c in page.categories.all()]
    elif isinstance(page, mixins.DirectiveDocumentMixin):
        for index in structure.indexes(portal, mixins.DocumentIndexMixin):
            found += [documents_source(index), document_type_source(index, page.document_type)]
    elif isinstance(page, QuestionPageMixin):
        found += [
            questions_source(index) for index in structure.indexes(portal, QuestionIndexMixin)
        ]
    agency_page = agency_page_for(portal, getattr(page, "agency_id", None))
    if agency_page is not None:
        found.append(agency_source(agency_page))
    return found


def sources_for_page(page, extra: list[FeedSource] | None = None) -> list[FeedSource]:
    """The feeds that concern an HTML page, most specific first (for autodiscovery)."""
    found = list(extra or [])
    if isinstance(page, mixins.NewsArticleMixin | mixins.DirectiveDocumentMixin):
        found += list(reversed(sources_for_item(page)))
    elif isinstance(page, QuestionPageMixin):
        found += [s for s in reversed(sources_for_item(page)) if s.questions]
    else:
        own = own_source(page)
        if own is not None:
            found.append(own)
        portal = getattr(page, "portal", None)
        if portal is not None and portal.pk != page.pk:
            found.append(portal_source(portal))
    unique: dict[tuple, FeedSource] = {}
    for source in found:
        unique.setdefault((source.page.pk, source.key), source)
    return list(unique.values())


def all_sources(portal) -> list[FeedSource]:
    """Every feed of a portal, as the press page lists them."""
    from wagtail_baucu.agencies.models import Category

    found = [portal_source(portal)]
    categories = list(Category.objects.all())
    for index in structure.indexes(portal, mixins.NewsIndexMixin):
        found.append(news_index_source(index))
        found += [category_source(index, category) for category in categories]
    documents = page_model(mixins.DirectiveDocumentMixin)
    codes = sorted(
        set(
            public_pages(documents.objects.all(), within=portal)
            .order_by()
            .values_list("document_type", flat=True)
            .distinct()
        )
    )
    for index in structure.indexes(portal, mixins.DocumentIndexMixin):
        found.append(documents_source(index))
        found += [document_type_source(index, code) for code in codes]
    found += [questions_source(index) for index in structure.indexes(portal, QuestionIndexMixin)]
    agency_model = page_model(mixins.AgencyPageMixin)
    agency_pages = public_pages(agency_model.objects.all(), within=portal)
    found += [
        agency_source(page) for page in agency_pages.select_related("agency").order_by("title")
    ]
    return found
