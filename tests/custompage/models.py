"""A project with its own base page builds the election pages from the package's mixins."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import AbstractPage
from wagtail.models.pages import AbstractPageMeta

from wagtail_baucu.elections.mixins import (
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
from wagtail_baucu.questions.mixins import QuestionIndexMixin, QuestionPageMixin

TEMPLATES = "wagtail_baucu/pages/"


class BasePage(AbstractPage):
    """The project's own base page, with a field Wagtail's Page does not have."""

    subtitle = models.CharField(max_length=255, blank=True)
    content_panels = AbstractPage.content_panels + [FieldPanel("subtitle")]

    class Meta(AbstractPageMeta):
        pass


class ElectionPortalPage(ElectionPortalMixin, BasePage):
    content_panels = BasePage.content_panels + ElectionPortalMixin.baucu_content_panels
    search_fields = BasePage.search_fields + ElectionPortalMixin.baucu_search_fields
    template = TEMPLATES + "election_portal_page.html"
    subpage_types = [
        "custompage.NewsIndexPage",
        "custompage.DocumentIndexPage",
        "custompage.AgencyIndexPage",
        "custompage.ElectoralUnitIndexPage",
        "custompage.QuestionIndexPage",
    ]


class NewsIndexPage(NewsIndexMixin, BasePage):
    content_panels = BasePage.content_panels + NewsIndexMixin.baucu_content_panels
    search_fields = BasePage.search_fields + NewsIndexMixin.baucu_search_fields
    template = TEMPLATES + "news_index_page.html"
    parent_page_types = ["custompage.ElectionPortalPage"]
    subpage_types = ["custompage.NewsArticlePage"]


class DirectiveDocumentPage(DirectiveDocumentMixin, BasePage):
    content_panels = BasePage.content_panels + DirectiveDocumentMixin.baucu_content_panels
    search_fields = BasePage.search_fields + DirectiveDocumentMixin.baucu_search_fields
    template = TEMPLATES + "directive_document_page.html"
    parent_page_types = ["custompage.DocumentIndexPage", "custompage.AgencyPage"]
    subpage_types = []


class NewsArticlePage(NewsArticleMixin, BasePage):
    # A mixin cannot name a concrete model, so the concrete article declares this field.
    related_documents = ParentalManyToManyField(
        DirectiveDocumentPage, verbose_name=_("related directive documents"), blank=True
    )
    content_panels = (
        BasePage.content_panels
        + NewsArticleMixin.baucu_content_panels
        + [FieldPanel("related_documents")]
    )
    search_fields = BasePage.search_fields + NewsArticleMixin.baucu_search_fields
    template = TEMPLATES + "news_article_page.html"
    parent_page_types = ["custompage.NewsIndexPage", "custompage.AgencyPage"]
    subpage_types = []


class DocumentIndexPage(DocumentIndexMixin, BasePage):
    content_panels = BasePage.content_panels + DocumentIndexMixin.baucu_content_panels
    search_fields = BasePage.search_fields + DocumentIndexMixin.baucu_search_fields
    template = TEMPLATES + "document_index_page.html"
    parent_page_types = ["custompage.ElectionPortalPage"]
    subpage_types = ["custompage.DirectiveDocumentPage"]


class AgencyIndexPage(AgencyIndexMixin, BasePage):
    content_panels = BasePage.content_panels + AgencyIndexMixin.baucu_content_panels
    search_fields = BasePage.search_fields + AgencyIndexMixin.baucu_search_fields
    template = TEMPLATES + "agency_index_page.html"
    parent_page_types = ["custompage.ElectionPortalPage"]
    subpage_types = ["custompage.AgencyPage"]
    max_count_per_parent = 1


class AgencyPage(AgencyPageMixin, BasePage):
    content_panels = BasePage.content_panels + AgencyPageMixin.baucu_content_panels
    search_fields = BasePage.search_fields + AgencyPageMixin.baucu_search_fields
    template = TEMPLATES + "agency_page.html"
    parent_page_types = ["custompage.AgencyIndexPage"]
    subpage_types = ["custompage.NewsArticlePage", "custompage.DirectiveDocumentPage"]


class ElectoralUnitIndexPage(ElectoralUnitIndexMixin, BasePage):
    content_panels = BasePage.content_panels + ElectoralUnitIndexMixin.baucu_content_panels
    search_fields = BasePage.search_fields + ElectoralUnitIndexMixin.baucu_search_fields
    template = "wagtail_baucu/elections/electoral_unit_index_page.html"
    parent_page_types = ["custompage.ElectionPortalPage"]
    subpage_types = ["custompage.ElectoralUnitPage"]
    max_count_per_parent = 1


class ElectoralUnitPage(ElectoralUnitMixin, BasePage):
    content_panels = BasePage.content_panels + ElectoralUnitMixin.baucu_content_panels
    search_fields = BasePage.search_fields + ElectoralUnitMixin.baucu_search_fields
    template = "wagtail_baucu/elections/electoral_unit_page.html"
    parent_page_types = ["custompage.ElectoralUnitIndexPage"]
    subpage_types = ["custompage.CandidatePage"]


class CandidatePage(CandidateMixin, BasePage):
    content_panels = BasePage.content_panels + CandidateMixin.baucu_content_panels
    search_fields = BasePage.search_fields + CandidateMixin.baucu_search_fields
    template = "wagtail_baucu/elections/candidate_page.html"
    parent_page_types = ["custompage.ElectoralUnitPage"]
    subpage_types = []


class QuestionIndexPage(QuestionIndexMixin, BasePage):
    content_panels = BasePage.content_panels + QuestionIndexMixin.baucu_content_panels
    template = "wagtail_baucu/questions/question_index_page.html"
    parent_page_types = ["custompage.ElectionPortalPage"]
    subpage_types = ["custompage.QuestionPage"]
    max_count_per_parent = 1


class QuestionPage(QuestionPageMixin, BasePage):
    related_documents = ParentalManyToManyField(
        DirectiveDocumentPage,
        verbose_name=_("legal basis"),
        blank=True,
        related_name="answered_questions",
    )

    content_panels = (
        BasePage.content_panels
        + QuestionPageMixin.baucu_content_panels
        + [FieldPanel("related_documents")]
    )
    search_fields = BasePage.search_fields + QuestionPageMixin.baucu_search_fields
    template = "wagtail_baucu/questions/question_page.html"
    parent_page_types = ["custompage.QuestionIndexPage"]
    subpage_types = []
