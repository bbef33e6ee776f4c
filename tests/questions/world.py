"""A Q&A index under the portal and answers in it, for the tests."""

from __future__ import annotations

from tests.factories import publish
from wagtail_baucu.pages.registry import page_model
from wagtail_baucu.questions.mixins import QuestionIndexMixin, QuestionPageMixin


def make_question_index(portal):
    index = page_model(QuestionIndexMixin)(title="Hỏi đáp", slug="hoi-dap", live=False)
    portal.add_child(instance=index)
    return publish(index)


def make_answer(index, title: str, *, topic="Cử tri", live=True, **fields):
    page = page_model(QuestionPageMixin)(
        title=title,
        question=fields.pop("question", f"Hỏi: {title}?"),
        answer=fields.pop("answer", f"<p>Trả lời: {title}.</p>"),
        topic=topic,
        live=False,
        **fields,
    )
    index.add_child(instance=page)
    return publish(page) if live else page
