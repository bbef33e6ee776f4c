"""The images and documents a StreamField or rich text refers to: one walker for every reader.

Pure: it reads block definitions and stored data (or a StreamField value) and queries nothing.
The permission checks, the feeds and the API all ask it, so a block or a rich-text link that
refers to a file is seen by each of them or by none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

Kind = Literal["image", "document"]

# Wagtail stores rich text with ids, not URLs: <a linktype="document" id="3"> for a file link,
# <embed embedtype="image" id="5" .../> for an image; attributes come in any order.
_TAG = re.compile(r"<(a|embed)\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_RICH_TEXT_KINDS = {("a", "linktype", "document"), ("embed", "embedtype", "image")}
# Draftail's contentstate (what the admin widget posts) names the same entities in capitals.
_CONTENTSTATE_KINDS = {"DOCUMENT": "document", "IMAGE": "image"}


@dataclass(frozen=True)
class Reference:
    """One image or document named in stored content, and where: ``path`` is the chain of
    stream indexes, struct child names and list indexes down to the block that names it."""

    kind: Kind
    pk: int
    path: tuple[int | str, ...] = ()


def _pk(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 19:
        return int(value)
    return None


def rich_text_references(html: str) -> Iterator[tuple[Kind, int]]:
    """(kind, pk) of every file link and image embed in stored rich text (Wagtail's database
    format), or in Draftail contentstate JSON."""
    if not html:
        return
    stripped = html.lstrip()
    if stripped.startswith("{"):
        yield from _contentstate_references(stripped)
        return
    for match in _TAG.finditer(html):
        tag = match.group(1).lower()
        attributes = {
            found.group(1).lower(): found.group(2) if found.group(2) is not None else found.group(3)
            for found in _ATTRIBUTE.finditer(match.group(2))
        }
        for kind_tag, attribute, kind in _RICH_TEXT_KINDS:
            if tag == kind_tag and attributes.get(attribute) == kind:
                pk = _pk(attributes.get("id"))
                if pk is not None:
                    yield kind, pk


def _contentstate_references(text: str) -> Iterator[tuple[Kind, int]]:
    try:
        entity_map = json.loads(text).get("entityMap") or {}
    except (ValueError, AttributeError):
        return
    entities = entity_map.values() if isinstance(entity_map, dict) else entity_map
    for entity in entities:
        if not isinstance(entity, dict):
            continue
        kind = _CONTENTSTATE_KINDS.get(entity.get("type"))
        data = entity.get("data") if isinstance(entity.get("data"), dict) else {}
        pk = _pk(data.get("id"))
        if kind is not None and pk is not None:
            yield kind, pk


def chooser_kind(block: blocks.Block) -> Kind | None:
    """``"image"`` or ``"document"`` for a chooser block of the site's image or document model.

    Compares real model classes: a chooser's ``target_model`` may be a model or an
    ``"app_label.Model"`` string (``DocumentChooserBlock``'s is), ``model_class`` resolves both.
    """
    if not isinstance(block, blocks.ChooserBlock):
        return None
    model = block.model_class
    if issubclass(model, get_image_model()):
        return "image"
    if issubclass(model, get_document_model()):
        return "document"
    return None


def stream_items(raw) -> list:
    return [item for item in raw or [] if isinstance(item, dict) and "type" in item]


def list_items(raw) -> list:
    # A ListBlock stores {"type": "item", "value": ..., "id": ...} items; older data plain values.
    if not isinstance(raw, list):
        return []
    return [
        item.get("value") if isinstance(item, dict) and item.get("type") == "item" else item
        for item in raw
    ]


def walk(
    block: blocks.Block, raw, path: tuple = ()
) -> Iterator[tuple[blocks.Block, tuple, object]]:
    """(block, path, raw value) of every block in stored data, depth first, ``block`` first."""
    yield block, path, raw
    if isinstance(block, blocks.BaseStreamBlock):
        for index, item in enumerate(stream_items(raw)):
            child = block.child_blocks.get(item["type"])
            if child is not None:
                yield from walk(child, item.get("value"), (*path, index))
    elif isinstance(block, blocks.BaseStructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            yield from walk(child, raw.get(name), (*path, name))
    elif isinstance(block, blocks.ListBlock):
        for index, item in enumerate(list_items(raw)):
            yield from walk(block.child_block, item, (*path, index))


def stream_references(block: blocks.Block, raw, *, rich_text: bool = True) -> Iterator[Reference]:
    """Every image and document that stored StreamField data refers to, with where it is:
    chooser blocks at any depth, and (unless ``rich_text`` is false) file links and image
    embeds inside rich text blocks."""
    for child, path, value in walk(block, raw):
        kind = chooser_kind(child)
        if kind is not None:
            pk = _pk(value)
            if pk is not None:
                yield Reference(kind, pk, path)
        elif rich_text and isinstance(child, blocks.RichTextBlock) and isinstance(value, str):
            for rich_kind, pk in rich_text_references(value):
                yield Reference(rich_kind, pk, path)


def value_references(block: blocks.Block, value) -> Iterator[Reference]:
    """``stream_references`` of a StreamField value (a ``StreamValue`` or the form's cleaned
    value), read through its stored form."""
    if value is None:
        return
    yield from stream_references(block, block.get_prep_value(value))


def stored_rich_texts(block: blocks.Block, raw) -> Iterator[str]:
    """The stored HTML of every rich text block in stored StreamField data."""
    for child, _path, value in walk(block, raw):
        if isinstance(child, blocks.RichTextBlock) and isinstance(value, str) and value:
            yield value
