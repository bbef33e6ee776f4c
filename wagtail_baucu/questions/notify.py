"""Tell the asker by e-mail that the answer to their question is published, in the background.

A django-tasks task queued after the publishing transaction commits, as WebSub pings are: with
a deferring backend publishing only writes a row; a mail server that is down never holds the
moderator's request, and the asker is told at most once (``notified_at``).
"""

from __future__ import annotations

import logging

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from wagtail_baucu.public import absolute_url, is_public
from wagtail_baucu.questions.models import QuestionStatus, SubmittedQuestion

logger = logging.getLogger(__name__)

SUBJECT = "Câu hỏi của bạn đã được trả lời"
BODY = (
    "Kính gửi {name},\n\n"
    "Câu hỏi bạn gửi tới {portal} đã được trả lời:\n\n{url}\n\n"
    "Đây là thư tự động, xin đừng trả lời thư này."
)


def message_for(question: SubmittedQuestion, url: str, portal_title: str) -> tuple[str, str]:
    """The subject and body of the e-mail (pure apart from its arguments)."""
    return SUBJECT, BODY.format(name=question.name or "bạn", portal=portal_title, url=url)


@task()
def notify_asker_task(question_id: int) -> bool:
    """Send the e-mail for one answered question, once; whether it was sent."""
    with transaction.atomic():
        question = (
            SubmittedQuestion.objects.select_for_update()
            .filter(pk=question_id, notified_at__isnull=True)
            .exclude(email="")
            .first()
        )
        if question is None or question.answer_page_id is None:
            return False
        page = question.answer_page.specific
        if not is_public(page):
            return False
        url = absolute_url(page) or ""
        subject, body = message_for(question, url, (page.portal or page).title)
        try:
            send_mail(subject, body, None, [question.email])
        except Exception:  # never fail a worker (or, inline, a publish) because of the mail
            logger.exception("Could not tell the asker of question %s", question_id)
            return False
        question.notified_at = timezone.now()
        question.status = QuestionStatus.ANSWERED
        question.save(update_fields=["notified_at", "status"])
    return True


def answer_published(page) -> None:
    """Queue the e-mails of the questions ``page`` answers, once the transaction commits."""
    questions = SubmittedQuestion.objects.filter(answer_page_id=page.pk)
    SubmittedQuestion.objects.filter(answer_page_id=page.pk, email="").update(
        status=QuestionStatus.ANSWERED
    )
    for pk in (
        questions.filter(notified_at__isnull=True).exclude(email="").values_list("pk", flat=True)
    ):
        transaction.on_commit(lambda pk=pk: notify_asker_task.enqueue(pk))
