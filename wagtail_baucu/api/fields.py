"""How the API writes the package's values: dates with their zone, images with renditions,
files with size and type, agencies, document numbers, and article bodies with absolute URLs.

Fields read what a listing loaded beforehand (see ``prepare_pages``) from a per-request cache,
so a listing costs the same number of queries for 2 items as for 100.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone
from rest_framework.fields import Field
from wagtail import blocks
from wagtail.api.v2.utils import get_object_detail_url
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, Site
from wagtail.rich_text import expand_db_html

from wagtail_baucu.api.links import page_links
from wagtail_baucu.conf import get_setting
from wagtail_baucu.documents.numbers import DOCUMENT_TYPES
from wagtail_baucu.files import original_image_url
from wagtail_baucu.pages.mixins import AgencyPageMixin, DirectiveDocumentMixin, DocumentLevel
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.public import absolute_url, default_root_url, make_absolute, public_pages
from wagtail_baucu.references import chooser_kind, stored_rich_texts, stream_items, walk

# Joins the rich texts of a whole listing so Wagtail expands their links in one pass.
_SPLIT = "<!--wagtail-baucu-split-->"
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


# Per-request memory --------------------------------------------------------------------------


def request_cache(request: HttpRequest) -> dict:
    """A dict that lives as long as the request: what a listing loaded once for all its items."""
    cache = getattr(request, "_baucu_api_cache", None)
    if cache is None:
        cache = {}
        request._baucu_api_cache = cache
    return cache


def media_base(request: HttpRequest) -> str:
    """The root URL media and file URLs are made absolute against."""
    cache = request_cache(request)
    if "media_base" not in cache:
        cache["media_base"] = default_root_url(request) or ""
    return cache["media_base"]


def agency_pages(request: HttpRequest) -> dict[int, Page]:
    """Each agency's public page on the requested site, by agency id (one query per request)."""
    cache = request_cache(request)
    if "agency_pages" not in cache:
        model = page_model(AgencyPageMixin)
        queryset = public_pages(model.objects.all()).order_by("path")
        site_root = _site_root_page(request)
        if site_root is not None:
            queryset = queryset.descendant_of(site_root, inclusive=True)
        pages: dict[int, Page] = {}
        for page in queryset:
            pages.setdefault(page.agency_id, page)
        cache["agency_pages"] = pages
    return cache["agency_pages"]


def _site_root_page(request: HttpRequest):
    site = Site.find_for_request(request)
    return site.root_page if site else None


# Plain values --------------------------------------------------------------------------------


def iso_datetime(value: datetime | None) -> str | None:
    """ISO 8601 with the offset of the package's time zone, e.g. ``2021-03-30T08:00:00+07:00``."""
    if value is None:
        return None
    zone = ZoneInfo(get_setting("TIME_ZONE"))
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value.astimezone(zone).isoformat(timespec="seconds")


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def absolute_rich_text(html: str, base: str) -> str:
    """Make every ``href`` and ``src`` in expanded rich text absolute against ``base``."""
    if not base:
        return html
    return _URL_ATTRIBUTE.sub(
        lambda m: m.group(1) + (make_absolute(m.group(2), base) if m.group(2) else "") + m.group(3),
        html,
    )


def expand_rich_texts(sources: Iterable[str]) -> dict[str, str]:
    """Expand Wagtail's stored rich text (page, document links) for many texts at once."""
    sources = list(dict.fromkeys(s for s in sources if s))
    if not sources:
        return {}
    expanded = expand_db_html(_SPLIT.join(sources)).split(_SPLIT)
    if len(expanded) != len(sources):
        expanded = [expand_db_html(source) for source in sources]
    return dict(zip(sources, expanded, strict=True))


def image_data(image, request: HttpRequest, router=None) -> dict | None:
    """An image with its size, alternative text, original and renditions, all URLs absolute."""
    if image is None:
        return None
    base = media_base(request)
    data: dict[str, Any] = {
        "id": image.pk,
        "title": image.title,
        "alt": image.default_alt_text,
        "width": image.width,
        "height": image.height,
    }
    if router is not None:
        detail = get_object_detail_url(router, request, type(image), image.pk)
        if detail:
            data["detail_url"] = detail
    data["download_url"] = make_absolute(original_image_url(image), base)
    renditions = {}
    for name, spec in get_setting("API_IMAGE_RENDITIONS").items():
        try:
            rendition = image.get_rendition(spec)
        except SourceImageIOError:
            renditions[name] = {"error": "SourceImageIOError"}
            continue
        renditions[name] = {
            "url": make_absolute(rendition.url, base),
            "width": rendition.width,
            "height": rendition.height,
        }
    data["renditions"] = renditions
    return data


def document_data(document, request: HttpRequest, router=None) -> dict | None:
    """A file with its absolute URL, size in bytes and media type."""
    if document is None:
        return None
    data: dict[str, Any] = {"id": document.pk, "title": document.title}
    if router is not None:
        detail = get_object_detail_url(router, request, type(document), document.pk)
        if detail:
            data["detail_url"] = detail
    data.update(
        {
            "url": make_absolute(document.url, media_base(request)),
            "size": file_size(document),
            "content_type": document.content_type,
            "extension": document.file_extension,
        }
    )
    return data


def file_size(document) -> int | None:
    """The file's size in bytes, from the stored value or the storage (never saved on a read)."""
    if document.file_size is not None:
        return document.file_size
    try:
        return document.file.size
    except (OSError, ValueError):
        return None


def agency_data(agency, request: HttpRequest, router=None) -> dict | None:
    """An agency as other objects cite it: code, names, its page and its API URL."""
    if agency is None:
        return None
    page = agency_pages(request).get(agency.pk)
    data = {
        "id": agency.pk,
        "code": agency.code,
        "name": agency.name,
        "short_name": agency.short_name,
        "html_url": absolute_url(page, request) if page is not None else None,
    }
    if router is not None:
        data["detail_url"] = get_object_detail_url(router, request, type(agency), agency.pk)
    return data


def page_summary(page, request: HttpRequest, router=None) -> dict:
    """A page as other objects cite it."""
    data = {"id": page.pk, "title": page.title, "html_url": absolute_url(page, request)}
    if isinstance(page, DirectiveDocumentMixin):
        data["document_number"] = page.document_number
    if router is not None:
        data["detail_url"] = get_object_detail_url(router, request, type(page), page.pk)
    return data


# Article bodies ------------------------------------------------------------------------------


def collect_body_references(block: blocks.Block, raw, found: dict[str, set]) -> None:
    """Gather the image and document ids chosen in blocks, and the rich texts, of a stored body."""
    for child, _path, value in walk(block, raw):
        kind = chooser_kind(child)
        if kind is not None and isinstance(value, int):
            found[f"{kind}s"].add(value)
    found["rich_text"].update(stored_rich_texts(block, raw))


def load_body_references(pages: Iterable, request: HttpRequest) -> None:
    """Load, in a fixed number of queries, everything the bodies of ``pages`` refer to."""
    found: dict[str, set] = {"rich_text": set(), "images": set(), "documents": set()}
    for page in pages:
        body = getattr(page, "body", None)
        if body is not None:
            collect_body_references(body.stream_block, body.raw_data, found)
    cache = request_cache(request)
    specs = get_setting("API_IMAGE_RENDITIONS").values()
    images = get_image_model().objects.filter(pk__in=found["images"]).prefetch_renditions(*specs)
    cache.setdefault("images", {}).update({i.pk: i for i in images} if found["images"] else {})
    documents = get_document_model().objects.filter(pk__in=found["documents"])
    cache.setdefault("documents", {}).update(
        {d.pk: d for d in documents} if found["documents"] else {}
    )
    cache.setdefault("rich_text", {}).update(expand_rich_texts(found["rich_text"]))


def _cached_object(request: HttpRequest, kind: str, model, pk: int):
    objects = request_cache(request).setdefault(kind, {})
    if pk not in objects:
        objects[pk] = model.objects.filter(pk=pk).first()
    return objects[pk]


def body_representation(block: blocks.Block, raw, request: HttpRequest, base: str, router=None):
    """The stored body as structured JSON: rich text with absolute links, images with renditions,
    files with URL, size and type."""
    if isinstance(block, blocks.BaseStreamBlock):
        return [
            {
                "type": item["type"],
                "id": item.get("id"),
                "value": body_representation(
                    block.child_blocks[item["type"]], item.get("value"), request, base, router
                ),
            }
            for item in stream_items(raw)
            if item["type"] in block.child_blocks
        ]
    if isinstance(block, blocks.BaseStructBlock):
        raw = raw if isinstance(raw, dict) else {}
        return {
            name: body_representation(child, raw.get(name), request, base, router)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [
            body_representation(
                block.child_block,
                item.get("value") if isinstance(item, dict) and "type" in item else item,
                request,
                base,
                router,
            )
            for item in raw or []
        ]
    if isinstance(block, blocks.RichTextBlock):
        if not raw:
            return ""
        expanded = request_cache(request).setdefault("rich_text", {})
        if raw not in expanded:
            expanded[raw] = expand_db_html(raw)
        return absolute_rich_text(expanded[raw], base)
    if isinstance(block, ImageChooserBlock):
        image = _cached_object(request, "images", get_image_model(), raw) if raw else None
        return image_data(image, request, router)
    if isinstance(block, DocumentChooserBlock):
        document = _cached_object(request, "documents", get_document_model(), raw) if raw else None
        return document_data(document, request, router)
    if isinstance(block, TableBlock):
        return raw
    return block.get_api_representation(block.to_python(raw), {"request": request})


# Serializer fields ---------------------------------------------------------------------------


class _InstanceField(Field):
    """A read-only field computed from the whole object."""

    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def get_attribute(self, instance):
        return instance

    @property
    def request(self):
        return self.context["request"]

    @property
    def router(self):
        return self.context.get("router")


class DateTimeField(Field):
    """A moment in ISO 8601 with the time zone's offset."""

    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, value):
        return iso_datetime(value)


class DateField(DateTimeField):
    """A calendar day in ISO 8601 (``2021-03-30``)."""

    def to_representation(self, value):
        return iso_date(value)


class PageLinksField(_InstanceField):
    """Print view, QR codes, short link and feeds of the page."""

    def to_representation(self, page):
        return page_links(page, self.request)


class HtmlUrlField(_InstanceField):
    """The page's canonical absolute URL, from the Wagtail site it belongs to."""

    def to_representation(self, page):
        return absolute_url(page, self.request)


class AgencyField(Field):
    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, agency):
        return agency_data(agency, self.context["request"], self.context.get("router"))


class CategoriesField(Field):
    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, manager):
        return [{"name": c.name, "slug": c.slug} for c in manager.all()]


class ImageField(Field):
    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, image):
        return image_data(image, self.context["request"], self.context.get("router"))


class FileField(Field):
    def __init__(self, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)

    def to_representation(self, document):
        return document_data(document, self.context["request"], self.context.get("router"))


class BodyField(_InstanceField):
    """An article body as structured StreamField JSON, every URL in it absolute."""

    def to_representation(self, page):
        base = absolute_url(page, self.request) or media_base(self.request)
        return body_representation(
            page.body.stream_block, page.body.raw_data, self.request, base, self.router
        )


class RelatedDocumentsField(_InstanceField):
    """The public directive documents an article cites."""

    def to_representation(self, page):
        prefetched = getattr(page, "_prefetched_objects_cache", {}).get("related_documents")
        if prefetched is None:
            related = getattr(page, "related_documents", None)
            if related is None:
                return []
            prefetched = public_pages(related.all()).order_by("-issue_date", "-pk")
        return [page_summary(document, self.request, self.router) for document in prefetched]


class DocumentNumberField(_InstanceField):
    """The reference number as written and its parsed parts."""

    def to_representation(self, page):
        return {
            "raw": page.document_number,
            "number": page.number,
            "year": page.number_year,
            "type": page.document_type,
            "issuer": page.issuer_code,
            "unit": page.unit_code or None,
        }


class DocumentTypeField(_InstanceField):
    def to_representation(self, page):
        return {"code": page.document_type, "name": DOCUMENT_TYPES.get(page.document_type, "")}


class LevelField(_InstanceField):
    def to_representation(self, page):
        labels = dict(DocumentLevel.choices)
        return {"code": page.level, "name": str(labels.get(page.level, page.level))}


class IssuerField(_InstanceField):
    """The issuing body: an agency of the portal, or the name and code written on the document."""

    def to_representation(self, page):
        if page.issuer_id and page.issuer is not None:
            return agency_data(page.issuer, self.request, self.router)
        return {
            "id": None,
            "code": page.issuer_code or None,
            "name": page.issuer_name or page.issuer_code,
            "short_name": "",
            "html_url": None,
        }


class AgencyKindField(_InstanceField):
    """The kind of agency as its code and its label."""

    def to_representation(self, agency: Model):
        return {"code": agency.kind, "name": str(agency.get_kind_display())}


class AgencyPageField(_InstanceField):
    """The agency's public page on the requested site."""

    def to_representation(self, agency: Model):
        page = agency_pages(self.request).get(agency.pk)
        return page_summary(page, self.request, self.router) if page is not None else None


class AgencyFeedsField(_InstanceField):
    """The feeds of the agency's page."""

    def to_representation(self, agency: Model):
        page = agency_pages(self.request).get(agency.pk)
        return page_links(page, self.request).get("feeds") if page is not None else None


class AgencyHtmlUrlField(_InstanceField):
    def to_representation(self, agency: Model):
        page = agency_pages(self.request).get(agency.pk)
        return absolute_url(page, self.request) if page is not None else None


class AbsoluteDownloadUrlField(_InstanceField):
    """An image's original file, absolute."""

    def to_representation(self, image):
        return make_absolute(original_image_url(image), media_base(self.request))
