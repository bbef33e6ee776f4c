"""Feed items from pages, in a fixed number of queries however many items a feed holds.

Article bodies are written from the StreamField's raw data so that the images, files and rich
text links of every item are loaded together, not one article at a time.
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Iterable
from datetime import datetime
from html import escape
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.rich_text import expand_db_html

from wagtail_baucu.conf import get_setting
from wagtail_baucu.feeds.html import sanitize_html
from wagtail_baucu.feeds.items import (
    Enclosure,
    FeedAuthor,
    FeedCategory,
    FeedItem,
    MediaImage,
    page_item_id,
    plain_text,
)
from wagtail_baucu.public import make_absolute
from wagtail_baucu.references import stream_references
from wagtail_baucu.text.dates import format_date_vi

logger = logging.getLogger(__name__)

LEAD_RENDITION = "width-960"
THUMBNAIL_RENDITION = "fill-480x270"
BODY_RENDITION = "width-960"
# Splits the rich text of many items expanded in one pass (one query for all their links).
_SPLIT = "<!--baucu-feed-item-split-->"


def article_queryset(queryset: QuerySet) -> QuerySet:
    """What building article items reads, loaded in a fixed number of queries."""
    images = get_image_model().objects.prefetch_renditions(LEAD_RENDITION, THUMBNAIL_RENDITION)
    return queryset.select_related("agency").prefetch_related(
        Prefetch("lead_image", queryset=images), "categories"
    )


def document_queryset(queryset: QuerySet) -> QuerySet:
    """What building document items reads, loaded in a fixed number of queries."""
    return queryset.select_related("agency", "issuer", "file")


def question_queryset(queryset: QuerySet) -> QuerySet:
    """What building question items reads: the page's own fields only."""
    return queryset


def expand_rich_text_many(sources: list[str]) -> list[str]:
    """Wagtail's database rich text of many fields expanded together (page and document links
    resolved in one query per link type)."""
    if not sources:
        return []
    expanded = expand_db_html(_SPLIT.join(sources)).split(_SPLIT)
    if len(expanded) != len(sources):  # a field held the marker: expand one by one
        expanded = [expand_db_html(source) for source in sources]
    return expanded


def _mime_type(filename: str, default: str = "application/octet-stream") -> str:
    return mimetypes.guess_type(filename)[0] or default


class FeedItemBuilder:
    """Turns article and document pages into ``FeedItem`` objects for one site.

    ``root_url`` is the site's scheme and host; ``schemes`` the URLs that give categories a
    meaning (``category``, ``document-type`` and the portal URL for the others).
    """

    def __init__(
        self,
        *,
        root_url: str,
        request: HttpRequest | None = None,
        portal_url: str = "",
        category_scheme: str = "",
        document_type_scheme: str = "",
        fallback_author: FeedAuthor | None = None,
    ):
        self.root_url = root_url.rstrip("/") + "/"
        self.request = request
        self.portal_url = portal_url or self.root_url
        self.category_scheme = category_scheme or self.portal_url + "#category"
        self.document_type_scheme = document_type_scheme or self.portal_url + "#document-type"
        self.fallback_author = fallback_author
        self.zone = ZoneInfo(get_setting("TIME_ZONE"))
        self.authority = get_setting("FEED_ID_AUTHORITY") or (
            urlsplit(self.root_url).hostname or "localhost"
        )

    # Shared parts -------------------------------------------------------------------------

    def absolute(self, url: str) -> str:
        return make_absolute(url, self.root_url)

    def page_link(self, page) -> str:
        return page.get_full_url(self.request) or self.root_url

    def dates(self, page) -> tuple[datetime, datetime]:
        # Whole seconds: HTTP dates (Last-Modified) have no fractions to compare with.
        published = page.first_published_at.astimezone(self.zone).replace(microsecond=0)
        updated = (page.last_published_at or page.first_published_at).astimezone(self.zone)
        updated = updated.replace(microsecond=0)
        return published, max(published, updated)

    def author(self, agency) -> FeedAuthor | None:
        if agency is None:
            return self.fallback_author
        return FeedAuthor(name=agency.name, uri=agency.website or "")

    def media_image(self, image) -> MediaImage | None:
        """The lead image's renditions; ``None`` if the image or its file is gone."""
        if image is None:
            return None
        try:
            renditions = image.get_renditions(LEAD_RENDITION, THUMBNAIL_RENDITION)
            lead, thumb = renditions[LEAD_RENDITION], renditions[THUMBNAIL_RENDITION]
        except Exception:  # a missing or unreadable file must not break a feed
            logger.warning("Feed: no rendition for image %s", image.pk, exc_info=True)
            return None
        return MediaImage(
            url=self.absolute(lead.url),
            width=lead.width,
            height=lead.height,
            mime_type=_mime_type(lead.file.name, "image/jpeg"),
            thumbnail_url=self.absolute(thumb.url),
            thumbnail_width=thumb.width,
            thumbnail_height=thumb.height,
            title=image.title,
        )

    def enclosure(self, document) -> Enclosure | None:
        if document is None:
            return None
        try:
            size = document.file_size if document.file_size is not None else document.file.size
        except Exception:  # the file is gone from storage
            logger.warning("Feed: no file for document %s", document.pk, exc_info=True)
            return None
        return Enclosure(
            url=self.absolute(document.url),
            length=int(size or 0),
            mime_type=_mime_type(document.filename, "application/octet-stream"),
            title=document.title,
        )

    def item_id(self, page) -> str:
        return page_item_id(self.authority, page.first_published_at, page.pk)

    def figure(self, url: str, alt: str, width: int, height: int, caption: str = "") -> str:
        caption_html = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
        return (
            f'<figure><img src="{escape(url)}" alt="{escape(alt)}" width="{width}" '
            f'height="{height}">{caption_html}</figure>'
        )

    # Articles ----------------------------------------------------------------------------

    def articles(self, pages: Iterable) -> list[FeedItem]:
        """Items for article pages loaded with ``article_queryset``."""
        pages = list(pages)
        raw_bodies = [list(page.body.raw_data) if page.body else [] for page in pages]
        images, documents = self._body_objects(pages, raw_bodies)
        rich_texts = [
            block.get("value") or ""
            for body in raw_bodies
            for block in body
            if block.get("type") == "paragraph"
        ]
        expanded = iter(expand_rich_text_many(rich_texts))
        items = []
        for page, body in zip(pages, raw_bodies, strict=True):
            body_html = []
            for block in body:
                if block.get("type") == "paragraph":
                    body_html.append(next(expanded))
                else:
                    body_html.append(self._render_block(page, block, images, documents))
            items.append(self._article_item(page, body, "".join(body_html), documents))
        return items

    def _body_objects(self, pages: list, raw_bodies: list[list[dict]]) -> tuple[dict, dict]:
        # The blocks' choices only: files linked from rich text are rendered by expand_db_html.
        ids: dict[str, set] = {"image": set(), "document": set()}
        for page, body in zip(pages, raw_bodies, strict=True):
            for reference in stream_references(page.body.stream_block, body, rich_text=False):
                ids[reference.kind].add(reference.pk)
        image_ids, document_ids = ids["image"], ids["document"]
        images = (
            get_image_model().objects.prefetch_renditions(BODY_RENDITION).in_bulk(image_ids)
            if image_ids
            else {}
        )
        documents = get_document_model().objects.in_bulk(document_ids) if document_ids else {}
        return images, documents

    def _render_block(self, page, block: dict, images: dict, documents: dict) -> str:
        block_type, value = block.get("type"), block.get("value")
        try:
            if block_type == "image":
                image = images.get(value.get("image"))
                if image is None:
                    return ""
                rendition = image.get_rendition(BODY_RENDITION)
                alt = value.get("alt_text") or value.get("caption") or image.title
                return self.figure(
                    self.absolute(rendition.url),
                    alt,
                    rendition.width,
                    rendition.height,
                    value.get("caption") or "",
                )
            if block_type == "document":
                document = documents.get(value.get("document"))
                if document is None:
                    return ""
                title = value.get("title") or document.title
                return f'<p><a href="{escape(self.absolute(document.url))}">{escape(title)}</a></p>'
            child_block = page.body.stream_block.child_blocks.get(block_type)
            if child_block is None:
                return ""
            return str(child_block.render(child_block.to_python(value)))
        except Exception:  # odd content is left out, the feed still builds
            logger.warning("Feed: block %s of page %s skipped", block_type, page.pk, exc_info=True)
            return ""

    def _article_item(self, page, raw_body: list[dict], body_html: str, documents: dict):
        published, updated = self.dates(page)
        image = self.media_image(page.lead_image)
        parts = [f"<p><strong>{escape(page.lead)}</strong></p>"] if page.lead else []
        if image is not None:
            parts.append(self.figure(image.url, image.title, image.width, image.height))
        parts.append(body_html)
        if page.source_name:
            source = escape(page.source_name)
            if page.source_url:
                source = f'<a href="{escape(page.source_url)}">{source}</a>'
            # Labels outside the f-strings: xgettext does not read inside them.
            label = _("Original source")
            parts.append(f"<p>{escape(label)}: {source}</p>")
        if page.agency is not None:
            label = _("Source")
            parts.append(f"<p>{escape(label)}: {escape(page.agency.name)}</p>")
        enclosures = []
        for block in raw_body:
            if block.get("type") == "document" and isinstance(block.get("value"), dict):
                enclosure = self.enclosure(documents.get(block["value"].get("document")))
                if enclosure is not None and enclosure not in enclosures:
                    enclosures.append(enclosure)
        categories = tuple(
            FeedCategory(term=category.slug, label=category.name, scheme=self.category_scheme)
            for category in page.categories.all()
        )
        return FeedItem(
            id=self.item_id(page),
            title=page.title,
            link=self.page_link(page),
            published=published,
            updated=updated,
            summary=plain_text(page.lead),
            content_html=sanitize_html("".join(parts), self.root_url),
            author=self.author(page.agency),
            categories=categories,
            image=image,
            enclosures=tuple(enclosures),
        )

    # Questions from voters ---------------------------------------------------------------

    def questions(self, pages: Iterable) -> list[FeedItem]:
        """Items for Q&A pages: the question, then the answer (links expanded together)."""
        pages = list(pages)
        answers = expand_rich_text_many([page.answer or "" for page in pages])
        items = []
        for page, answer_html in zip(pages, answers, strict=True):
            published, updated = self.dates(page)
            question = f"<p><strong>{escape(page.question)}</strong></p>"
            items.append(
                FeedItem(
                    id=self.item_id(page),
                    title=page.title,
                    link=self.page_link(page),
                    published=published,
                    updated=updated,
                    summary=plain_text(page.question, 300),
                    content_html=sanitize_html(question + answer_html, self.root_url),
                    author=self.fallback_author,
                    categories=(
                        FeedCategory(
                            term=page.topic, label=page.topic, scheme=self.portal_url + "#topic"
                        ),
                    )
                    if page.topic
                    else (),
                )
            )
        return items

    # Directive documents -----------------------------------------------------------------

    def documents(self, pages: Iterable) -> list[FeedItem]:
        """Items for directive document pages loaded with ``document_queryset``."""
        return [self._document_item(page) for page in pages]

    def _document_item(self, page) -> FeedItem:
        published, updated = self.dates(page)
        enclosure = self.enclosure(page.file)
        issuer = page.issuer_display
        rows = [
            (_("Reference number"), page.document_number),
            (pgettext("directive document", "Type"), page.document_type_name),
            (_("Issuing body"), issuer),
            (_("Issue date"), format_date_vi(page.issue_date) if page.issue_date else ""),
            (
                _("Effective date"),
                format_date_vi(page.effective_date) if page.effective_date else "",
            ),
        ]
        details = "".join(
            f"<dt>{escape(label)}</dt><dd>{escape(str(value))}</dd>"
            for label, value in rows
            if value
        )
        parts = [f"<dl>{details}</dl>", f"<p>{escape(page.summary)}</p>"]
        if enclosure is not None:
            link_text = escape(_("Download the document"))
            parts.append(f'<p><a href="{escape(enclosure.url)}">{link_text}</a></p>')
        portal = self.portal_url
        categories = [
            FeedCategory(
                term=page.document_type,
                label=page.document_type_name,
                scheme=self.document_type_scheme,
            ),
            FeedCategory(
                term=page.document_number, label=page.document_number, scheme=portal + "#number"
            ),
        ]
        issuer_code = page.issuer.code if page.issuer is not None else page.issuer_code
        if issuer_code or issuer:
            categories.append(
                FeedCategory(term=issuer_code or issuer, label=issuer, scheme=portal + "#issuer")
            )
        for name, value in (
            ("issue-date", page.issue_date),
            ("effective-date", page.effective_date),
        ):
            if value:
                categories.append(
                    FeedCategory(
                        term=value.isoformat(), label=value.isoformat(), scheme=f"{portal}#{name}"
                    )
                )
        return FeedItem(
            id=self.item_id(page),
            title=page.title,
            link=self.page_link(page),
            published=published,
            updated=updated,
            summary=plain_text(f"{page.document_number}: {page.summary}"),
            content_html=sanitize_html("".join(parts), self.root_url),
            author=self.author(page.agency or page.issuer),
            categories=tuple(categories),
            enclosures=(enclosure,) if enclosure else (),
        )
