"""Publishing an answer tells its askers (``notify``)."""

from wagtail.signals import page_published

from wagtail_baucu.questions.mixins import QuestionPageMixin
from wagtail_baucu.questions.notify import answer_published


def _page_published(sender, instance, **kwargs) -> None:
    if isinstance(instance, QuestionPageMixin):
        answer_published(instance)


def connect() -> None:
    """Connect the receivers (called from the app's ``ready()``)."""
    page_published.connect(_page_published, dispatch_uid="baucu_questions_answer_published")
