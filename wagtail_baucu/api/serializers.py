"""Which fields each page type, agencies, images and documents show in the API.

Page fields are declared per mixin, so a project's own concrete pages get them too; a concrete
page may add more with Wagtail's usual ``api_fields``.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from wagtail.api import APIField
from wagtail.api.v2.serializers import BaseSerializer, PageSerializer
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.images import get_image_model
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.rich_text import expand_db_html

from wagtail_baucu.api import fields
from wagtail_baucu.conf import get_setting
from wagtail_baucu.pages.mixins import (
    AgencyContentMixin,
    AgencyIndexMixin,
    AgencyPageMixin,
    BaucuPageMixin,
    DirectiveDocumentMixin,
    DocumentIndexMixin,
    ElectionPortalMixin,
    NewsArticleMixin,
    NewsIndexMixin,
)
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.public import absolute_url, public_pages
from wagtail_baucu.questions.mixins import QuestionIndexMixin, QuestionPageMixin


class RichTextHtmlField(fields._InstanceField):
    """A rich text field as HTML with every link absolute."""

    def to_representation(self, page):
        html = expand_db_html(getattr(page, self.field_name) or "")
        return fields.absolute_rich_text(html, absolute_url(page, self.request) or "")


def _intro(name: str = "intro") -> APIField:
    return APIField(name, serializer=RichTextHtmlField())


PUBLICATION_FIELDS = [
    APIField("published_at", serializer=fields.DateTimeField()),
    APIField("updated_at", serializer=fields.DateTimeField()),
]

# The API fields of each page type, by the mixin that gives them.
PAGE_API_FIELDS: list[tuple[type, list[APIField]]] = [
    (
        ElectionPortalMixin,
        [
            APIField("election_name"),
            APIField("election_day", serializer=fields.DateField()),
            _intro("introduction"),
        ],
    ),
    (NewsIndexMixin, [_intro()]),
    (DocumentIndexMixin, [_intro()]),
    (AgencyIndexMixin, [_intro()]),
    (AgencyPageMixin, [APIField("agency", serializer=fields.AgencyField()), _intro()]),
    (
        NewsArticleMixin,
        [
            *PUBLICATION_FIELDS,
            APIField("lead"),
            APIField("lead_image", serializer=fields.ImageField()),
            APIField("body", serializer=fields.BodyField()),
            APIField("agency", serializer=fields.AgencyField()),
            APIField("categories", serializer=fields.CategoriesField()),
            APIField("source_name"),
            APIField("source_url"),
            APIField("related_documents", serializer=fields.RelatedDocumentsField()),
        ],
    ),
    (
        DirectiveDocumentMixin,
        [
            *PUBLICATION_FIELDS,
            APIField("document_number"),
            APIField("number_parts", serializer=fields.DocumentNumberField()),
            APIField("document_type", serializer=fields.DocumentTypeField()),
            APIField("issuer", serializer=fields.IssuerField()),
            APIField("level", serializer=fields.LevelField()),
            APIField("issue_date", serializer=fields.DateField()),
            APIField("effective_date", serializer=fields.DateField()),
            APIField("summary"),
            APIField("file", serializer=fields.FileField()),
            APIField("agency", serializer=fields.AgencyField()),
        ],
    ),
    (QuestionIndexMixin, [_intro()]),
    (
        QuestionPageMixin,
        [
            *PUBLICATION_FIELDS,
            APIField("topic"),
            APIField("question"),
            _intro("answer"),
            # Shown on the page only with the asker's consent; empty otherwise.
            APIField("asker_name"),
            APIField("asker_commune"),
            APIField("legal_basis", serializer=fields.RelatedDocumentsField()),
        ],
    ),
    (BaucuPageMixin, [APIField("links", serializer=fields.PageLinksField())]),
]


def page_api_fields(model: type) -> list[APIField]:
    """The package's API fields for a page model, by the mixins it is built on."""
    result: dict[str, APIField] = {}
    for mixin, declared in PAGE_API_FIELDS:
        if issubclass(model, mixin):
            for field in declared:
                result.setdefault(field.name, field)
    return list(result.values())


def with_api_relations(queryset: QuerySet) -> QuerySet:
    """Load what the fields of the queryset's page type show, in a fixed number of queries."""
    model = queryset.model
    if issubclass(model, (AgencyContentMixin, AgencyPageMixin)):
        queryset = queryset.select_related("agency")
    if issubclass(model, DirectiveDocumentMixin):
        queryset = queryset.select_related("issuer", "file")
    if issubclass(model, NewsArticleMixin):
        images = get_image_model().objects.prefetch_renditions(
            *get_setting("API_IMAGE_RENDITIONS").values()
        )
        queryset = queryset.prefetch_related(Prefetch("lead_image", queryset=images), "categories")
    if issubclass(model, NewsArticleMixin | QuestionPageMixin) and hasattr(
        model, "related_documents"
    ):
        documents = public_pages(page_model(DirectiveDocumentMixin).objects.all())
        queryset = queryset.prefetch_related(
            Prefetch("related_documents", queryset=documents.order_by("-issue_date", "-pk"))
        )
    return queryset


class BaucuPageSerializer(PageSerializer):
    html_url = fields.HtmlUrlField()
    first_published_at = fields.DateTimeField()


class AgencySerializer(BaseSerializer):
    html_url = fields.AgencyHtmlUrlField()


class TagsField(fields._InstanceField):
    """Tag names in alphabetical order, from the tags the listing loaded."""

    def to_representation(self, instance):
        return sorted(tag.name for tag in instance.tags.all())


class BaucuImageSerializer(ImageSerializer):
    download_url = fields.AbsoluteDownloadUrlField()
    tags = TagsField()


class ImageRenditionsField(fields._InstanceField):
    def to_representation(self, image):
        return fields.image_data(image, self.request)["renditions"]


class BaucuDocumentSerializer(DocumentSerializer):
    tags = TagsField()


class DocumentMediaTypeField(fields._InstanceField):
    def to_representation(self, document):
        return document.content_type


class DocumentSizeField(fields._InstanceField):
    def to_representation(self, document):
        return fields.file_size(document)
