"""StreamField blocks for article bodies."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=pgettext_lazy("article body", "image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        max_length=255,
        help_text=_(
            "Describes the image for people who cannot see it; the caption is used if empty."
        ),
    )

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "wagtail_baucu/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "wagtail_baucu/blocks/quote.html"


class EmbeddedDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=pgettext_lazy("article body", "document"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=255,
        help_text=_("The file's title if empty."),
    )

    class Meta:
        icon = "doc-full"
        label = pgettext_lazy("article body", "Document")
        template = "wagtail_baucu/blocks/embedded_document.html"


class ArticleBodyBlock(blocks.StreamBlock):
    """The body of a news article."""

    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock(
        label=pgettext_lazy("article body", "Table"), template="wagtail_baucu/blocks/table.html"
    )
    document = EmbeddedDocumentBlock()
