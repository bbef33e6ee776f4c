"""The election page types' behaviour, as abstract models.

Projects that keep Wagtail's default ``Page`` use the concrete pages in
``wagtail_baucu.pages.models``. Projects with a custom base page (``WAGTAIL_PAGE_MODEL``) build
their own concrete pages from these mixins and their base page, for example::

    class NewsArticlePage(NewsArticleMixin, BasePage):
        content_panels = BasePage.content_panels + NewsArticleMixin.baucu_content_panels
        search_fields = BasePage.search_fields + NewsArticleMixin.baucu_search_fields
        template = "wagtail_baucu/pages/news_article_page.html"

Everything else in the package finds pages through these mixins, never the concrete classes.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.search import index

from wagtail_baucu.agencies.permissions import SET_PAGE_AGENCY
from wagtail_baucu.conf import get_setting
from wagtail_baucu.documents.numbers import (
    DOCUMENT_TYPES,
    OFFICIAL_LETTER,
    InvalidDocumentNumber,
    parse_document_number,
)
from wagtail_baucu.feeds.routes import (
    AgencyFeedsMixin,
    DocumentIndexFeedsMixin,
    NewsIndexFeedsMixin,
    PortalFeedsMixin,
)
from wagtail_baucu.freshness import cached_count
from wagtail_baucu.language import preview_language, speak_content_language
from wagtail_baucu.pages.blocks import ArticleBodyBlock
from wagtail_baucu.pages.forms import BaucuPageForm
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.public import is_public, public_pages
from wagtail_baucu.text.folding import (
    QueryOutOfBounds,
    bounded_query,
    clean_query,
    fold,
    query_terms,
)
from wagtail_baucu.text.integers import parse_bounded_int
from wagtail_baucu.text.slugs import vietnamese_slugify

LISTING_RENDITION = "fill-480x270"


def search_pages(queryset: QuerySet, raw_query: str | None) -> QuerySet:
    """Filter pages whose folded text holds every word of the query, accents or not.

    A stored ASCII-folded copy gives the same answers on SQLite and PostgreSQL, and lets a
    reference number such as ``34/UBBC`` match as typed.
    """
    terms = query_terms(raw_query)
    if not terms:
        # A query of only punctuation or symbols matches nothing rather than everything.
        return queryset.none()
    for term in terms:
        queryset = queryset.filter(search_text__contains=term)
    return queryset


def paginate(
    queryset: QuerySet, request: HttpRequest, per_page: int, count: int | None = None
) -> PaginatorPage:
    """One page of results: a malformed or too small ``?page=`` gives the first, too big the last.

    ``count``, when known (e.g. from the cache), spares the paginator its ``COUNT`` query.
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is never computed
    raw = (request.GET.get("page") or "").strip()
    number = parse_bounded_int(raw)
    if number is None:
        # Past the end, if it is all digits; the first page for anything else.
        return paginator.page(paginator.num_pages if raw.isascii() and raw.isdigit() else 1)
    return paginator.get_page(max(number, 1))


def query_param(request: HttpRequest, name: str, max_length: int) -> str:
    """A ``?name=`` filter value without control characters (PostgreSQL refuses NUL), trimmed."""
    return clean_query(request.GET.get(name))[:max_length]


def query_bound_message(error: QueryOutOfBounds) -> str:
    """What a reader is told on an HTML page when their search is past the bounds."""
    if error.bound == "length":
        return _("The search text is longer than %(max)d characters. Please shorten it.") % {
            "max": error.limit
        }
    return _("The search text has more than %(max)d different words. Keep the main ones.") % {
        "max": error.limit
    }


def known_issuer(code: str) -> bool:
    """Whether ``code`` is an agency's or the issuer of a public directive document.

    An issuer named only by drafts or private documents is as unknown as one nobody names, so
    no answer tells them apart. Used by the document index and the API alike.
    """
    from wagtail_baucu.agencies.models import Agency

    model = page_model(DirectiveDocumentMixin)
    return (
        Agency.objects.filter(code=code).exists()
        or public_pages(model.objects.filter(issuer_code=code)).exists()
    )


def with_listing_relations(queryset: QuerySet) -> QuerySet:
    """Load what a listing shows in a fixed number of queries, however many items."""
    images = get_image_model().objects.prefetch_renditions(LISTING_RENDITION)
    return queryset.select_related("agency").prefetch_related(
        Prefetch("lead_image", queryset=images), "categories"
    )


class BaucuPageMixin(models.Model):
    """What every page of the package has: a folded search text, server-made slugs, a portal."""

    search_text = models.TextField(editable=False, blank=True, default="")

    base_form_class = BaucuPageForm
    baucu_search_fields = [index.SearchField("search_text")]

    class Meta:
        abstract = True

    def get_search_text_parts(self) -> list[str]:
        """The texts a visitor may search this page by; extended by each page type."""
        return [self.title, getattr(self, "search_description", "")]

    def full_clean(self, *args, **kwargs):
        # Slugs are made on the server: Wagtail's admin JavaScript turns đ into "dj".
        if self.slug and not self.slug.isascii():
            self.slug = vietnamese_slugify(self.slug)
        elif not self.slug and self.title:
            self.slug = vietnamese_slugify(self.title)
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join(p for p in self.get_search_text_parts() if p))
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = list(update_fields) + ["search_text"]
        return super().save(*args, **kwargs)

    def get_sitemap_urls(self, request=None):
        # Wagtail's sitemap lists live pages; one past its expiry time is gone for visitors already.
        if self.expire_at is not None and self.expire_at <= timezone.now():
            return []
        # It lists an alias by its own place; the source's state and place count too.
        if self.alias_of_id is not None and not is_public(self):
            return []
        return super().get_sitemap_urls(request)

    @cached_property
    def portal(self):
        """The election portal this page belongs to (itself for a portal), or ``None``."""
        if isinstance(self, ElectionPortalMixin):
            return self
        model = page_model(ElectionPortalMixin)
        return model.objects.ancestor_of(self).order_by("-depth").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["portal"] = self.portal
        return context

    def serve_password_required_response(self, request, form, action_url):
        # Wagtail's view that checks a submitted password reaches the page here, not through
        # serve() and before_serve_page: the form shown again speaks the page's language too,
        # its error checked again once that language is active (Wagtail's is not lazy).
        speak_content_language(self, request)
        if form.is_bound:
            form.full_clean()
        return super().serve_password_required_response(request, form, action_url)

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        # Previews (the editor's panel, a new tab, the draft, a revision under review) render in
        # the page's language, as readers will see it; serve_preview skips before_serve_page.
        language, attrs = preview_language(self, extra_request_attrs)
        with translation.override(language):
            return super().make_preview_request(original_request, preview_mode, attrs)


class AgencyContentMixin(models.Model):
    """An item contributed by an agency: the agency is the one whose space holds the page."""

    agency = models.ForeignKey(
        "wagtail_baucu.Agency",
        verbose_name=_("source agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_('Shown as "Nguồn tin". Set from the agency\'s space when the page is in one.'),
    )

    class Meta:
        abstract = True

    def agency_from_tree(self):
        """The agency whose space (an agency page) holds this page, if any."""
        if not self.path:
            parent = getattr(self, "_cached_parent_obj", None)
            if parent is None:
                return None
            candidates = [parent.specific] + [
                p.specific for p in parent.get_ancestors().filter(depth__gt=1)
            ]
        else:
            model = page_model(AgencyPageMixin)
            candidates = list(model.objects.ancestor_of(self).select_related("agency"))
        for page in reversed(candidates):
            if isinstance(page, AgencyPageMixin) and page.agency_id:
                return page.agency
        return None

    def full_clean(self, *args, **kwargs):
        # Drafts too: a revision never records another agency than the tree's.
        tree_agency = self.agency_from_tree()
        if tree_agency is not None:
            self.agency = tree_agency
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        # The agency is decided by where the page lives, never by a form value.
        tree_agency = self.agency_from_tree()
        if tree_agency is not None:
            self.agency = tree_agency
        return super().save(*args, **kwargs)


class ListingMixin:
    """Helpers shared by the pages that list news and documents."""

    def news_queryset(self) -> QuerySet:
        model = page_model(NewsArticleMixin)
        within = self.portal or self
        return with_listing_relations(
            public_pages(model.objects.all(), within=within).order_by("-first_published_at", "-pk")
        )

    def documents_queryset(self) -> QuerySet:
        model = page_model(DirectiveDocumentMixin)
        within = self.portal or self
        return (
            public_pages(model.objects.all(), within=within)
            .select_related("agency", "issuer", "file")
            .order_by("-issue_date", "-first_published_at", "-pk")
        )


class ElectionPortalMixin(PortalFeedsMixin, RoutablePageMixin, ListingMixin, BaucuPageMixin):
    """The home of one election's information site."""

    election_name = models.CharField(
        _("election name"),
        max_length=255,
        help_text=_(
            "E.g. Election of deputies to the 15th National Assembly and People's Councils"
        ),
    )
    election_day = models.DateField(_("election day"), null=True, blank=True)
    introduction = RichTextField(_("introduction"), blank=True)

    baucu_content_panels = [
        FieldPanel("election_name"),
        FieldPanel("election_day"),
        FieldPanel("introduction"),
    ]

    class Meta:
        abstract = True

    def get_search_text_parts(self) -> list[str]:
        return super().get_search_text_parts() + [self.election_name, strip_tags(self.introduction)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        count = get_setting("PORTAL_LATEST_COUNT")
        context["latest_news"] = self.news_queryset()[:count]
        context["latest_documents"] = self.documents_queryset()[:count]
        context["news_index"] = self.find_child(NewsIndexMixin)
        context["document_index"] = self.find_child(DocumentIndexMixin)
        # Other apps add their part of the home (the elections app: the timeline).
        for add_context in hooks.get_hooks("baucu_portal_context"):
            add_context(self, request, context)
        return context

    def find_child(self, mixin: type):
        """The first public child page of this portal built on ``mixin``."""
        from wagtail_baucu.pages.structure import find_child

        return find_child(self, mixin)

    @path("tim-kiem/", name="search")
    def search(self, request: HttpRequest) -> HttpResponse:
        """Search news and documents of this election, with or without accents."""
        template = "wagtail_baucu/pages/search_results.html"
        try:
            query = bounded_query(request.GET.get("q"))
        except QueryOutOfBounds as error:
            # Said before any query is made: a search is never silently cut.
            response = self.render(
                request,
                template=template,
                context_overrides={"search_error": query_bound_message(error)},
            )
            response.status_code = 400
            return response
        news = search_pages(self.news_queryset(), query) if query else None
        documents = search_pages(self.documents_queryset(), query) if query else None
        return self.render(
            request,
            template=template,
            context_overrides={
                "search_query": query,
                "news_results": news[:20] if news is not None else [],
                "document_results": documents[:20] if documents is not None else [],
            },
        )


class NewsIndexMixin(NewsIndexFeedsMixin, ListingMixin, BaucuPageMixin):
    """ "Tin tức": every public article of the election, newest first, filtered through the URL."""

    intro = RichTextField(_("introduction"), blank=True)

    baucu_content_panels = [FieldPanel("intro")]

    class Meta:
        abstract = True

    def filtered_news(self, request: HttpRequest) -> tuple[QuerySet, dict]:
        """The articles this index shows for ``?agency=CODE&category=slug``, and the filters."""
        from wagtail_baucu.agencies.models import Agency, Category

        queryset = self.news_queryset()
        filters = {}
        # An unknown value matches nothing, decided before any count is made or cached: nobody
        # makes a cache entry or a COUNT query per made-up value.
        agency = query_param(request, "agency", 20)
        if agency:
            known = Agency.objects.filter(code=agency).exists()
            queryset = queryset.filter(agency__code=agency) if known else queryset.none()
            filters["agency"] = agency
        category = query_param(request, "category", 255)
        if category:
            known = Category.objects.filter(slug=category).exists()
            queryset = queryset.filter(categories__slug=category) if known else queryset.none()
            filters["category"] = category
        return queryset, filters

    def get_context(self, request, *args, **kwargs):
        from wagtail_baucu.agencies.models import Agency, Category

        context = super().get_context(request, *args, **kwargs)
        queryset, filters = self.filtered_news(request)
        portal = self.portal
        # Counting every article is the index's only cost that grows with the archive.
        count = 0
        if not queryset.query.is_empty():
            count = cached_count(
                queryset,
                portal.pk if portal else None,
                f"news-index:{self.pk}:{urlencode(sorted(filters.items()))}",
            )
        context["articles"] = paginate(queryset, request, get_setting("NEWS_PER_PAGE"), count)
        context["filters"] = filters
        context["agencies"] = Agency.objects.all()
        context["categories"] = Category.objects.all()
        return context


class PrintableMixin(RoutablePageMixin):
    """A print view at ``<page URL>print/`` (Nghị định 42/2022 asks for one on every article)."""

    print_template = "wagtail_baucu/print/page.html"

    @path("print/", name="print")
    def print_view(self, request: HttpRequest) -> HttpResponse:
        return self.render(request, template=self.print_template)

    def get_print_url(self, request: HttpRequest | None = None) -> str | None:
        url = self.get_url(request)
        return None if url is None else url + self.reverse_subpage("print")


class NewsArticleMixin(PrintableMixin, AgencyContentMixin, BaucuPageMixin):
    """A news article: lead, body, lead image, agency, original source, categories."""

    lead = models.TextField(
        _("lead"), max_length=1000, help_text=_("The sapo: one or two sentences shown in bold.")
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    lead_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source_name = models.CharField(
        _("original source"), max_length=255, blank=True, help_text=_('Shown as "Gốc".')
    )
    source_url = models.URLField(_("original source URL"), blank=True, max_length=500)
    categories = ParentalManyToManyField(
        "wagtail_baucu.Category",
        verbose_name=_("categories"),
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
    )
    # ``related_documents`` (a ParentalManyToManyField to the concrete directive document page)
    # is declared by the concrete page, as a mixin cannot name a concrete model.

    print_template = "wagtail_baucu/print/news_article_page.html"

    baucu_content_panels = [
        FieldPanel("lead"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("agency", permission=SET_PAGE_AGENCY),
                FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
            ],
            heading=_("Source"),
        ),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        abstract = True

    def get_search_text_parts(self) -> list[str]:
        parts = super().get_search_text_parts() + [self.lead, self.source_name]
        for block in self.body or []:
            parts.append(
                strip_tags(str(block.render_as_block())) if block.block_type != "image" else ""
            )
        if self.agency_id and self.agency:
            parts += [self.agency.name, self.agency.short_name, self.agency.code]
        return parts

    @property
    def published_at(self):
        return self.first_published_at

    @property
    def updated_at(self):
        return self.last_published_at or self.first_published_at

    def other_news(self) -> list:
        """ "Tin khác": other public articles of the portal, newest first; never this one.

        The ``OTHER_NEWS_COUNT`` shown are chosen among the portal's newest
        ``OTHER_NEWS_WINDOW``, preferring those of the same category and the same agency, then
        those sharing either, then the newest; the chosen ones are listed by date.
        """
        count = get_setting("OTHER_NEWS_COUNT")
        if count <= 0:
            return []
        model = page_model(NewsArticleMixin)
        # A bounded window of ids, so the cost does not grow with the portal's archive.
        window = list(
            public_pages(model.objects.all(), within=self.portal or self.get_parent())
            .exclude(pk=self.pk)
            .order_by("-first_published_at", "-pk")
            .values_list("pk", "agency_id")[: max(get_setting("OTHER_NEWS_WINDOW"), count)]
        )
        if not window:
            return []
        category_ids = [c.pk for c in self.categories.all()]
        sharing = set()
        if category_ids:
            field = model._meta.get_field("categories")
            page_field, category_field = field.m2m_field_name(), field.m2m_reverse_field_name()
            sharing = set(
                field.remote_field.through.objects.filter(
                    **{
                        f"{page_field}__in": [pk for pk, _agency in window],
                        f"{category_field}__in": category_ids,
                    }
                ).values_list(page_field, flat=True)
            )

        def closeness(position: int) -> tuple[int, int]:
            pk, agency_id = window[position]
            same_agency = self.agency_id is not None and agency_id == self.agency_id
            # Fewer shared traits sort later; among equals the newer (smaller position) first.
            return (-((pk in sharing) + same_agency), position)

        chosen = sorted(sorted(range(len(window)), key=closeness)[:count])
        ids = [window[position][0] for position in chosen]
        found = model.objects.filter(pk__in=ids).select_related("agency").in_bulk()
        return [found[pk] for pk in ids if pk in found]

    def public_related_documents(self) -> list:
        model = page_model(DirectiveDocumentMixin)
        related = getattr(self, "related_documents", None)
        if related is None:
            return []
        ids = [p.pk for p in related.all()]
        return list(public_pages(model.objects.filter(pk__in=ids)).order_by("-issue_date"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["other_news"] = self.other_news()
        context["related_documents"] = self.public_related_documents()
        return context


class DocumentLevel(models.TextChoices):
    CENTRAL = "central", _("Central")
    CITY = "city", _("City")
    DISTRICT = "district", _("District")


def document_type_choices() -> list[tuple[str, str]]:
    return [(OFFICIAL_LETTER, DOCUMENT_TYPES.get(OFFICIAL_LETTER, "Công văn"))] + [
        (code, name) for code, name in DOCUMENT_TYPES.items() if code != OFFICIAL_LETTER
    ]


class DirectiveDocumentMixin(PrintableMixin, AgencyContentMixin, BaucuPageMixin):
    """A directive document ("văn bản chỉ đạo") with what Nghị định 42/2022/NĐ-CP asks for."""

    document_number = models.CharField(
        _("reference number"),
        max_length=100,
        help_text=_("Số, ký hiệu, e.g. 34/UBBC-TCTTT, 08/KH-UBBC or 42/2022/NĐ-CP."),
    )
    # The parts of the reference number, kept for filtering; set from document_number on save.
    number = models.PositiveIntegerField(_("number"), editable=False, null=True)
    number_year = models.PositiveIntegerField(_("year in the number"), editable=False, null=True)
    # Read from the reference number, except where its symbol cannot tell (85/2015/QH13 is a
    # law, 203/2025/QH15 a resolution): the editor's choice is kept then.
    document_type = models.CharField(
        _("document type"),
        max_length=10,
        blank=True,
        default=OFFICIAL_LETTER,
        db_index=True,
        help_text=_(
            "Set from the reference number; chosen here only when the number cannot tell, as "
            "for the laws and resolutions of the National Assembly (85/2015/QH13)."
        ),
    )
    issuer_code = models.CharField(_("issuer code"), max_length=40, editable=False, blank=True)
    unit_code = models.CharField(_("unit code"), max_length=40, editable=False, blank=True)

    issuer = models.ForeignKey(
        "wagtail_baucu.Agency",
        verbose_name=_("issuing body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issuer_name = models.CharField(
        _("issuing body (text)"),
        max_length=255,
        blank=True,
        help_text=_("Used when the issuing body is not one of the portal's agencies."),
    )
    issue_date = models.DateField(_("issue date"))
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    summary = models.TextField(_("summary (trích yếu)"))
    level = models.CharField(
        _("level"), max_length=10, choices=DocumentLevel.choices, default=DocumentLevel.CITY
    )
    file = models.ForeignKey(
        get_document_model_string(),
        verbose_name=pgettext_lazy("directive document", "file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    print_template = "wagtail_baucu/print/directive_document_page.html"

    baucu_content_panels = [
        FieldRowPanel([FieldPanel("document_number"), FieldPanel("level")]),
        FieldPanel("document_type", widget=forms.Select(choices=document_type_choices())),
        FieldRowPanel([FieldPanel("issuer"), FieldPanel("issuer_name")]),
        FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date")]),
        FieldPanel("summary"),
        FieldPanel("file"),
        FieldPanel("agency", permission=SET_PAGE_AGENCY),
    ]

    class Meta:
        abstract = True

    @property
    def parsed_number(self):
        try:
            return parse_document_number(self.document_number)
        except InvalidDocumentNumber:
            return None

    @property
    def document_type_name(self) -> str:
        return DOCUMENT_TYPES.get(self.document_type, str(self.document_type))

    @property
    def issuer_display(self) -> str:
        if self.issuer_id and self.issuer:
            return self.issuer.name
        return self.issuer_name or self.issuer_code

    @property
    def published_at(self):
        return self.first_published_at

    @property
    def updated_at(self):
        return self.last_published_at or self.first_published_at

    def clean(self):
        super().clean()
        try:
            parsed = parse_document_number(self.document_number or "")
        except InvalidDocumentNumber as error:
            raise ValidationError({"document_number": error.message}) from error
        self.document_number = parsed.raw
        if parsed.possible_types and self.document_type not in parsed.possible_types:
            raise ValidationError(
                {
                    "document_type": _(
                        "The reference number %(number)s does not tell the document type: "
                        "choose %(types)s."
                    )
                    % {"number": parsed.raw, "types": parsed.type_name}
                }
            )
        if self.effective_date and self.issue_date and self.effective_date < self.issue_date:
            raise ValidationError(
                {"effective_date": _("The effective date cannot be before the issue date.")}
            )

    def save(self, *args, **kwargs):
        parsed = self.parsed_number
        if parsed is not None:
            self.number = parsed.number
            self.number_year = parsed.year
            if not parsed.possible_types:
                self.document_type = parsed.type_code or OFFICIAL_LETTER
            self.issuer_code = parsed.issuer_code
            self.unit_code = parsed.unit_code or ""
        return super().save(*args, **kwargs)

    def get_search_text_parts(self) -> list[str]:
        return super().get_search_text_parts() + [
            self.document_number,
            self.summary,
            self.document_type_name,
            self.issuer_display,
        ]


class DocumentIndexMixin(DocumentIndexFeedsMixin, ListingMixin, BaucuPageMixin):
    """ "Văn bản chỉ đạo": documents filtered by type, issuer, level and year, and searched."""

    intro = RichTextField(_("introduction"), blank=True)

    baucu_content_panels = [FieldPanel("intro")]

    class Meta:
        abstract = True

    def filtered_documents(self, request: HttpRequest) -> tuple[QuerySet, dict, list[str]]:
        """The documents for ``?type=&issuer=&level=&year=&q=``, the filters as typed, and what
        is wrong with them.

        Every value is checked before the query: an unknown type, issuer or level, a year that
        is not one, or a search past its bounds gives no documents and a message (the page then
        answers 400), and makes no query or cache entry of its own.
        """
        filters, errors = {}, []
        lookups = models.Q()
        document_type = query_param(request, "type", 10)
        if document_type:
            filters["type"] = document_type
            if document_type in dict(document_type_choices()):
                lookups &= models.Q(document_type=document_type)
            else:
                errors.append(_("Unknown document type “%(value)s”.") % {"value": document_type})
        issuer = query_param(request, "issuer", 40)
        if issuer:
            filters["issuer"] = issuer
            if known_issuer(issuer):
                lookups &= models.Q(issuer__code=issuer) | models.Q(issuer_code=issuer)
            else:
                errors.append(
                    _("No agency or public document has the issuer code “%(value)s”.")
                    % {"value": issuer}
                )
        level = query_param(request, "level", 20)
        if level:
            filters["level"] = level
            if level in DocumentLevel.values:
                lookups &= models.Q(level=level)
            else:
                errors.append(_("Unknown level “%(value)s”.") % {"value": level})
        year = query_param(request, "year", 10)
        if year:
            filters["year"] = year
            year_number = parse_bounded_int(year, 1000, 9999)
            if year_number is not None:
                lookups &= models.Q(issue_date__year=year_number)
            else:
                errors.append(_("The year must be a number such as 2021."))
        query = ""
        try:
            query = bounded_query(request.GET.get("q"))
        except QueryOutOfBounds as error:
            filters["q"] = clean_query(request.GET.get("q"))
            errors.append(query_bound_message(error))
        queryset = self.documents_queryset()
        if errors:
            return queryset.none(), filters, errors
        queryset = queryset.filter(lookups)
        if query:
            queryset = search_pages(queryset, query)
            filters["q"] = query
        return queryset, filters, errors

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        queryset, filters, errors = self.filtered_documents(request)
        # No COUNT query for a listing known to be empty.
        count = 0 if queryset.query.is_empty() else None
        context["documents"] = paginate(queryset, request, get_setting("DOCUMENTS_PER_PAGE"), count)
        context["filters"] = filters
        context["filter_errors"] = errors
        context["document_types"] = document_type_choices()
        context["levels"] = DocumentLevel.choices
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if (getattr(response, "context_data", None) or {}).get("filter_errors"):
            response.status_code = 400
        return response


class AgencyIndexMixin(BaucuPageMixin):
    """The list of the portal's agencies."""

    intro = RichTextField(_("introduction"), blank=True)

    baucu_content_panels = [FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        model = page_model(AgencyPageMixin)
        context["agency_pages"] = (
            public_pages(model.objects.child_of(self)).select_related("agency").order_by("title")
        )
        return context


class AgencyPageMixin(AgencyFeedsMixin, ListingMixin, BaucuPageMixin):
    """An agency's public page and its space in the tree: its contributors write under it."""

    agency = models.ForeignKey(
        "wagtail_baucu.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    intro = RichTextField(_("introduction"), blank=True)

    baucu_content_panels = [FieldPanel("agency", permission=SET_PAGE_AGENCY), FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_search_text_parts(self) -> list[str]:
        parts = super().get_search_text_parts()
        if self.agency_id:
            parts += [self.agency.name, self.agency.code]
        return parts

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news_queryset().filter(agency_id=self.agency_id)
        context["articles"] = paginate(news, request, get_setting("NEWS_PER_PAGE"))
        context["documents"] = self.documents_queryset().filter(agency_id=self.agency_id)[:20]
        return context
