"""Concrete election page types on Wagtail's default ``Page``."""

from django import forms
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from wagtail_baucu.elections.mixins import (
    CANDIDATE_NAMES,
    UNIT_INDEX_NAMES,
    UNIT_NAMES,
    CandidateMixin,
    ElectoralUnitIndexMixin,
    ElectoralUnitMixin,
)
from wagtail_baucu.pages.mixins import (
    AgencyIndexMixin,
    AgencyPageMixin,
    DirectiveDocumentMixin,
    DocumentIndexMixin,
    ElectionPortalMixin,
    NewsArticleMixin,
    NewsIndexMixin,
)
from wagtail_baucu.questions.mixins import (
    QUESTION_INDEX_NAMES,
    QUESTION_NAMES,
    QuestionIndexMixin,
    QuestionPageMixin,
)

TEMPLATES = "wagtail_baucu/pages/"


class ElectionPortalPage(ElectionPortalMixin, Page):
    content_panels = Page.content_panels + ElectionPortalMixin.baucu_content_panels
    search_fields = Page.search_fields + ElectionPortalMixin.baucu_search_fields
    template = TEMPLATES + "election_portal_page.html"
    subpage_types = [
        "baucu_pages.NewsIndexPage",
        "baucu_pages.DocumentIndexPage",
        "baucu_pages.AgencyIndexPage",
        "baucu_pages.ElectoralUnitIndexPage",
        "baucu_pages.QuestionIndexPage",
    ]

    class Meta:
        verbose_name = _("election portal")
        verbose_name_plural = _("election portals")


class NewsIndexPage(NewsIndexMixin, Page):
    content_panels = Page.content_panels + NewsIndexMixin.baucu_content_panels
    search_fields = Page.search_fields + NewsIndexMixin.baucu_search_fields
    template = TEMPLATES + "news_index_page.html"
    parent_page_types = ["baucu_pages.ElectionPortalPage"]
    subpage_types = ["baucu_pages.NewsArticlePage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")


class DirectiveDocumentPage(DirectiveDocumentMixin, Page):
    content_panels = Page.content_panels + DirectiveDocumentMixin.baucu_content_panels
    search_fields = Page.search_fields + DirectiveDocumentMixin.baucu_search_fields
    template = TEMPLATES + "directive_document_page.html"
    parent_page_types = ["baucu_pages.DocumentIndexPage", "baucu_pages.AgencyPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("directive document")
        verbose_name_plural = _("directive documents")


class NewsArticlePage(NewsArticleMixin, Page):
    related_documents = ParentalManyToManyField(
        DirectiveDocumentPage,
        verbose_name=_("related directive documents"),
        blank=True,
        related_name="related_articles",
    )

    content_panels = (
        Page.content_panels
        + NewsArticleMixin.baucu_content_panels
        + [FieldPanel("related_documents", widget=forms.SelectMultiple(attrs={"size": 8}))]
    )
    search_fields = Page.search_fields + NewsArticleMixin.baucu_search_fields
    template = TEMPLATES + "news_article_page.html"
    parent_page_types = ["baucu_pages.NewsIndexPage", "baucu_pages.AgencyPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


class DocumentIndexPage(DocumentIndexMixin, Page):
    content_panels = Page.content_panels + DocumentIndexMixin.baucu_content_panels
    search_fields = Page.search_fields + DocumentIndexMixin.baucu_search_fields
    template = TEMPLATES + "document_index_page.html"
    parent_page_types = ["baucu_pages.ElectionPortalPage"]
    subpage_types = ["baucu_pages.DirectiveDocumentPage"]

    class Meta:
        verbose_name = _("directive documents index")
        verbose_name_plural = _("directive documents indexes")


class AgencyIndexPage(AgencyIndexMixin, Page):
    content_panels = Page.content_panels + AgencyIndexMixin.baucu_content_panels
    search_fields = Page.search_fields + AgencyIndexMixin.baucu_search_fields
    template = TEMPLATES + "agency_index_page.html"
    parent_page_types = ["baucu_pages.ElectionPortalPage"]
    subpage_types = ["baucu_pages.AgencyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("agency index")
        verbose_name_plural = _("agency indexes")


class AgencyPage(AgencyPageMixin, Page):
    content_panels = Page.content_panels + AgencyPageMixin.baucu_content_panels
    search_fields = Page.search_fields + AgencyPageMixin.baucu_search_fields
    template = TEMPLATES + "agency_page.html"
    parent_page_types = ["baucu_pages.AgencyIndexPage"]
    subpage_types = ["baucu_pages.NewsArticlePage", "baucu_pages.DirectiveDocumentPage"]

    class Meta:
        verbose_name = _("agency page")
        verbose_name_plural = _("agency pages")


ELECTION_TEMPLATES = "wagtail_baucu/elections/"


class ElectoralUnitIndexPage(ElectoralUnitIndexMixin, Page):
    content_panels = Page.content_panels + ElectoralUnitIndexMixin.baucu_content_panels
    search_fields = Page.search_fields + ElectoralUnitIndexMixin.baucu_search_fields
    template = ELECTION_TEMPLATES + "electoral_unit_index_page.html"
    parent_page_types = ["baucu_pages.ElectionPortalPage"]
    subpage_types = ["baucu_pages.ElectoralUnitPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = UNIT_INDEX_NAMES[0]
        verbose_name_plural = UNIT_INDEX_NAMES[1]


class ElectoralUnitPage(ElectoralUnitMixin, Page):
    content_panels = Page.content_panels + ElectoralUnitMixin.baucu_content_panels
    search_fields = Page.search_fields + ElectoralUnitMixin.baucu_search_fields
    template = ELECTION_TEMPLATES + "electoral_unit_page.html"
    parent_page_types = ["baucu_pages.ElectoralUnitIndexPage"]
    subpage_types = ["baucu_pages.CandidatePage"]

    class Meta:
        verbose_name = UNIT_NAMES[0]
        verbose_name_plural = UNIT_NAMES[1]


class CandidatePage(CandidateMixin, Page):
    content_panels = Page.content_panels + CandidateMixin.baucu_content_panels
    search_fields = Page.search_fields + CandidateMixin.baucu_search_fields
    template = ELECTION_TEMPLATES + "candidate_page.html"
    parent_page_types = ["baucu_pages.ElectoralUnitPage"]
    subpage_types = []

    class Meta:
        verbose_name = CANDIDATE_NAMES[0]
        verbose_name_plural = CANDIDATE_NAMES[1]


QUESTION_TEMPLATES = "wagtail_baucu/questions/"


class QuestionIndexPage(QuestionIndexMixin, Page):
    content_panels = Page.content_panels + QuestionIndexMixin.baucu_content_panels
    search_fields = Page.search_fields + QuestionIndexMixin.baucu_search_fields
    template = QUESTION_TEMPLATES + "question_index_page.html"
    parent_page_types = ["baucu_pages.ElectionPortalPage"]
    subpage_types = ["baucu_pages.QuestionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = QUESTION_INDEX_NAMES[0]
        verbose_name_plural = QUESTION_INDEX_NAMES[1]


class QuestionPage(QuestionPageMixin, Page):
    related_documents = ParentalManyToManyField(
        DirectiveDocumentPage,
        verbose_name=_("legal basis"),
        blank=True,
        related_name="answered_questions",
    )

    content_panels = (
        Page.content_panels
        + QuestionPageMixin.baucu_content_panels
        + [FieldPanel("related_documents", widget=forms.SelectMultiple(attrs={"size": 8}))]
    )
    search_fields = Page.search_fields + QuestionPageMixin.baucu_search_fields
    template = QUESTION_TEMPLATES + "question_page.html"
    parent_page_types = ["baucu_pages.QuestionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = QUESTION_NAMES[0]
        verbose_name_plural = QUESTION_NAMES[1]
