"""The Q&A page types as abstract models: an index of answers by topic, and one answer.

Answers are pages, so they get the portal's moderation, revisions, print view, QR code, short
link, API, search and visibility rule like every page. Concrete pages are in
``wagtail_baucu.pages.models`` (and, for a custom base page, in the project).
"""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField

from wagtail_baucu.feeds.routes import FeedRoutesMixin
from wagtail_baucu.pages.mixins import BaucuPageMixin, PrintableMixin, query_param, search_pages
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.public import public_pages
from wagtail_baucu.questions import submission
from wagtail_baucu.questions.forms import AskQuestionForm
from wagtail_baucu.questions.models import QUESTION_MAX_LENGTH

# The concrete pages' names, here so that they are translated in this app's catalogue.
QUESTION_INDEX_NAMES = (_("questions and answers index"), _("questions and answers indexes"))
QUESTION_NAMES = (_("question and answer"), _("questions and answers"))
ASKED = "da-gui"


class QuestionPageMixin(PrintableMixin, BaucuPageMixin):
    """One question from voters and the committee's answer, with its legal basis."""

    question = models.TextField(_("question"), max_length=QUESTION_MAX_LENGTH)
    answer = RichTextField(_("answer"))
    topic = models.CharField(
        _("topic"), max_length=120, help_text=_("E.g. Cử tri, Người ứng cử, Bỏ phiếu")
    )
    asker_name = models.CharField(
        _("asker's name"),
        max_length=120,
        blank=True,
        help_text=_("Only if the asker agreed on the form that it is shown."),
    )
    asker_commune = models.CharField(
        _("asker's commune or ward"),
        max_length=120,
        blank=True,
        help_text=_("Only if the asker agreed on the form that it is shown."),
    )
    # ``related_documents`` (the legal basis: a ParentalManyToManyField to the concrete
    # directive document page) is declared by the concrete page, as for news articles.

    print_template = "wagtail_baucu/questions/print/question_page.html"

    baucu_content_panels = [
        FieldPanel("topic"),
        FieldPanel("question"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("asker_name"), FieldPanel("asker_commune")])],
            heading=_("Asker (only with their consent)"),
        ),
        FieldPanel("answer"),
    ]

    class Meta:
        abstract = True

    def get_search_text_parts(self) -> list[str]:
        return super().get_search_text_parts() + [
            self.topic,
            self.question,
            strip_tags(self.answer or ""),
        ]

    @property
    def published_at(self):
        return self.first_published_at

    @property
    def updated_at(self):
        return self.last_published_at or self.first_published_at

    def public_related_documents(self) -> list:
        related = getattr(self, "related_documents", None)
        if related is None:
            return []
        return list(public_pages(related.all()).order_by("-issue_date", "pk"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_documents"] = self.public_related_documents()
        return context


class QuestionIndexMixin(FeedRoutesMixin, BaucuPageMixin):
    """ "Hỏi đáp": the public answers by topic, a search without diacritics, and the form."""

    intro = RichTextField(_("introduction"), blank=True)
    form_intro = RichTextField(
        _("text above the form"),
        blank=True,
        help_text=_("E.g. who answers, and how long it usually takes."),
    )

    baucu_content_panels = [FieldPanel("intro"), FieldPanel("form_intro")]

    class Meta:
        abstract = True

    def answers(self):
        """The public answers under this index, by topic then newest first."""
        model = page_model(QuestionPageMixin)
        return public_pages(model.objects.all(), within=self).order_by(
            "topic", "-first_published_at", "-pk"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = query_param(request, "q", 200)
        topic = query_param(request, "chu-de", 120)
        answers = self.answers()
        if query:
            answers = search_pages(answers, query)
        if topic:
            answers = answers.filter(topic=topic)
        answers = list(answers[:500])
        groups: dict[str, list] = {}
        for answer in answers:
            groups.setdefault(answer.topic, []).append(answer)
        context.update(
            search_query=query,
            chosen_topic=topic,
            topics=sorted(groups.items(), key=lambda item: item[0].casefold()),
            answer_count=len(answers),
        )
        return context

    @path("dat-cau-hoi/", name="ask")
    def ask(self, request: HttpRequest) -> HttpResponse:
        """The form (GET), and what becomes of a question sent (POST)."""
        status = 200
        if request.method == "POST":
            outcome = submission.submit(request, self.portal or self)
            if outcome.result == submission.ACCEPTED:
                return HttpResponseRedirect(
                    self.get_url(request) + self.reverse_subpage("ask") + f"?{ASKED}=1"
                )
            form = outcome.form
            status = 429 if outcome.result == submission.LIMITED else 400
        else:
            form = AskQuestionForm()
        response = self.render(
            request,
            template="wagtail_baucu/questions/ask.html",
            context_overrides={
                "form": form,
                "asked": request.method == "GET" and ASKED in request.GET,
                "limited": status == 429,
            },
        )
        response.status_code = status
        return response
