"""The API endpoints: Wagtail's API v2 view sets, limited to what is public on the site.

Every endpoint checks its query parameters strictly (a bad one is a 400 with a JSON message),
pages come only from ``wagtail_baucu.public.public_pages``, and a listing loads what its fields
show in a fixed number of queries.
"""

from __future__ import annotations

import re

import swapper
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.http import Http404
from django.utils.functional import classproperty
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.v2.filters import AncestorOfFilter, ChildOfFilter, DescendantOfFilter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import ReferenceIndex, Site

from wagtail_baucu.api import fields, filters, serializers
from wagtail_baucu.api.pagination import LimitedPagination
from wagtail_baucu.conf import get_setting
from wagtail_baucu.pages.mixins import DirectiveDocumentMixin, NewsArticleMixin
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.public import public_pages
from wagtail_baucu.text.integers import MAX_INTEGER

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
COMMON_PARAMETERS = frozenset(["limit", "offset", "fields", "order", "search", "_", "format"])


def site_public_pages(request, model=None):
    """The public pages of the site serving ``request`` (of ``model``, or of every type)."""
    model = model or swapper.load_model("wagtailcore", "Page")
    site = Site.find_for_request(request)
    if site is None:
        return model.objects.none()
    return public_pages(model.objects.all()).descendant_of(site.root_page, inclusive=True)


class StrictParametersMixin:
    """Strict query parameters, capped pagination and ordering from a fixed list of names."""

    pagination_class = LimitedPagination
    named_parameters: frozenset = frozenset()
    orderings: dict[str, str] = {"id": "id"}
    default_ordering: tuple[str, ...] = ("id",)

    def field_filter_names(self, model) -> list[str]:
        """The fields clients may filter on by value (``?slug=...``)."""
        return [
            name
            for name in self.get_available_fields(model, db_fields_only=True)
            if name not in self.named_parameters and filters.filterable_field(model, name)
        ]

    def check_query_parameters(self, queryset):
        allowed = (
            set(self.known_query_parameters)
            | set(self.named_parameters)
            | set(self.field_filter_names(queryset.model))
        )
        unknown = set(self.request.GET.keys()) - allowed
        if unknown:
            raise BadRequestError(
                _("query parameter is not an operation or a recognised field: %(names)s")
                % {"names": ", ".join(sorted(name[:50] for name in unknown))}
            )

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        items = self.paginate_queryset(queryset)
        self.prepare_items(items)
        serializer = self.get_serializer(items, many=True)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        self.check_query_parameters(self.get_queryset())
        instance = self.get_object()
        self.prepare_items([instance])
        return Response(self.get_serializer(instance).data)

    def find_object(self, queryset, request):
        if "id" in request.GET:
            pk = filters.parse_count(request.GET["id"], "id", default=0)
            return queryset.filter(pk=pk).first()
        return None

    def get_object(self):
        # DRF would run the listing filters here too; a detail is found by its id alone.
        if not hasattr(self, "_cached_object"):
            pk = int(self.kwargs["pk"])
            instance = None
            if 0 <= pk <= MAX_INTEGER:
                instance = self.get_queryset().filter(pk=pk).first()
            if instance is None:
                raise Http404(_("not found"))
            self._cached_object = instance
        return self._cached_object

    def prepare_items(self, items) -> None:
        """Load, for all items at once, what their fields need."""

    def perform_content_negotiation(self, request, force=False):
        try:
            return super().perform_content_negotiation(request, force)
        except Http404 as error:
            raise BadRequestError(_("unknown format; use json or api")) from error

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return Response({"message": str(exc) or _("not found")}, status=404)
        return super().handle_exception(exc)


class PagesEndpoint(StrictParametersMixin, PagesAPIViewSet):
    """Every public page of the site; ``type=`` gives one page type and its fields."""

    base_serializer_class = serializers.BaucuPageSerializer
    filter_backends = [
        filters.FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        filters.PageFilter,
        filters.OrderingFilter,
    ]
    known_query_parameters = COMMON_PARAMETERS | {
        "rich_text_format",
        "type",
        "child_of",
        "ancestor_of",
        "descendant_of",
    }
    named_parameters = frozenset(f.name for f in filters.PAGE_FILTERS)
    orderings = {
        "published_at": "first_published_at",
        "updated_at": "last_published_at",
        "title": "title",
        "id": "id",
        "path": "path",
    }
    default_ordering = ("path",)
    name = "pages"

    @classmethod
    def get_body_fields(cls, model):
        declared = serializers.page_api_fields(model)
        names = {f.name for f in declared}
        own = [
            f
            for f in cls._convert_api_fields(list(getattr(model, "api_fields", ())))
            if f.name not in names
        ]
        return cls._convert_api_fields(cls.body_fields) + declared + own

    def get_base_queryset(self):
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = site_public_pages(self.request)
        return self._base_queryset

    def requested_models(self) -> list[type]:
        raw = self.request.GET.get("type")
        if not raw:
            return []
        try:
            return list(page_models_from_string(raw))
        except (LookupError, ValueError) as error:
            raise BadRequestError(_("type doesn't exist")) from error

    def get_queryset(self):
        # Asked for more than once per request; building it reads the view restrictions.
        if not hasattr(self, "_queryset"):
            models = self.requested_models()
            if len(models) == 1:
                queryset = site_public_pages(self.request, models[0])
            elif models:
                queryset = self.get_base_queryset().type(*models)
            else:
                queryset = self.get_base_queryset()
            self._queryset = serializers.with_api_relations(queryset.select_related("locale"))
        return self._queryset

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        for name in ("child_of", "ancestor_of", "descendant_of"):
            raw = self.request.GET.get(name)
            if raw is not None and not (raw == "root" and name != "ancestor_of"):
                filters.parse_count(raw, name, default=0)
        self.resolve_rich_text_format()

    def get_object(self):
        return super().get_object().specific

    def find_object(self, queryset, request):
        if "id" in request.GET:
            filters.parse_count(request.GET["id"], "id", default=0)
        html_path = request.GET.get("html_path")
        if html_path is not None and (_CONTROL.search(html_path) or len(html_path) > 2000):
            raise BadRequestError(_("html_path must be a URL path"))
        return PagesAPIViewSet.find_object(self, queryset, request)

    def prepare_items(self, items) -> None:
        pages = [page for page in items if isinstance(page, NewsArticleMixin)]
        if pages and "body" in self._requested_field_names(type(pages[0])):
            fields.load_body_references(pages, self.request)

    def _requested_field_names(self, model) -> set[str]:
        serializer_class = self.get_serializer_class()
        return set(serializer_class.Meta.fields) if serializer_class.Meta.model is model else set()


class NewsEndpoint(PagesEndpoint):
    """Public news articles, newest first."""

    known_query_parameters = PagesEndpoint.known_query_parameters - {"type"}
    listing_default_fields = PagesEndpoint.listing_default_fields + [
        "published_at",
        "updated_at",
        "lead",
        "lead_image",
        "agency",
        "categories",
    ]
    default_ordering = ("-first_published_at",)
    name = "news"

    @classproperty
    def model(cls):
        return page_model(NewsArticleMixin)

    def requested_models(self) -> list[type]:
        return [self.model]


class DirectivesEndpoint(PagesEndpoint):
    """Public directive documents, most recently issued first."""

    known_query_parameters = PagesEndpoint.known_query_parameters - {"type"}
    listing_default_fields = PagesEndpoint.listing_default_fields + [
        "published_at",
        "document_number",
        "document_type",
        "issuer",
        "level",
        "issue_date",
        "effective_date",
        "summary",
        "file",
    ]
    orderings = PagesEndpoint.orderings | {
        "issue_date": "issue_date",
        "effective_date": "effective_date",
        "number": "number",
    }
    default_ordering = ("-issue_date", "-first_published_at")
    name = "directives"

    @classproperty
    def model(cls):
        return page_model(DirectiveDocumentMixin)

    def requested_models(self) -> list[type]:
        return [self.model]


class AgenciesEndpoint(StrictParametersMixin, BaseAPIViewSet):
    """The agencies that contribute news and issue documents, with their page and feeds."""

    base_serializer_class = serializers.AgencySerializer
    filter_backends = [filters.FieldsFilter, filters.AgencyFilter, filters.OrderingFilter]
    known_query_parameters = COMMON_PARAMETERS
    named_parameters = frozenset(["kind"])
    body_fields = [
        "id",
        "name",
        "short_name",
        "code",
        APIField("kind", serializer=fields.AgencyKindField()),
        "website",
        "email",
        "phone",
        "address",
        "is_active",
        APIField("page", serializer=fields.AgencyPageField()),
        APIField("feeds", serializer=fields.AgencyFeedsField()),
    ]
    meta_fields = ["type", "detail_url", "html_url"]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "html_url",
        "name",
        "short_name",
        "code",
        "kind",
        "page",
        "feeds",
    ]
    nested_default_fields = ["id", "type", "detail_url", "name", "code"]
    orderings = {"name": "name", "code": "code", "id": "id"}
    default_ordering = ("name",)
    name = "agencies"

    @classproperty
    def model(cls):
        from wagtail_baucu.agencies.models import Agency

        return Agency

    def get_queryset(self):
        return self.model.objects.all()


def used_by_public_pages(queryset, request):
    """Images or documents that a public page of the site uses (Wagtail's reference index)."""
    Page = swapper.load_model("wagtailcore", "Page")
    page_ids = site_public_pages(request).annotate(key=Cast("pk", CharField())).values("key")
    referenced = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page, for_concrete_model=False),
        object_id__in=page_ids,
        to_content_type=ContentType.objects.get_for_model(queryset.model),
    ).values("to_object_id")
    return queryset.annotate(key=Cast("pk", CharField())).filter(key__in=referenced)


class ImagesEndpoint(StrictParametersMixin, ImagesAPIViewSet):
    """Images that public pages use, as Wagtail serves them, with renditions."""

    base_serializer_class = serializers.BaucuImageSerializer
    filter_backends = [filters.FieldsFilter, filters.TitleSearchFilter, filters.OrderingFilter]
    known_query_parameters = COMMON_PARAMETERS
    body_fields = ImagesAPIViewSet.body_fields + [
        APIField("renditions", serializer=serializers.ImageRenditionsField())
    ]
    orderings = {"title": "title", "id": "id", "created_at": "created_at"}

    def get_queryset(self):
        queryset = used_by_public_pages(super().get_queryset(), self.request)
        queryset = queryset.prefetch_related("tags")
        return queryset.prefetch_renditions(*get_setting("API_IMAGE_RENDITIONS").values())


class DocumentsEndpoint(StrictParametersMixin, DocumentsAPIViewSet):
    """Files that public pages use, as Wagtail serves them, with size and media type."""

    base_serializer_class = serializers.BaucuDocumentSerializer
    filter_backends = [filters.FieldsFilter, filters.TitleSearchFilter, filters.OrderingFilter]
    known_query_parameters = COMMON_PARAMETERS
    body_fields = DocumentsAPIViewSet.body_fields + [
        APIField("file_size", serializer=serializers.DocumentSizeField()),
        APIField("content_type", serializer=serializers.DocumentMediaTypeField()),
    ]
    orderings = {"title": "title", "id": "id", "created_at": "created_at"}

    def get_queryset(self):
        return used_by_public_pages(super().get_queryset(), self.request).prefetch_related("tags")
