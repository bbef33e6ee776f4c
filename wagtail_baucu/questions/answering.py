"""Turn a submitted question into a draft answer page that goes through moderation."""

from __future__ import annotations

from django.db import transaction

from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.questions.mixins import QuestionIndexMixin, QuestionPageMixin
from wagtail_baucu.questions.models import QuestionStatus, SubmittedQuestion
from wagtail_baucu.text.slugs import vietnamese_slugify


class NoQuestionIndex(Exception):
    """The question's portal has no Q&A index to put the answer under."""


def question_index_of(portal):
    model = page_model(QuestionIndexMixin)
    return model.objects.child_of(portal).order_by("path").first()


def title_for(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= 120 else words[:119].rsplit(" ", 1)[0] + "…"


def start_answer(question: SubmittedQuestion, user):
    """The draft answer page of ``question`` (created on the first call, never published here).

    The asker's name and commune are copied only if they agreed on the form.
    """
    if question.answer_page_id is not None:
        return question.answer_page.specific
    index = question_index_of(question.portal)
    if index is None:
        raise NoQuestionIndex
    with transaction.atomic():
        title = title_for(question.question)
        page = page_model(QuestionPageMixin)(
            title=title,
            # The submission's number keeps two answers to the same words apart.
            slug=f"{vietnamese_slugify(title)[:70] or 'cau-hoi'}-{question.pk}",
            question=question.question,
            answer="",
            topic="",
            asker_name=question.name if question.show_name else "",
            asker_commune=question.commune if question.show_name else "",
            live=False,
            owner=user,
        )
        index.add_child(instance=page)
        # A draft: the answer and topic are written next, in the editor (Wagtail defers them).
        page.save_revision(user=user, log_action=True, clean=False)
        question.answer_page = page
        question.status = QuestionStatus.ANSWERING
        question.save(update_fields=["answer_page", "status"])
    return page
