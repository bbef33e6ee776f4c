"""The one walker over StreamField and rich-text references, on stored data alone."""

from __future__ import annotations

import json

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from wagtail_baucu.pages.blocks import ArticleBodyBlock
from wagtail_baucu.references import (
    Reference,
    chooser_kind,
    rich_text_references,
    stream_references,
)


class Nested(blocks.StreamBlock):
    files = blocks.ListBlock(
        blocks.StructBlock([("file", DocumentChooserBlock()), ("note", blocks.RichTextBlock())])
    )
    inner = blocks.StreamBlock([("picture", ImageChooserBlock())])


def test_chooser_kind_resolves_the_document_models_string():
    block = DocumentChooserBlock()
    assert isinstance(block.target_model, str)  # why comparing it with classes missed it
    assert chooser_kind(block) == "document"
    assert chooser_kind(ImageChooserBlock()) == "image"
    assert chooser_kind(blocks.PageChooserBlock()) is None


def test_article_body_blocks_and_rich_text():
    raw = [
        {"type": "paragraph", "value": '<p><a id="4" linktype="document">a</a></p>'},
        {"type": "image", "value": {"image": 7, "caption": "", "alt_text": ""}},
        {"type": "document", "value": {"document": 9, "title": ""}},
        {"type": "paragraph", "value": "<embed alt='x' embedtype='image' id='11'/>"},
        {"type": "gone", "value": {"document": 99}},
    ]
    assert list(stream_references(ArticleBodyBlock(), raw)) == [
        Reference("document", 4, (0,)),
        Reference("image", 7, (1, "image")),
        Reference("document", 9, (2, "document")),
        Reference("image", 11, (3,)),
    ]


def test_any_nesting_and_both_list_formats():
    raw = [
        {
            "type": "files",
            "value": [
                {"type": "item", "id": "a", "value": {"file": 1, "note": ""}},
                {"file": 2, "note": '<a linktype="document" id="3">x</a>'},
            ],
        },
        {"type": "inner", "value": [{"type": "picture", "value": 5}]},
    ]
    assert list(stream_references(Nested(), raw)) == [
        Reference("document", 1, (0, 0, "file")),
        Reference("document", 2, (0, 1, "file")),
        Reference("document", 3, (0, 1, "note")),
        Reference("image", 5, (1, 0)),
    ]


def test_rich_text_ignores_other_links_and_odd_ids():
    html = (
        '<a linktype="page" id="1">p</a><a href="/x">x</a><a linktype="document" id="²">d</a>'
        '<a linktype="document" id="">e</a><embed embedtype="media" url="u"/>'
    )
    assert list(rich_text_references(html)) == []


def test_draftail_contentstate_entities():
    contentstate = json.dumps(
        {
            "blocks": [],
            "entityMap": {
                "0": {"type": "DOCUMENT", "data": {"id": 8}},
                "1": {"type": "IMAGE", "data": {"id": "12"}},
                "2": {"type": "LINK", "data": {"url": "/"}},
            },
        }
    )
    assert list(rich_text_references(contentstate)) == [("document", 8), ("image", 12)]
    assert list(rich_text_references("{not json")) == []
